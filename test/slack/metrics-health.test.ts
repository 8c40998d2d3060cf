import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/docker/engine.js';
import { botToken, postSigned, signingSecret, slashCommandBody } from './support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/src/cli/main.js');
const engine = createEngine();

let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startSlackStandIn();
});

afterAll(async () => {
  await standIn.close();
});

interface ServeProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Every JSON log line the process wrote to stderr so far. */
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node dist/src/cli/main.js serve` on a free port with the stand-in as Slack's Web API,
 * and resolves once its log names the port.
 */
async function startServe(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: {
      PATH: process.env['PATH'],
      LOG_LEVEL: 'info',
      PORT: '0',
      SLACK_API_URL: standIn.apiUrl,
      PID1_PULL: 'never',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = new Promise<number>((resolve, reject) => {
    let pending = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry['port'] === 'number') resolve(entry['port']);
      }
    });
    void exited.then(({ code }) => reject(new Error(`pid1 serve exited with ${code}`)));
  });
  const listening = await port;
  return { child, baseUrl: `http://127.0.0.1:${listening}`, logs, exited };
}

/** Sends SIGTERM and resolves with the exit code and the seconds until the process exited. */
async function stopServe(serve: ServeProcess): Promise<{ code: number | null; seconds: number }> {
  const startedAt = performance.now();
  serve.child.kill('SIGTERM');
  const timeout = new Promise<never>((_resolve, reject) =>
    setTimeout(() => reject(new Error('pid1 serve did not exit within 10 s of SIGTERM')), 10_000),
  );
  try {
    const { code } = await Promise.race([serve.exited, timeout]);
    return { code, seconds: (performance.now() - startedAt) / 1000 };
  } finally {
    if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
  }
}

async function scrape(baseUrl: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${baseUrl}/metrics`);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

/** Returns the value of one sample line, such as `pid1_checks_total{verdict="healthy"}`. */
function sampleValue(metricsText: string, sample: string): number | undefined {
  const line = metricsText.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

const httpModeEnv = { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken };

describe('metrics and health over HTTP', () => {
  it('HTTP mode serves healthz and metrics', async () => {
    const serve = await startServe(httpModeEnv);
    try {
      const health = await fetch(`${serve.baseUrl}/healthz`);
      expect(health.status).toBe(200);
      const state = (await health.json()) as Record<string, unknown>;
      expect(state['engine']).toBe('reachable');
      expect(state['mode']).toBe('http');
      expect(['ok', 'unknown']).toContain(state['slack']);

      const metrics = await scrape(serve.baseUrl);
      expect(metrics.status).toBe(200);
      expect(metrics.type).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(metrics.text).toContain('# TYPE pid1_checks_total counter');
      expect(metrics.text).toContain('# TYPE pid1_check_duration_seconds histogram');
      expect(metrics.text).toContain('# TYPE pid1_queue_depth gauge');
      expect(metrics.text).toContain('# TYPE pid1_checks_running gauge');
      expect(sampleValue(metrics.text, 'pid1_checks_total{verdict="healthy"}')).toBe(0);
      expect(sampleValue(metrics.text, 'pid1_checks_total{verdict="problems"}')).toBe(0);
      expect(sampleValue(metrics.text, 'pid1_checks_total{verdict="error"}')).toBe(0);
      expect(sampleValue(metrics.text, 'pid1_queue_depth')).toBe(0);
      expect(sampleValue(metrics.text, 'pid1_checks_running')).toBe(0);
      expect(metrics.text).toContain('process_cpu_user_seconds_total');
      expect(metrics.text).toContain('process_resident_memory_bytes');
      expect(metrics.text).toContain('nodejs_eventloop_lag_seconds');

      const post = await fetch(`${serve.baseUrl}/metrics`, { method: 'POST' });
      expect(post.status).toBe(404);
    } finally {
      expect((await stopServe(serve)).code).toBe(0);
    }
  });

  it('metrics count finished checks by verdict', async () => {
    const serve = await startServe(httpModeEnv);
    try {
      const commands = [
        {
          text: 'check pid1-fixture/tini-front',
          id: `metrics-healthy-${randomBytes(3).toString('hex')}`,
        },
        {
          text: 'check pid1-fixture/missing-image-for-metrics',
          id: `metrics-error-${randomBytes(3).toString('hex')}`,
        },
      ];
      for (const [index, command] of commands.entries()) {
        const reply = await postSigned(
          `${serve.baseUrl}/slack/events`,
          slashCommandBody(command.text, standIn.responseUrl(command.id), `UMETRICS${index}`),
          { contentType: 'application/x-www-form-urlencoded' },
        );
        expect(reply.status).toBe(200);
      }
      await waitForLog(serve, (entry) => entry['msg'] === 'check could not run');
      await waitForLog(serve, (entry) => entry['msg'] === 'check finished');

      const metrics = await scrape(serve.baseUrl);
      expect(sampleValue(metrics.text, 'pid1_checks_total{verdict="healthy"}')).toBe(1);
      expect(sampleValue(metrics.text, 'pid1_checks_total{verdict="problems"}')).toBe(0);
      expect(sampleValue(metrics.text, 'pid1_checks_total{verdict="error"}')).toBe(1);
      expect(
        sampleValue(metrics.text, 'pid1_check_duration_seconds_count{verdict="healthy"}'),
      ).toBe(1);
      const seconds = sampleValue(
        metrics.text,
        'pid1_check_duration_seconds_sum{verdict="healthy"}',
      );
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(60);
      expect(sampleValue(metrics.text, 'pid1_checks_running')).toBe(0);
    } finally {
      expect((await stopServe(serve)).code).toBe(0);
    }
  });

  it('Socket Mode serves metrics', async () => {
    const serve = await startServe({
      SLACK_APP_TOKEN: 'xapp-1-A1234-5678-testapptoken',
      SLACK_BOT_TOKEN: botToken,
    });
    try {
      const metrics = await scrape(serve.baseUrl);
      expect(metrics.status).toBe(200);
      expect(metrics.text).toContain('# TYPE pid1_checks_total counter');
      const health = await fetch(`${serve.baseUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as Record<string, unknown>)['mode']).toBe('socket');
    } finally {
      expect((await stopServe(serve)).code).toBe(0);
    }
  });

  it('healthz returns 503 without an engine', async () => {
    const serve = await startServe({
      ...httpModeEnv,
      DOCKER_HOST: 'unix:///tmp/nonexistent.sock',
    });
    try {
      const health = await fetch(`${serve.baseUrl}/healthz`);
      expect(health.status).toBe(503);
      const state = (await health.json()) as Record<string, unknown>;
      expect(state['engine']).toBe('unreachable');
      expect(state['mode']).toBe('http');
      expect(typeof state['slack']).toBe('string');
      const metrics = await scrape(serve.baseUrl);
      expect(metrics.status).toBe(200);
    } finally {
      expect((await stopServe(serve)).code).toBe(0);
    }
  });
});

