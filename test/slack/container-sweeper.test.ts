import { randomBytes } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../src/config/settings.js';
import { CheckQueue } from '../../src/diagnosis/check-queue.js';
import { createEngine } from '../../src/docker/engine.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { startContainerSweeper } from '../../src/slack/app/container-sweeper.js';
import { runSlackServer } from '../../src/slack/app/run-slack-server.js';
import { createCommandDeps } from '../../src/slack/commands/create-command-deps.js';
import { botToken, signingSecret } from './support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';

const engine = createEngine();
/** Check id label of this file's containers, so that the test finds and removes only its own. */
const testCheckId = `sweeptest-${randomBytes(4).toString('hex')}`;

let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startSlackStandIn();
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await standIn.close();
  const left = await engine.docker.listContainers({
    all: true,
    filters: { label: [`pid1.check-id=${testCheckId}`] },
  });
  for (const container of left)
    await engine.docker.getContainer(container.Id).remove({ force: true });
  expect(left).toEqual([]);
});

/** Starts a pid1-labelled `sleep 60` container that expires `expiresInSeconds` from now. */
async function startLabelledContainer(expiresInSeconds: number): Promise<string> {
  const container = await engine.docker.createContainer({
    Image: 'pid1-fixture/base',
    Cmd: ['sleep', '60'],
    Labels: {
      'pid1.managed': 'true',
      'pid1.check-id': testCheckId,
      'pid1.role': 'target',
      'pid1.expires-at': String(Math.floor(Date.now() / 1000) + expiresInSeconds),
    },
    HostConfig: { NetworkMode: 'none' },
  });
  await container.start();
  return container.id;
}

async function exists(id: string): Promise<boolean> {
  const containers = await engine.docker.listContainers({ all: true, filters: { id: [id] } });
  return containers.length > 0;
}

/** Creates a pino logger that keeps its lines in memory. */
function memoryLogger(): { logger: pino.Logger; logs: Record<string, unknown>[] } {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), logs };
}

async function waitForLog(
  logs: Record<string, unknown>[],
  match: (line: Record<string, unknown>) => boolean,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = logs.find(match);
    if (line !== undefined) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no matching log line within ${timeoutMs} ms`);
}

function sweptIds(line: Record<string, unknown>): string[] {
  return (line['removed'] as string[] | undefined) ?? [];
}

describe('container sweeper', () => {
  it('Slack server sweeps expired containers at start-up', async () => {
    const expired = await startLabelledContainer(-60);
    const unexpired = await startLabelledContainer(600);
    const { logger, logs } = memoryLogger();
    const settings = loadSettings({ ...process.env, PID1_PULL: 'never' });
    const queue = new CheckQueue(1);
    const shutdown = new AbortController();
    let requestStop: () => void = () => undefined;
    const stopRequested = new Promise<void>((resolve) => {
      requestStop = resolve;
    });
    const server = runSlackServer(
      { mode: 'http', signingSecret, botToken, port: 0, apiUrl: standIn.apiUrl },
      {
        commands: createCommandDeps({
          settings,
          engine,
          queue,
          knowledge: loadKnowledgeBase(),
          logger,
          shutdownSignal: shutdown.signal,
        }),
        queue,
        engine,
        logger,
        shutdown,
        stopRequested,
        stderr: new PassThrough(),
        host: '127.0.0.1',
      },
    );
    try {
      const swept = await waitForLog(
        logs,
        (line) =>
          line['msg'] === 'swept expired pid1 containers' && sweptIds(line).includes(expired),
        15_000,
      );
      expect(sweptIds(swept)).toContain(expired);
      expect(sweptIds(swept)).not.toContain(unexpired);
      expect(await exists(expired)).toBe(false);
      expect(await exists(unexpired)).toBe(true);
    } finally {
      requestStop();
      expect(await server).toBe(0);
      await engine.docker.getContainer(unexpired).remove({ force: true });
    }
  });

  it('sweeps again after a minute', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { logger, logs } = memoryLogger();
    const listContainers = vi.spyOn(engine.docker, 'listContainers');
    const stop = startContainerSweeper(engine, logger);
    try {
      // The container is made after the start-up sweep has listed containers, so only the sweep
      // a minute later can remove it.
      expect(listContainers).toHaveBeenCalledTimes(1);
      await listContainers.mock.results[0]?.value;
      const expired = await startLabelledContainer(-60);
      vi.advanceTimersByTime(60_000);
      const swept = await waitForLog(
        logs,
        (line) =>
          line['msg'] === 'swept expired pid1 containers' && sweptIds(line).includes(expired),
        15_000,
      );
      expect(sweptIds(swept)).toContain(expired);
      expect(listContainers).toHaveBeenCalledTimes(2);
      expect(await exists(expired)).toBe(false);
    } finally {
      stop();
      listContainers.mockRestore();
    }
  });
});
