import type { SlackMessage } from './slack-message.js';

/** Replies to a user who started more checks in the last minute than the limit allows. */
export function rateLimitMessage(limitPerMinute: number, retryAfterSeconds: number): SlackMessage {
  const checks = `${limitPerMinute} check${limitPerMinute === 1 ? '' : 's'}`;
  const wait = `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`;
  return {
    text: `:raised_hand: You have started ${checks} in the last minute, the limit for one user. Please try again in ${wait}.`,
  };
}