describe('serve shutdown on SIGTERM', () => {
  const imageSuffix = randomBytes(4).toString('hex');
  const image = `pid1-test/serve-stop-${imageSuffix}:latest`;

  beforeAll(() => {
    const tag = spawnSync('docker', ['tag', 'pid1-fixture/drops-sigterm', image]);
    expect(tag.status).toBe(0);
  });

  afterAll(() => {
    spawnSync('docker', ['image', 'rm', image], { stdio: 'ignore' });
  });

  it('cancels a running check and exits 0', async () => {
    const serve = await startServe(httpModeEnv);
    const responseId = `serve-sigterm-${randomBytes(3).toString('hex')}`;
    // --full-grace keeps the stop probe waiting 30 s, so the check is running at SIGTERM.
    const reply = await postSigned(
      `${serve.baseUrl}/slack/events`,
      slashCommandBody(
        `check ${image} --grace 30 --full-grace`,
        standIn.responseUrl(responseId),
        'USIGTERM',
      ),
      { contentType: 'application/x-www-form-urlencoded' },
    );
    expect(reply.status).toBe(200);
    await standIn.waitFor(
      (call) =>
        call.path === `/response/${responseId}` &&
        String(call.body['text']).includes('stop signal'),
      30_000,
    );

    const { code, seconds } = await stopServe(serve);
    console.info(`pid1 serve exited ${seconds.toFixed(2)} s after SIGTERM during a check`);
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(10);

    const last = standIn.calls.filter((call) => call.path === `/response/${responseId}`).at(-1);
    expect(String(last?.body['text'])).toMatch(/could not run/);
    expect(serve.logs.some((entry) => entry['msg'] === 'stopped')).toBe(true);
    const left = await engine.docker.listContainers({
      all: true,
      filters: { label: ['pid1.managed=true'] },
    });
    expect(left.filter((container) => container.Image.includes(imageSuffix))).toEqual([]);
  });

  it('idle server exits 0 within a second', async () => {
    const serve = await startServe(httpModeEnv);
    const { code, seconds } = await stopServe(serve);
    console.info(`idle pid1 serve exited ${seconds.toFixed(2)} s after SIGTERM`);
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(2);
  });
});

async function waitForLog(
  serve: ServeProcess,
  match: (entry: Record<string, unknown>) => boolean,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!serve.logs.some(match)) {
    if (Date.now() > deadline) throw new Error('the expected log line did not appear within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
