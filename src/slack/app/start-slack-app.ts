import { webApi } from '@slack/bolt';
import type { CommandDeps } from '../commands/command-deps.js';
import { createHttpRoutes } from '../http/http-routes.js';
import { RecentIds } from '../listeners/events/recent-ids.js';
import type { SlackConfig } from '../slack-config.js';
import type { AppParts, RunningSlackApp } from './app-parts.js';
import { createBoltLogger } from './bolt-logger.js';
import { createCachedAuthorize } from './cached-authorize.js';
import { SlackConnectionState } from './slack-connection-state.js';
import { startHttpMode } from './start-http-mode.js';
import { startSocketMode } from './start-socket-mode.js';

export type { RunningSlackApp } from './app-parts.js';

export interface SlackAppOptions {
  commands: CommandDeps;
  pingEngine: () => Promise<boolean>;
  /** Interface to listen on; all interfaces when unset. */
  host?: string;
}

/**
 * Starts the Slack app and its HTTP server on PORT, in the mode the config names. Both modes
 * share the listeners, the plain HTTP routes (`/healthz`, `/metrics`) and the Web API client settings.
 */
export async function startSlackApp(
  config: SlackConfig,
  options: SlackAppOptions,
): Promise<RunningSlackApp> {
  const { logger } = options.commands;
  const boltLogger = createBoltLogger(logger);
  const slackState = new SlackConnectionState();
  // A separate client for auth.test, without retries, so that authorizing an event stays fast.
  const authClient = new webApi.WebClient(undefined, {
    slackApiUrl: config.apiUrl,
    logger: boltLogger,
    retryConfig: { retries: 0 },
    timeout: 5000,
  });
  const parts: AppParts = {
    logger,
    boltLogger,
    slackState,
    routes: createHttpRoutes({
      pingEngine: options.pingEngine,
      slackState,
      mode: config.mode,
      logger,
      ...(options.commands.metrics === undefined
        ? {}
        : { metrics: options.commands.metrics.registry }),
    }),
    clientOptions: {
      slackApiUrl: config.apiUrl,
      retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes,
      timeout: 10_000,
    },
    auth: createCachedAuthorize(authClient, config.botToken, slackState, logger),
    listen: { port: config.port, ...(options.host === undefined ? {} : { host: options.host }) },
    listenerDeps: { commands: options.commands, seenEvents: new RecentIds() },
  };
  if (config.mode === 'http') return startHttpMode(config.signingSecret, parts);
  return startSocketMode(config.appToken, config.apiUrl, parts);
}
