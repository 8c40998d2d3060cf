import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver } from '@slack/bolt';
import { startRouteServer } from '../http/route-server.js';
import { registerListeners } from '../listeners/index.js';
import type { AppParts, RunningSlackApp } from './app-parts.js';
import { isRejectedToken } from './slack-auth-errors.js';
import { watchSocketState } from './watch-socket-state.js';

/** Milliseconds before a new connection attempt after the socket client gave up. */
const reconnectAfterMs = 30_000;

/**
 * Starts the app in Socket Mode: the plain routes get their own HTTP server, and the socket
 * connects to Slack in the background, so `/healthz` responds while Slack is unreachable. The
 * socket client and its Web API client retry on their own. socket-mode 3.1 gives up on a
 * request or HTTP error of apps.connections.open once those retries run out, and then pid1
 * starts it again after 30 s. Only a rejected token stops the retries.
 */
export async function startSocketMode(
  appToken: string,
  apiUrl: string,
  parts: AppParts,
): Promise<RunningSlackApp> {
  const { logger, slackState } = parts;
  // Bolt passes installerOptions.clientOptions to the socket client, which opens the connection
  // with apps.connections.open, so SLACK_API_URL must reach it there as well.
  const receiver = new SocketModeReceiver({
    appToken,
    logger: parts.boltLogger,
    installerOptions: { clientOptions: { slackApiUrl: apiUrl } },
  });
  watchSocketState(receiver.client, slackState, logger);
  const app = new App({
    receiver,
    authorize: parts.auth.authorize,
    clientOptions: parts.clientOptions,
    logger: parts.boltLogger,
  });
  registerListeners(app, parts.listenerDeps);
  const server = await startRouteServer(parts.routes, parts.listen);

  let stopping = false;
  let reconnect: NodeJS.Timeout | undefined;
  const connect = (): void => {
    app.start().catch((error: unknown) => {
      if (stopping) return;
      if (isRejectedToken(error)) {
        slackState.set('unauthorized');
        logger.error({ err: error }, 'Slack rejected SLACK_APP_TOKEN; Socket Mode stops retrying');
        return;
      }
      slackState.set('unreachable');
      logger.warn(
        { err: error, retryInMs: reconnectAfterMs },
        'Socket Mode could not connect; retrying',
      );
      reconnect = setTimeout(connect, reconnectAfterMs);
    });
  };
  connect();

  const port = (server.address() as AddressInfo).port;
  logger.info(
    { mode: 'socket', port },
    'health server listening; connecting to Slack in Socket Mode',
  );
  return {
    mode: 'socket',
    port,
    slackState,
    stop: async () => {
      stopping = true;
      clearTimeout(reconnect);
      await app.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
