import type { SlackMessage } from '../blocks/slack-message.js';

export type DeliveryKind = 'progress' | 'final';

/**
 * Destination of the replies to one command. A responder for Slack delivers through a response URL or
 * a thread; the console prints them.
 */
export interface Responder {
  /** Sends an interim status. The responder may delay, merge or drop it to stay within the limits of its surface. */
  progress(message: SlackMessage): void;
  /** Sends the answer after any progress still in flight, replacing the interim status where the surface can. */
  final(message: SlackMessage): Promise<void>;
}
