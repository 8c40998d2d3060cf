import type { Registry } from 'prom-client';
import type { Logger } from '../../logging/logger.js';
import type { SlackConnectionState } from '../app/slack-connection-state.js';
import { createHealthRoute } from './health-route.js';
import type { HttpRoute } from './http-route.js';
import { createMetricsRoute } from './metrics-route.js';

export interface HttpRouteDeps {
  pingEngine: () => Promise<boolean>;
  slackState: SlackConnectionState;
  mode: 'http' | 'socket';
  logger: Logger;
  /** Served on `/metrics` when set. */
  metrics?: Registry;
}

/**
 * Creates the plain HTTP routes served on PORT in both modes, beside Slack's `/slack/events` in
 * HTTP mode: `/healthz`, and `/metrics` when a registry is given. A new route goes in this list.
 */
export function createHttpRoutes(deps: HttpRouteDeps): HttpRoute[] {
  const routes = [createHealthRoute(deps.pingEngine, deps.slackState, deps.mode, deps.logger)];
  if (deps.metrics !== undefined) routes.push(createMetricsRoute(deps.metrics, deps.logger));
  return routes;
}
