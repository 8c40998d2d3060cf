import type { types } from '@slack/bolt';

/** A Block Kit block of the kinds pid1 sends. */
export type MessageBlock = types.KnownBlock;

/**
 * A message as pid1 builds it for any surface: `text` is the notification and fallback text,
 * `blocks` the Block Kit layout. Both are mrkdwn with every user-typed or image-derived part
 * escaped.
 */
export interface SlackMessage {
  text: string;
  blocks?: MessageBlock[];
}
