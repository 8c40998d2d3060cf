/**
 * Measures pid1 against the engine's own floor (`docker run --rm IMAGE true`) and writes
 * docs/benchmarks.md. Run with `npm run bench` on a quiet machine; BENCH_RUNS sets the runs per
 * figure (default 5). Needs the fixture images and, for the case rows, the shared case images.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings } from '../src/config/settings.js';
import { check } from '../src/diagnosis/check.js';
import { defaultCheckContext } from '../src/diagnosis/check-context.js';
import { CheckQueue } from '../src/diagnosis/check-queue.js';
import { createEngine } from '../src/docker/engine.js';
import { createLogger } from '../src/logging/logger.js';
import {
  postSigned,
  signingSecret,
  botToken,
  slashCommandBody,
} from '../test/slack/support/signed-request.js';
import { isReport } from '../test/slack/support/payloads.js';
import { startSlackStandIn } from '../test/slack/support/slack-stand-in.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const context = defaultCheckContext(createEngine(), loadSettings(), createLogger('silent'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

function hasImage(image: string): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function timeMs(action: () => Promise<unknown> | unknown): Promise<number> {
  const startedAt = performance.now();
  await action();
  return performance.now() - startedAt;
}

async function floorMs(image: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1)
    times.push(
      await timeMs(() =>
        execFileSync('docker', ['run', '--rm', image, 'true'], { stdio: 'ignore' }),
      ),
    );
  return median(times);
}

async function checkMs(image: string): Promise<{ ms: number; verdicts: string[] }> {
  const times: number[] = [];
  const verdicts: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    times.push(await timeMs(async () => verdicts.push((await check(image, {}, context)).verdict)));
  }
  return { ms: median(times), verdicts: [...new Set(verdicts)] };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

interface Row {
  what: string;
  measured: string;
  target: string;
  met: boolean | null;
}

async function slackFigures(rows: Row[]): Promise<void> {
  const standIn = await startSlackStandIn();
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const bot = spawn(process.execPath, [path.join(repo, 'dist/src/cli/main.js'), 'serve'], {
    env: {
      ...process.env,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: botToken,
      SLACK_API_URL: standIn.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}/slack/events`;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => true,
        () => false,
      );
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const image of ['pid1-case/nginx', 'pid1-case/tutorial-sleep']) {
      if (!hasImage(image)) continue;
      const acks: number[] = [];
      const reports: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const id = `bench-${image.replace(/\W/g, '-')}-${run}`;
        const startedAt = performance.now();
        const ack = await postSigned(
          url,
          slashCommandBody(`check ${image}`, standIn.responseUrl(id), `UREP${run}`),
          {
            contentType: 'application/x-www-form-urlencoded',
          },
        );
        acks.push(ack.elapsedMs);
        await standIn.waitFor(
          (call) => call.path === `/response/${id}` && isReport(call.body),
          120_000,
        );
        reports.push(performance.now() - startedAt);
      }
      rows.push({
        what: `Slack \`/pid1 check ${image}\` over HTTP: ack, full report`,
        measured: `${median(acks).toFixed(0)} ms, ${(median(reports) / 1000).toFixed(2)} s`,
        target: '—',
        met: null,
      });
    }
    const pid = bot.pid as number;
    const restMb = rssMb(pid);
    let peakMb = restMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 100);
    const eight = Array.from({ length: 8 }, (_, index) =>
      postSigned(
        url,
        slashCommandBody(
          'check pid1-fixture/tini-front',
          standIn.responseUrl(`bench-8-${index}`),
          `UMEM${index}`,
        ),
        { contentType: 'application/x-www-form-urlencoded' },
      ),
    );
    await Promise.all(eight);
    await standIn
      .waitFor(
        (call) => call.path.includes('bench-8-7') && JSON.stringify(call.body).includes('Healthy'),
        120_000,
      )
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    clearInterval(sampler);
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        postSigned(
          url,
          slashCommandBody('help', standIn.responseUrl(`bench-ack-${index}`), `UACK${index}`),
          { contentType: 'application/x-www-form-urlencoded' },
        ),
      ),
    );
    const ackMs = acks.map((ack) => ack.elapsedMs);
    rows.push({
      what: 'Slack ack, 50 concurrent `/pid1 help`, p50',
      measured: `${percentile(ackMs, 0.5).toFixed(0)} ms`,
      target: '—',
      met: null,
    });
    rows.push({
      what: 'Slack ack, 50 concurrent `/pid1 help`, p99',
      measured: `${percentile(ackMs, 0.99).toFixed(0)} ms`,
      target: '< 100 ms',
      met: percentile(ackMs, 0.99) < 100,
    });
    rows.push({
      what: 'bot memory at rest (RSS)',
      measured: `${restMb.toFixed(0)} MB`,
      target: '< 120 MB',
      met: restMb < 120,
    });
    rows.push({
      what: 'bot memory during 8 checks (peak RSS)',
      measured: `${peakMb.toFixed(0)} MB`,
      target: '—',
      met: null,
    });
  } finally {
    bot.kill('SIGTERM');
    await new Promise((resolve) => bot.once('exit', resolve));
    await standIn.close();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const floor = await floorMs('pid1-fixture/base');
  rows.push({
    what: 'floor: `docker run --rm pid1-fixture/base true`',
    measured: `${floor.toFixed(0)} ms`,
    target: '—',
    met: null,
  });
  const healthy = await checkMs('pid1-fixture/tini-front');
  rows.push({
    what: 'check, healthy (pid1-fixture/tini-front)',
    measured: `${healthy.ms.toFixed(0)} ms = ${(healthy.ms / floor).toFixed(1)}× floor`,
    target: '≤ 2× floor',
    met: healthy.ms <= 2 * floor,
  });
  const dropped = await checkMs('pid1-fixture/drops-sigterm');
  rows.push({
    what: 'check, PID 1 drops SIGTERM (pid1-fixture/drops-sigterm)',
    measured: `${dropped.ms.toFixed(0)} ms = floor + ${((dropped.ms - floor) / 1000).toFixed(1)} s`,
    target: '≤ floor + 2 s',
    met: dropped.ms <= floor + 2_000,
  });
  const slow = await checkMs('pid1-fixture/slow-handler');
  rows.push({
    what: 'check, handler takes 2 s (pid1-fixture/slow-handler)',
    measured: `${slow.ms.toFixed(0)} ms`,
    target: '—',
    met: null,
  });
  if (hasImage('pid1-case/nginx')) {
    const caseFloor = await floorMs('pid1-case/debian:bookworm');
    rows.push({
      what: 'floor: `docker run --rm pid1-case/debian:bookworm true`',
      measured: `${caseFloor.toFixed(0)} ms`,
      target: '—',
      met: null,
    });
    const nginx = await checkMs('pid1-case/nginx');
    rows.push({
      what: 'check, healthy case (pid1-case/nginx)',
      measured: `${nginx.ms.toFixed(0)} ms = ${(nginx.ms / caseFloor).toFixed(1)}× floor`,
      target: '≤ 2× floor',
      met: nginx.ms <= 2 * caseFloor,
    });
    const sleep = await checkMs('pid1-case/tutorial-sleep');
    rows.push({
      what: 'check, dropping case (pid1-case/tutorial-sleep)',
      measured: `${sleep.ms.toFixed(0)} ms = floor + ${((sleep.ms - caseFloor) / 1000).toFixed(1)} s`,
      target: '≤ floor + 2 s',
      met: sleep.ms <= caseFloor + 2_000,
    });
  }
  const queue = new CheckQueue(context.settings.maxConcurrentChecks);
  let failures = 0;
  const concurrentRuns: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    concurrentRuns.push(
      await timeMs(() =>
        Promise.all(
          Array.from({ length: 8 }, () =>
            queue
              .run(() => check('pid1-fixture/tini-front', {}, context))
              .catch(() => (failures += 1)),
          ),
        ),
      ),
    );
  }
  const concurrentMs = median(concurrentRuns);
  rows.push({
    what: `8 checks at once (queue of ${context.settings.maxConcurrentChecks})`,
    measured: `${concurrentMs.toFixed(0)} ms = ${(concurrentMs / healthy.ms).toFixed(1)}× one check, ${failures} of ${8 * runs} failed`,
    target: '< 3× one check, none failing',
    met: concurrentMs < 3 * healthy.ms && failures === 0,
  });
  await slackFigures(rows);

  const table = [
    '| figure | measured (median) | target | met |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.what} | ${row.measured} | ${row.target} | ${row.met === null ? '' : row.met ? 'yes' : 'no'} |`,
    ),
  ];
  const text = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` (scripts/bench.ts), ${runs} runs per figure, medians, on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Docker ${execFileSync('docker', ['version', '--format', '{{.Server.Version}}']).toString().trim()}, Node ${process.version}, on ${new Date().toISOString().slice(0, 10)}.`,
    'Checks run in-process through `check()`; the CLI adds Node start-up (about 0.3 s here).',
    '',
    ...table,
    '',
    '## What the figures rest on',
    '',
    "- The floor is the engine's own cost to create, start, wait for and remove a container.",
    '- A check runs two containers (target and probe), creates the probe while the target starts,',
    '  and removes both at once.',
    '- The probe polls PID 1 every 50 ms and goes on once PID 1 is 0.3 s old and unchanged over',
    '  three samples, instead of sleeping a fixed time.',
    '- A PID 1 that still shows the stop signal neither caught nor blocked 1 s after it was sent, by',
    '  masks the probe reads at that moment, is no longer waited for (`stopped-waiting-early`).',
    '  `--full-grace` waits the whole grace; `docker stop` takes 10 s there.',
    "- The 8 concurrent checks go through the bot's queue with its default size, 2 per CPU core.",
    '- The Slack figures come from `pid1 serve` in HTTP mode, started by the script, with a local',
    "  stand-in for Slack's Web API and response URLs on 127.0.0.1.",
    '',
  ].join('\n');
  writeFileSync(path.join(repo, 'docs/benchmarks.md'), text);
  process.stdout.write(`${text}\n`);
}

await main();
