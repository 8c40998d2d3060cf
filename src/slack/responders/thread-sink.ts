import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';
import type { SlackMessage } from '../blocks/slack-message.js';
import type { DeliveryKind } from '../commands/responder.js';
import type { MessageSink } from './throttled-responder.js';

export interface ThreadSinkOptions {
  client: webApi.WebClient;
  channel: string;
  /** Timestamp of the thread's first message; replies go into that thread. */
  threadTs: string;
  /** Timestamp of an earlier reply to edit instead of posting a new one, as a re-run does. */
  replyTs?: string;
  logger: Logger;
}

/**
 * Delivers replies to a mention or a direct message in the message's thread. The first reply is
 * posted with `chat.postMessage`; later ones edit it with `chat.update`, so progress and report
 * share one message. These messages are not ephemeral, so `chat.update` can edit them.
 */
export class ThreadSink implements MessageSink {
  private replyTs: string | undefined;

  constructor(private readonly options: ThreadSinkOptions) {
    this.replyTs = options.replyTs;
  }

  async send(message: SlackMessage, kind: DeliveryKind): Promise<void> {
    const { client, channel, threadTs, logger } = this.options;
    try {
      if (this.replyTs !== undefined) {
        await client.chat.update({
          channel,
          ts: this.replyTs,
          text: message.text,
          blocks: message.blocks ?? [],
        });
        return;
      }
      const posted = await client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        text: message.text,
        ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
      });
      this.replyTs = posted.ts;
    } catch (error) {
      logger.warn({ err: error, kind, channel }, 'replying in the thread failed');
    }
  }
}
