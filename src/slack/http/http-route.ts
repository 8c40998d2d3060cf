import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A plain HTTP route served on PORT beside Slack's endpoint, in the shape of Bolt's
 * `CustomRoute`, so that the same list serves HTTP mode (Bolt's `customRoutes`) and Socket Mode
 * (pid1's own server).
 */
export interface HttpRoute {
  path: string;
  method: 'GET';
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}

/** Writes a JSON body with the status code. */
export function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
