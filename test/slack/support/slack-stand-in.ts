import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the app sent to the stand-in: a Web API method or a response URL post. */
export interface RecordedCall {
  /** Web API method such as `chat.postMessage`, or `response-url`. */
  kind: string;
  /** Path of the request, such as `/response/c1`. */
  path: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
  receivedAt: number;
  /** The stand-in's response to a Web API call. */
  result?: Record<string, unknown>;
}

export interface SlackStandIn {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Resolves with the first recorded call, past or future, that matches; rejects after `timeoutMs`. */
  waitFor(match: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Makes the response URLs return this status from now on. */
  setResponseUrlStatus(status: number): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('application/json'))
    return JSON.parse(text) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    // The Web API client sends nested fields (blocks) as JSON strings inside a form body.
    body[key] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
  }
  return body;
}

function apiResult(
  method: string,
  body: Record<string, unknown>,
  ts: string,
): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://example.invalid/',
        team: 'Test',
        user: 'pid1',
        team_id: 'T1234',
        user_id: 'UBOT',
        bot_id: 'BBOT',
      };
    case 'chat.postMessage':
      return { ok: true, channel: body['channel'], ts, message: { text: body['text'], ts } };
    case 'chat.update':
      return { ok: true, channel: body['channel'], ts: body['ts'] };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: ts };
    case 'apps.connections.open':
      // Nothing listens on port 9 of the loopback, so the socket client fails to connect and retries.
      return { ok: true, url: 'ws://127.0.0.1:9/link' };
    default:
      return { ok: true };
  }
}

/**
 * Starts a stand-in for Slack on 127.0.0.1: the Web API under `/api/` and response URLs under
 * `/response/`. It records every request and responds as Slack does when all goes well.
 */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const waiters: {
    match: (call: RecordedCall) => boolean;
    resolve: (call: RecordedCall) => void;
  }[] = [];
  let responseUrlStatus = 200;
  let messageCounter = 0;

  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const isApi = path.startsWith('/api/');
      const call: RecordedCall = {
        kind: isApi ? path.slice('/api/'.length) : 'response-url',
        path,
        body,
        authorization: request.headers.authorization,
        receivedAt: Date.now(),
      };
      if (isApi) {
        messageCounter += 1;
        call.result = apiResult(
          call.kind,
          body,
          `1700000000.${String(messageCounter).padStart(6, '0')}`,
        );
      }
      calls.push(call);
      for (const waiter of [...waiters]) {
        if (waiter.match(call)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(call);
        }
      }
      if (isApi) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(call.result));
      } else {
        response.writeHead(responseUrlStatus, { 'content-type': 'text/plain' });
        response.end(responseUrlStatus === 200 ? 'ok' : 'expired_url');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    waitFor: (match, timeoutMs = 30_000) => {
      const earlier = calls.find(match);
      if (earlier !== undefined) return Promise.resolve(earlier);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching call to the Slack stand-in within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (call) => {
            clearTimeout(timer);
            resolve(call);
          },
        });
      });
    },
    setResponseUrlStatus: (status) => {
      responseUrlStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
