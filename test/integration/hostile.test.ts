import { describe, expect, it } from 'vitest';
import { check } from '../../src/diagnosis/check.js';
import { containersOfCheck, testCheckContext } from '../support/check-context.js';

const timeLimitSeconds = 30;
const context = testCheckContext({ PID1_CHECK_TIMEOUT_SECONDS: String(timeLimitSeconds) });

/** Milliseconds the engine takes to respond to a ping while a hostile check runs. */
async function pingMs(): Promise<number> {
  const startedAt = performance.now();
  await context.engine.docker.ping();
  return performance.now() - startedAt;
}

describe.each([
  'hostile-fork-bomb',
  'hostile-memory-hog',
  'hostile-stdout-flood',
  'hostile-ignores-all',
])('hostile image %s', (name) => {
  it('ends with a report within the time limit', async () => {
    const checkId = `${name.replace(/[^a-z]/g, '').slice(0, 10)}01`;
    context.newCheckId = () => checkId;
    const startedAt = performance.now();
    const pending = check(`pid1-fixture/${name}`, {}, context);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const pingDuringCheck = await pingMs();
    const neighbour = await check('pid1-fixture/tini-front', {}, testCheckContext());
    const report = await pending;
    const seconds = (performance.now() - startedAt) / 1000;

    expect(seconds).toBeLessThan(timeLimitSeconds);
    expect(report.verdict).toBe('problems');
    expect(report.stop?.graceful).toBe(false);
    expect(pingDuringCheck).toBeLessThan(2_000);
    expect(neighbour.verdict).toBe('healthy');
    expect(await containersOfCheck(context, checkId)).toEqual([]);
  });
});

describe('hostile image limits', () => {
  it('fork bomb stays within the PID limit', async () => {
    const report = await check('pid1-fixture/hostile-fork-bomb', {}, testCheckContext());
    expect(report.processes.length).toBeLessThanOrEqual(512);
    expect(report.pid1?.command).toBe('sleep 300');
  });

  it('ignored signals are named as the reason', async () => {
    const report = await check('pid1-fixture/hostile-ignores-all', {}, testCheckContext());
    expect(report.pid1?.signals?.ignored).toContain('SIGTERM');
    expect(report.stop?.detail).toContain('PID 1 ignores SIGTERM (SigIgn)');
  });
});
