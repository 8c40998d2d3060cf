import { createServer, type Server } from 'node:http';
import type { ListenOptions } from 'node:net';
import type { HttpRoute } from './http-route.js';
import { sendJson } from './http-route.js';

/**
 * Starts a plain HTTP server for the routes, for Socket Mode, where Bolt serves no HTTP. It
 * responds with 404 to other paths and 405 to other methods. Resolves once the server listens.
 */
export async function startRouteServer(
  routes: HttpRoute[],
  listen: ListenOptions,
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const matching = routes.filter((route) => route.path === path);
    const route = matching.find((candidate) => candidate.method === request.method);
    if (route !== undefined) {
      route.handler(request, response);
    } else if (matching.length > 0) {
      response.setHeader('allow', matching.map((candidate) => candidate.method).join(', '));
      sendJson(response, 405, {
        error: `method ${request.method ?? ''} is not allowed on ${path}`,
      });
    } else {
      sendJson(response, 404, { error: `no route for ${path}` });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
