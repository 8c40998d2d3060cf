import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { registerListeners } from '../listeners/index.js';
import type { AppParts, RunningSlackApp } from './app-parts.js';
import { createReplayGuard } from './replay-guard.js';

/** Milliseconds between auth.test attempts in HTTP mode while Slack has not accepted the token. */
const authRetryMs = 30_000;

/**
 * Starts the app in HTTP mode: Bolt's HTTP receiver serves Slack's requests on `/slack/events`,
 * verified with the signing secret, and the plain routes through `customRoutes`. A replayed
 * request (same signature and timestamp) is acknowledged and dropped. auth.test runs in the
 * background, and again every 30 s until Slack accepts the token.
 */
export async function startHttpMode(
  signingSecret: string,
  parts: AppParts,
): Promise<RunningSlackApp> {
  const replayGuard = createReplayGuard(parts.logger);
  const receiver = new HTTPReceiver({
    signingSecret,
    customRoutes: parts.routes,
    logger: parts.boltLogger,
    customPropertiesExtractor: replayGuard.extractProperties,
  });
  const app = new App({
    receiver,
    authorize: parts.auth.authorize,
    clientOptions: parts.clientOptions,
    logger: parts.boltLogger,
  });
  app.use(replayGuard.middleware);
  registerListeners(app, parts.listenerDeps);
  const server = (await app.start(parts.listen)) as Server;

  const retry = setInterval(
    () => void parts.auth.refresh().then((ok) => ok && clearInterval(retry)),
    authRetryMs,
  );
  retry.unref();
  void parts.auth.refresh().then((ok) => ok && clearInterval(retry));

  const port = (server.address() as AddressInfo).port;
  parts.logger.info({ mode: 'http', port, path: '/slack/events' }, 'Slack app listening');
  return {
    mode: 'http',
    port,
    slackState: parts.slackState,
    stop: async () => {
      clearInterval(retry);
      await app.stop();
    },
  };
}
