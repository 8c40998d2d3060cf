import type { webApi } from '@slack/bolt';
import { handleCommand } from '../../commands/handle-command.js';
import type { CommandRequest } from '../../commands/command-deps.js';
import { normalizeSlackText } from '../../commands/normalize-slack-text.js';
import { ThreadSink } from '../../responders/thread-sink.js';
import { ThrottledResponder } from '../../responders/throttled-responder.js';
import { threadThrottle, type ListenerDeps } from '../listener-deps.js';
import { stripBotMention } from './strip-bot-mention.js';

export interface ThreadMessage {
  client: webApi.WebClient;
  eventId: string | undefined;
  channel: string;
  /** The message's own ts, and its thread's ts when it was posted in a thread. */
  ts: string;
  threadTs: string | undefined;
  userId: string;
  text: string;
  botUserId: string | undefined;
  source: Extract<CommandRequest['source'], 'mention' | 'direct-message'>;
}

/**
 * Answers a mention or direct message in its thread, with the same command handling as `/pid1`.
 * Text that is no sub-command is answered as a question. A delivery whose event id was seen
 * before is a retry of one already being answered, so it is skipped.
 */
export async function replyInThread(message: ThreadMessage, deps: ListenerDeps): Promise<void> {
  if (message.eventId !== undefined && !deps.seenEvents.add(message.eventId)) return;
  const { logger, now } = deps.commands;
  const sink = new ThreadSink({
    client: message.client,
    channel: message.channel,
    threadTs: message.threadTs ?? message.ts,
    logger,
  });
  const request: CommandRequest = {
    text: normalizeSlackText(stripBotMention(message.text, message.botUserId)),
    userId: message.userId,
    source: message.source,
    replyIsPrivate: false,
    freeTextIsQuestion: true,
  };
  await handleCommand(request, new ThrottledResponder(sink, threadThrottle, now), deps.commands);
}
