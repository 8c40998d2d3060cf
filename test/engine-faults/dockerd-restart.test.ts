import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/diagnosis/check.js';
import { sweepExpiredContainers } from '../../src/docker/sweeper.js';
import { Pid1Error } from '../../src/errors.js';
import { testCheckContext } from '../support/check-context.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const context = testCheckContext();

async function engineAnswers(): Promise<boolean> {
  try {
    await context.engine.docker.ping();
    return true;
  } catch {
    return false;
  }
}

async function dockerdGone(): Promise<boolean> {
  return spawnSync('pgrep', ['-x', 'dockerd']).status !== 0;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

// Stops the machine's dockerd: this suite runs last and alone, and only where this script may
// manage the engine (root, dockerd started by scripts/ensure-engine.sh or by hand).
const canManageEngine =
  process.getuid?.() === 0 && spawnSync('pgrep', ['-x', 'dockerd']).status === 0;

describe.skipIf(!canManageEngine)('dockerd stopped during a check', () => {
  it('gives a clear error, then recovers', async () => {
    const pending = check('pid1-fixture/drops-sigterm', { fullGrace: true }, context).then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    execFileSync('pkill', ['-TERM', '-x', 'dockerd']);
    // dockerd stops its containers before it exits, which takes up to its shutdown timeout.
    expect(await waitFor(dockerdGone, 90_000)).toBe(true);

    const error = await pending;
    expect(error).toBeInstanceOf(Pid1Error);
    expect(['engine-unreachable', 'engine-failed']).toContain((error as Pid1Error).code);
    expect((error as Pid1Error).message).not.toContain('\n');

    const whileDown = await check('pid1-fixture/tini-front', {}, context).catch(
      (caught: unknown) => caught,
    );
    expect(whileDown).toBeInstanceOf(Pid1Error);
    expect((whileDown as Pid1Error).code).toBe('engine-unreachable');

    execFileSync('bash', [path.join(repo, 'scripts/ensure-engine.sh')], { stdio: 'inherit' });
    expect(await waitFor(engineAnswers, 60_000)).toBe(true);

    const report = await check('pid1-fixture/tini-front', {}, context);
    expect(report.verdict).toBe('healthy');
    await sweepExpiredContainers(
      context.engine,
      Date.now() + context.settings.checkTimeoutMs + 60_000,
    );
    const left = await context.engine.docker.listContainers({
      all: true,
      filters: { label: ['pid1.managed=true'] },
    });
    expect(left).toEqual([]);
  });
});
