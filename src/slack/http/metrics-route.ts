import type { Registry } from 'prom-client';
import type { Logger } from '../../logging/logger.js';
import type { HttpRoute } from './http-route.js';

/** `GET /metrics`: the registry in Prometheus text format. */
export function createMetricsRoute(registry: Registry, logger: Logger): HttpRoute {
  return {
    path: '/metrics',
    method: 'GET',
    handler: (_request, response) => {
      registry
        .metrics()
        .then((text) => {
          response.writeHead(200, {
            'content-type': registry.contentType,
            'content-length': Buffer.byteLength(text),
            'cache-control': 'no-store',
          });
          response.end(text);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'collecting metrics failed');
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          response.end('collecting metrics failed\n');
        });
    },
  };
}
