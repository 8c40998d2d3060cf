import type { Logger } from '../../logging/logger.js';
import type { SlackConnectionState } from '../app/slack-connection-state.js';
import { createHealthRoute } from './health-route.js';
import type { HttpRoute } from './http-route.js';

export interface HttpRouteDeps {
  pingEngine: () => Promise<boolean>;
  slackState: SlackConnectionState;
  mode: 'http' | 'socket';
  logger: Logger;
}

/**
 * The plain HTTP routes served on PORT in both modes, beside Slack's `/slack/events` in HTTP
 * mode. A new route (such as `/metrics`) goes in this list.
 */
export function createHttpRoutes(deps: HttpRouteDeps): HttpRoute[] {
  return [createHealthRoute(deps.pingEngine, deps.slackState, deps.mode, deps.logger)];
}
