import type { CommandDeps } from '../commands/command-deps.js';
import type { RecentIds } from './events/recent-ids.js';

/** Dependencies of the Bolt listeners besides the app. */
export interface ListenerDeps {
  commands: CommandDeps;
  /** Event ids already answered, so that a retried delivery is not answered twice. */
  seenEvents: RecentIds;
}

/** Progress pacing for replies through a response URL, which takes five posts at most. */
export const responseUrlThrottle = { minIntervalMs: 1500, maxProgress: 4 };

/** Progress pacing for replies in a thread, which edit one message with chat.update. */
export const threadThrottle = { minIntervalMs: 1500, maxProgress: 10 };

/** Milliseconds after which a slash command is acknowledged empty if no reply is ready. */
export const ackDeadlineMs = 2000;
