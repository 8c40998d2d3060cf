import type { App } from '@slack/bolt';
import { handleCommand } from '../../commands/handle-command.js';
import { normalizeSlackText } from '../../commands/normalize-slack-text.js';
import { ResponseUrlSink } from '../../responders/response-url-sink.js';
import { ThrottledResponder } from '../../responders/throttled-responder.js';
import { ackDeadlineMs, responseUrlThrottle, type ListenerDeps } from '../listener-deps.js';

/**
 * Registers `/pid1`. Every reply is ephemeral. The first one goes in the acknowledgement, which
 * Slack needs within 3 s: a quick reply (help, explain, a usage error) is complete there, and
 * a check sends "Checking…" there, then its progress and report through the response URL.
 */
export function register(app: App, deps: ListenerDeps): void {
  app.command('/pid1', async ({ command, ack, client }) => {
    const { logger, now } = deps.commands;
    const sink = new ResponseUrlSink({
      responseUrl: command.response_url,
      ack: async (message) => {
        await ack(message === undefined ? undefined : { response_type: 'ephemeral', ...message });
      },
      hasOriginal: false,
      fallback: async (message) => {
        await client.chat.postEphemeral({
          channel: command.channel_id,
          user: command.user_id,
          ...message,
        });
      },
      logger,
      now,
    });
    const deadline = setTimeout(() => void sink.acknowledgeEmpty(), ackDeadlineMs);
    try {
      const request = {
        text: normalizeSlackText(command.text),
        userId: command.user_id,
        source: 'slash-command' as const,
        replyIsPrivate: true,
        freeTextIsQuestion: false,
      };
      await handleCommand(
        request,
        new ThrottledResponder(sink, responseUrlThrottle, now),
        deps.commands,
      );
    } finally {
      clearTimeout(deadline);
      await sink.acknowledgeEmpty();
    }
  });
}
