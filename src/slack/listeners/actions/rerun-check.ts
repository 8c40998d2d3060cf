import type { App, BlockButtonAction } from '@slack/bolt';
import { actionIds } from '../../blocks/action-ids.js';
import { handleCommand } from '../../commands/handle-command.js';
import { ResponseUrlSink } from '../../responders/response-url-sink.js';
import { ThreadSink } from '../../responders/thread-sink.js';
import { ThrottledResponder, type MessageSink } from '../../responders/throttled-responder.js';
import { responseUrlThrottle, threadThrottle, type ListenerDeps } from '../listener-deps.js';

/**
 * Registers the "Re-run check" button. The button's value is the command text after `/pid1`.
 * Progress and the new report replace the old report: through the response URL for an
 * ephemeral report, with chat.update for a report in a thread.
 */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(actionIds.rerunCheck, async ({ ack, action, body, client }) => {
    await ack();
    const { logger, now } = deps.commands;
    const isEphemeral = body.container['is_ephemeral'] === true;
    const messageTs = body.message?.ts;
    const channel = body.channel?.id;

    let sink: MessageSink;
    if (!isEphemeral && messageTs !== undefined && channel !== undefined) {
      const threadTs =
        typeof body.message?.['thread_ts'] === 'string'
          ? (body.message['thread_ts'] as string)
          : messageTs;
      sink = new ThreadSink({ client, channel, threadTs, replyTs: messageTs, logger });
    } else {
      sink = new ResponseUrlSink({
        responseUrl: body.response_url,
        hasOriginal: true,
        logger,
        now,
      });
    }
    const throttle = sink instanceof ThreadSink ? threadThrottle : responseUrlThrottle;
    const request = {
      text: action.value ?? '',
      userId: body.user.id,
      source: 'button' as const,
      replyIsPrivate: isEphemeral,
      freeTextIsQuestion: false,
    };
    await handleCommand(request, new ThrottledResponder(sink, throttle, now), deps.commands);
  });
}
