import type { Logger } from '../../logging/logger.js';
import type { SlackConnectionState } from '../app/slack-connection-state.js';
import { sendJson, type HttpRoute } from './http-route.js';

/**
 * `GET /healthz`: 200 when the Docker engine responds to a ping, 503 when it does not. The JSON body
 * gives both states, as in `{"engine":"reachable","slack":"ok","mode":"http"}` (see SlackState).
 * Slack's state does not change the status code, because pid1 keeps retrying Slack on its own
 * and a restart would not bring Slack back.
 */
export function createHealthRoute(
  pingEngine: () => Promise<boolean>,
  slack: SlackConnectionState,
  mode: 'http' | 'socket',
  logger: Logger,
): HttpRoute {
  return {
    path: '/healthz',
    method: 'GET',
    handler: (_request, response) => {
      pingEngine()
        .then((reachable) => {
          const body = {
            engine: reachable ? 'reachable' : 'unreachable',
            slack: slack.current,
            mode,
          };
          sendJson(response, reachable ? 200 : 503, body);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'the health check failed');
          sendJson(response, 500, { error: 'the health check failed' });
        });
    },
  };
}
