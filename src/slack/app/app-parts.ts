import type { webApi } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';
import type { HttpRoute } from '../http/http-route.js';
import type { ListenerDeps } from '../listeners/listener-deps.js';
import type { CachedAuthorize } from './cached-authorize.js';
import type { SlackConnectionState } from './slack-connection-state.js';

/** The pieces both modes build the Bolt app from. */
export interface AppParts {
  logger: Logger;
  boltLogger: BoltLogger;
  slackState: SlackConnectionState;
  routes: HttpRoute[];
  clientOptions: webApi.WebClientOptions;
  auth: CachedAuthorize;
  listen: { port: number; host?: string };
  listenerDeps: ListenerDeps;
}

export interface RunningSlackApp {
  mode: 'http' | 'socket';
  /** The port the HTTP server listens on, which differs from PORT when PORT is 0. */
  port: number;
  slackState: SlackConnectionState;
  stop(): Promise<void>;
}
