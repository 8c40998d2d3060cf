import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.js';
import { replyInThread } from './reply-in-thread.js';

/**
 * Registers messages sent to the bot in its direct-message channel. Only plain messages from
 * people count: edits, deletions and other subtypes, and messages from bots (the bot's own
 * replies included), are skipped.
 */
export function register(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body, client, context }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id !== undefined || typeof event.text !== 'string' || event.text.trim() === '')
      return;
    await replyInThread(
      {
        client,
        eventId: body.event_id,
        channel: event.channel,
        ts: event.ts,
        threadTs: event.thread_ts,
        userId: event.user,
        text: event.text,
        botUserId: context.botUserId,
        source: 'direct-message',
      },
      deps,
    );
  });
}
