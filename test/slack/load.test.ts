import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/diagnosis/check-options.js';
import { CheckQueue } from '../../src/diagnosis/check-queue.js';
import type { Report } from '../../src/diagnosis/report-schema.js';
import { createEngine } from '../../src/docker/engine.js';
import { isReport } from './support/payloads.js';
import { postSigned, slashCommandBody } from './support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const form = { contentType: 'application/x-www-form-urlencoded' } as const;
const maxConcurrentChecks = 2;
const images = ['pid1-fixture/tini-front', 'pid1-fixture/drops-sigterm'];
const engine = createEngine();

let standIn: SlackStandIn;
let app: TestApp;

/**
 * Concurrency of checks, measured two ways in the test process. `active` counts the calls of
 * the diagnosis engine in progress, exactly, through a wrapper around `runCheck`.
 * `maxQueueRunning` samples the queue's `running` counter every 5 ms. `sampleTargets` also lists
 * the targets on the Docker engine, because a target left running after its check would show in
 * neither counter.
 */
let active = 0;
let maxActive = 0;
let maxQueueRunning = 0;
const startedChecks: string[] = [];

beforeAll(async () => {
  standIn = await startSlackStandIn();
  app = await startTestApp(standIn, {
    PID1_PULL: 'never',
    PID1_MAX_CONCURRENT_CHECKS: String(maxConcurrentChecks),
  });
  const runCheck = app.commands.runCheck;
  app.commands.runCheck = async (reference: string, options: CheckOptions): Promise<Report> => {
    startedChecks.push(reference);
    active += 1;
    maxActive = Math.max(maxActive, active);
    try {
      return await runCheck(reference, options);
    } finally {
      active -= 1;
    }
  };
});

afterAll(async () => {
  await app.stop();
  await standIn.close();
  const left = await engine.docker.listContainers({
    all: true,
    filters: { label: ['pid1.managed=true'] },
  });
  expect(left.filter((container) => app.createdContainers.includes(container.Id))).toEqual([]);
});

/** Samples every 100 ms the check ids of pid1 targets on the engine, until stopped. */
function sampleTargets(): { stop: () => Promise<string[][]> } {
  const samples: string[][] = [];
  const queue = app.commands.queue;
  let stopped = false;
  const queueTimer = setInterval(() => {
    if (queue instanceof CheckQueue) maxQueueRunning = Math.max(maxQueueRunning, queue.running);
  }, 5);
  const loop = (async () => {
    while (!stopped) {
      const targets = await engine.docker.listContainers({
        filters: { label: ['pid1.role=target'] },
      });
      samples.push(targets.map((target) => target.Labels['pid1.check-id'] ?? ''));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(queueTimer);
      await loop;
      return samples;
    },
  };
}

/** Polls the engine until a pid1 target of `image` runs; throws after `timeoutMs`. */
async function waitForTarget(image: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const targets = await engine.docker.listContainers({
      filters: { label: ['pid1.role=target'], ancestor: [image] },
    });
    if (targets.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no running pid1 target of ${image} within ${timeoutMs} ms`);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

describe('Slack endpoint under load', () => {
  it('20 checks at once: fast acks, all reports, 2 at a time', async () => {
    const sampler = sampleTargets();
    const requests = Array.from({ length: 20 }, (_, index) => {
      const userId = `ULOAD${String(index).padStart(2, '0')}`;
      const image = images[index % images.length] ?? '';
      // Distinct --env values keep the checks apart, so that none shares the run of another.
      const text = `check ${image} --grace 2 --env LOAD_INDEX=${index}`;
      return { userId, responseId: `load-${index}`, text };
    });
    const startedAt = Date.now();
    const responses = await Promise.all(
      requests.map((request) =>
        postSigned(
          app.eventsUrl,
          slashCommandBody(request.text, standIn.responseUrl(request.responseId), request.userId),
          form,
        ),
      ),
    );
    const finals = await Promise.all(
      requests.map((request) =>
        standIn.waitFor(
          (call) =>
            call.path === `/response/${request.responseId}` &&
            (isReport(call.body) || /^:(x|warning):/.test(String(call.body['text']))),
          110_000,
        ),
      ),
    );
    const totalMs = Date.now() - startedAt;
    const samples = await sampler.stop();

    const ackMs = responses.map((response) => response.elapsedMs);
    const checkIds = new Set(
      app.logs
        .filter((line) => line['msg'] === 'check finished')
        .filter((line) => String(line['userId']).startsWith('ULOAD'))
        .map((line) => String(line['checkId'])),
    );
    const ourTargetsPerSample = samples.map(
      (sample) => sample.filter((checkId) => checkIds.has(checkId)).length,
    );
    const maxTargets = Math.max(0, ...ourTargetsPerSample);
    console.info(
      `20 checks: ack p50 ${percentile(ackMs, 0.5).toFixed(0)} ms, max ${Math.max(...ackMs).toFixed(0)} ms; ` +
        `all reports in ${totalMs} ms; max concurrent: ${maxActive} runCheck calls, ` +
        `${maxQueueRunning} in queue.running, ${maxTargets} targets in ${samples.length} docker samples`,
    );

    for (const response of responses) expect(response.status).toBe(200);
    expect(Math.max(...ackMs)).toBeLessThan(3000);
    for (const final of finals) expect(isReport(final.body), String(final.body['text'])).toBe(true);
    expect(checkIds.size).toBe(20);
    expect(startedChecks.filter((image) => images.includes(image))).toHaveLength(20);
    expect(maxActive).toBe(maxConcurrentChecks);
    expect(maxQueueRunning).toBeLessThanOrEqual(maxConcurrentChecks);
    expect(maxTargets).toBeGreaterThanOrEqual(1);
    expect(maxTargets).toBeLessThanOrEqual(maxConcurrentChecks);
  });

  it('help replies during a fork-bomb check', async () => {
    const before = startedChecks.length;
    const check = await postSigned(
      app.eventsUrl,
      slashCommandBody(
        'check pid1-fixture/hostile-fork-bomb --grace 2',
        standIn.responseUrl('bomb'),
        'UBOMB',
      ),
      form,
    );
    expect(check.elapsedMs).toBeLessThan(3000);
    // Wait until the target runs, so that the fork bomb is going while help is asked.
    await waitForTarget('pid1-fixture/hostile-fork-bomb', 30_000);
    expect(startedChecks.length - before).toBe(1);

    const helpMs: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const help = await postSigned(
        app.eventsUrl,
        slashCommandBody('help', standIn.responseUrl(`bomb-help-${index}`), 'UHELP'),
        form,
      );
      expect(help.status).toBe(200);
      expect(help.text).toContain('/pid1 check IMAGE');
      helpMs.push(help.elapsedMs);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const final = await standIn.waitFor(
      (call) =>
        call.path === '/response/bomb' &&
        (isReport(call.body) || /^:(x|warning):/.test(String(call.body['text']))),
      90_000,
    );
    console.info(
      `help during a fork-bomb check: max ${Math.max(...helpMs).toFixed(0)} ms over ${helpMs.length} requests`,
    );

    expect(Math.max(...helpMs)).toBeLessThan(3000);
    expect(isReport(final.body), String(final.body['text'])).toBe(true);
  });
});
