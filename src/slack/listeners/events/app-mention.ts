import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.js';
import { replyInThread } from './reply-in-thread.js';

/** Registers `@pid1 …` mentions in channels; the answer goes in the mention's thread. */
export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    if (event.bot_id !== undefined || event.user === undefined) return;
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
        source: 'mention',
      },
      deps,
    );
  });
}
