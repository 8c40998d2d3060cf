import type { App } from '@slack/bolt';
import { register as registerExplainTopic } from './actions/explain-topic.js';
import { register as registerRerunCheck } from './actions/rerun-check.js';
import { register as registerShareReport } from './actions/share-report.js';
import { register as registerPid1Command } from './commands/pid1-command.js';
import { register as registerAppMention } from './events/app-mention.js';
import { register as registerDirectMessage } from './events/direct-message.js';
import type { ListenerDeps } from './listener-deps.js';

/** Registers every listener of the app: the slash command, the buttons and the events. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerPid1Command(app, deps);
  registerExplainTopic(app, deps);
  registerRerunCheck(app, deps);
  registerShareReport(app, deps);
  registerAppMention(app, deps);
  registerDirectMessage(app, deps);
}
