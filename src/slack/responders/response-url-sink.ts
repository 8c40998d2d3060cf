import type { Logger } from '../../logging/logger.js';
import type { SlackMessage } from '../blocks/slack-message.js';
import type { DeliveryKind } from '../commands/responder.js';
import { postToResponseUrl } from './post-to-response-url.js';
import { ResponseUrlBudget } from './response-url-budget.js';
import type { MessageSink } from './throttled-responder.js';

export interface ResponseUrlSinkOptions {
  responseUrl: string;
  /** Acknowledges the request with the first message; absent when it was acknowledged already. */
  ack?: (message: SlackMessage | undefined) => Promise<void>;
  /** True when the response URL belongs to a message that later posts should replace. */
  hasOriginal: boolean;
  /** Delivers the final message another way once the response URL has expired or is used up. */
  fallback?: (message: SlackMessage) => Promise<void>;
  logger: Logger;
  now: () => number;
}

/**
 * Delivers ephemeral replies for a slash command or a button: the first message in the
 * acknowledgement when there is one, the rest through the response URL, each replacing the
 * previous one. Stays within the response URL's budget (ResponseUrlBudget): progress that does
 * not fit is dropped, and a final message that does not fit goes to the fallback.
 */
export class ResponseUrlSink implements MessageSink {
  private readonly budget: ResponseUrlBudget;
  private acknowledged: boolean;
  private hasOriginal: boolean;

  constructor(private readonly options: ResponseUrlSinkOptions) {
    this.budget = new ResponseUrlBudget(options.now(), options.now);
    this.acknowledged = options.ack === undefined;
    this.hasOriginal = options.hasOriginal;
  }

  /** Acknowledges with no message if nothing was sent yet; call before Slack's 3 s run out. */
  async acknowledgeEmpty(): Promise<void> {
    if (this.acknowledged) return;
    this.acknowledged = true;
    try {
      await this.options.ack?.(undefined);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'acknowledging the request failed');
    }
  }

  async send(message: SlackMessage, kind: DeliveryKind): Promise<void> {
    if (!this.acknowledged) {
      this.acknowledged = true;
      this.hasOriginal = true;
      try {
        await this.options.ack?.(message);
      } catch (error) {
        this.options.logger.warn({ err: error, kind }, 'acknowledging the request failed');
      }
      return;
    }
    if (!this.budget.tryTake(kind)) {
      if (kind === 'final') await this.sendFallback(message);
      return;
    }
    try {
      await postToResponseUrl(this.options.responseUrl, {
        ...message,
        response_type: 'ephemeral',
        replace_original: this.hasOriginal,
      });
      this.hasOriginal = true;
    } catch (error) {
      this.options.logger.warn(
        { err: error, kind, postsUsed: this.budget.used },
        'posting to the response URL failed',
      );
      if (kind === 'final') await this.sendFallback(message);
    }
  }

  private async sendFallback(message: SlackMessage): Promise<void> {
    if (this.options.fallback === undefined) {
      this.options.logger.warn(
        'the final reply was dropped: the response URL has expired or is used up',
      );
      return;
    }
    try {
      await this.options.fallback(message);
    } catch (error) {
      this.options.logger.warn(
        { err: error },
        'the final reply was dropped: the fallback post failed',
      );
    }
  }
}
