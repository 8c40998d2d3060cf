import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServe } from '../../src/cli/serve-command.js';
import { createEngine } from '../../src/docker/engine.js';
import { isReport } from './support/payloads.js';
import { botToken, postSigned, signingSecret, slashCommandBody } from './support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';

let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startSlackStandIn();
});

afterAll(async () => {
  await standIn.close();
});

interface StartedServe {
  port: number;
  stop(): Promise<number>;
}

/** Starts `pid1 serve` on 127.0.0.1 with a free port and the given Slack variables. */
async function startServe(env: NodeJS.ProcessEnv): Promise<StartedServe> {
  let requestStop: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => {
    requestStop = resolve;
  });
  let listening: (port: number) => void = () => undefined;
  const port = new Promise<number>((resolve) => {
    listening = resolve;
  });
  const exit = runServe(
    {},
    {
      env: { LOG_LEVEL: 'silent', PORT: '0', SLACK_API_URL: standIn.apiUrl, ...env },
      stdin: new PassThrough(),
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      host: '127.0.0.1',
      stopRequested,
      onListening: listening,
    },
  );
  const started = await Promise.race([
    port,
    exit.then((code) => Promise.reject(new Error(`serve exited with ${code}`))),
  ]);
  return {
    port: started,
    stop: async () => {
      requestStop();
      return exit;
    },
  };
}

describe('pid1 serve with Slack credentials', () => {
  it('HTTP mode answers commands and healthz', async () => {
    const serve = await startServe({
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: botToken,
    });
    try {
      const health = await fetch(`http://127.0.0.1:${serve.port}/healthz`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as Record<string, unknown>)['engine']).toBe('reachable');
      const body = slashCommandBody('help', standIn.responseUrl('serve-http'));
      const reply = await postSigned(`http://127.0.0.1:${serve.port}/slack/events`, body, {
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(reply.status).toBe(200);
      expect(reply.elapsedMs).toBeLessThan(3000);
      expect(String((JSON.parse(reply.text) as Record<string, unknown>)['text'])).toMatch(
        /^\*pid1\* runs a container image/,
      );
      const unknown = await fetch(`http://127.0.0.1:${serve.port}/nothing-here`);
      expect(unknown.status).toBe(404);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('Socket Mode serves healthz while Slack is unreachable', async () => {
    const serve = await startServe({
      SLACK_APP_TOKEN: 'xapp-1-A1234-5678-testapptoken',
      SLACK_BOT_TOKEN: botToken,
    });
    try {
      // The socket client must call apps.connections.open at SLACK_API_URL, with the app token.
      const open = await standIn.waitFor((call) => call.kind === 'apps.connections.open', 10_000);
      expect(open.authorization).toBe('Bearer xapp-1-A1234-5678-testapptoken');
      const health = await fetch(`http://127.0.0.1:${serve.port}/healthz`);
      expect(health.status).toBe(200);
      const state = (await health.json()) as Record<string, unknown>;
      expect(state['engine']).toBe('reachable');
      expect(state['mode']).toBe('socket');
      expect(['connecting', 'unreachable', 'unknown']).toContain(state['slack']);
      const other = await fetch(`http://127.0.0.1:${serve.port}/healthz`, { method: 'POST' });
      expect(other.status).toBe(405);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('stop cancels a running check and tells the user', async () => {
    const managed = { all: true, filters: { label: ['pid1.managed=true'] } };
    // Containers of other suites on the same engine are not this test's to count.
    const before = new Set((await createEngine().docker.listContainers(managed)).map((c) => c.Id));
    const serve = await startServe({
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: botToken,
    });
    const body = slashCommandBody(
      'check pid1-case/tutorial-sleep',
      standIn.responseUrl('serve-stop'),
    );
    const reply = await postSigned(`http://127.0.0.1:${serve.port}/slack/events`, body, {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(reply.status).toBe(200);
    await standIn.waitFor((call) => call.path === '/response/serve-stop');
    expect(await serve.stop()).toBe(0);
    const posts = standIn.calls.filter((call) => call.path === '/response/serve-stop');
    const last = posts.at(-1);
    expect(isReport(last?.body ?? {})).toBe(false);
    expect(String(last?.body['text'])).toMatch(
      /^:x: The check of `pid1-case\/tutorial-sleep` could not run: /,
    );
    const left = (await createEngine().docker.listContainers(managed)).filter(
      (container) => !before.has(container.Id),
    );
    expect(left).toEqual([]);
  });

  it('port in use exits 3', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen({ port: 0, host: '127.0.0.1' }, resolve));
    const port = (blocker.address() as AddressInfo).port;
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    try {
      const code = await runServe(
        {},
        {
          env: {
            LOG_LEVEL: 'silent',
            PORT: String(port),
            SLACK_API_URL: standIn.apiUrl,
            SLACK_SIGNING_SECRET: signingSecret,
            SLACK_BOT_TOKEN: botToken,
          },
          stdin: new PassThrough(),
          stdout: new PassThrough(),
          stderr,
          host: '127.0.0.1',
          stopRequested: new Promise(() => undefined),
        },
      );
      expect(code).toBe(3);
      expect(err).toBe(
        `pid1: the Slack app could not start on port ${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
