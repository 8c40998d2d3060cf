import { describe, expect, it } from 'vitest';
import { check } from '../../src/diagnosis/check.js';
import type { Report } from '../../src/diagnosis/report-schema.js';
import { testCheckContext } from '../support/check-context.js';

const context = testCheckContext();

async function checkFixture(
  name: string,
  options: Parameters<typeof check>[1] = {},
): Promise<Report> {
  return check(`pid1-fixture/${name}`, options, context);
}

function findingIds(report: Report): string[] {
  return report.findings.map((finding) => finding.id);
}

describe('check on fixture images', () => {
  it('drops-sigterm: sleep as PID 1 drops SIGTERM', async () => {
    const report = await checkFixture('drops-sigterm');
    expect(report.verdict).toBe('problems');
    expect(report.pid1?.executable).toBe('sleep');
    expect(report.pid1?.kind).toBe('app');
    expect(report.stop?.graceful).toBe(false);
    expect(report.stop?.reason).toBe('stopped-waiting-early');
    expect(report.stop?.exitCode).toBe(137);
    expect(report.zombies?.reaped).toBe(false);
    expect(findingIds(report)).toEqual(['stop-signal-ignored', 'orphans-not-reaped']);
  });

  it('drops-sigterm with full grace waits for SIGKILL', async () => {
    const report = await checkFixture('drops-sigterm', { fullGrace: true, graceSeconds: 2 });
    expect(report.stop?.reason).toBe('killed-after-grace');
    expect(report.stop?.seconds).toBeGreaterThanOrEqual(2);
    expect(report.stop?.seconds).toBeLessThan(4);
    expect(report.stop?.exitCode).toBe(137);
  });

  it('traps-sigterm: a shell with a trap stops cleanly', async () => {
    const report = await checkFixture('traps-sigterm');
    expect(report.pid1?.kind).toBe('shell');
    expect(report.pid1?.signals?.caught).toContain('SIGTERM');
    expect(report.stop?.graceful).toBe(true);
    expect(report.stop?.reason).toBe('exited');
    expect(report.stop?.exitCode).toBe(0);
    expect(report.verdict).toBe('healthy');
    expect(report.findings).toEqual([]);
  });

  it('shell-form: CMD in shell form is reported', async () => {
    const report = await checkFixture('shell-form');
    const finding = report.findings.find((entry) => entry.id === 'shell-form-command');
    expect(finding?.severity).toBe('warning');
    expect(finding?.fix).toBe('CMD ["sleep", "300"]');
    expect(report.image.cmd).toEqual(['/bin/sh', '-c', 'sleep 300']);
  });

  it('tini-front: tini forwards SIGTERM and reaps', async () => {
    const report = await checkFixture('tini-front');
    expect(report.pid1?.kind).toBe('init');
    expect(report.pid1?.executable).toBe('tini');
    expect(report.stop?.graceful).toBe(true);
    expect(report.stop?.exitCode).toBe(143);
    expect(report.zombies?.reaped).toBe(true);
    expect(report.verdict).toBe('healthy');
    expect(report.processes.map((entry) => entry.command)).toEqual([
      '/sbin/tini -- sleep 300',
      'sleep 300',
    ]);
  });

  it('orphan-maker: zombies of its own are counted', async () => {
    const report = await checkFixture('orphan-maker');
    expect(report.zombies?.reaped).toBe(false);
    expect(report.zombies?.lastingZombies.length).toBeGreaterThanOrEqual(1);
    expect(report.zombies?.observed).toBeGreaterThanOrEqual(2);
    expect(findingIds(report)).toContain('orphans-not-reaped');
  });

  it('exits-at-once: exit code and log lines reported', async () => {
    const report = await checkFixture('exits-at-once');
    expect(report.pid1).toBeNull();
    expect(report.stop).toBeNull();
    expect(report.zombies).toBeNull();
    const finding = report.findings.find((entry) => entry.id === 'exits-immediately');
    expect(finding?.evidence).toContain('exited with code 3');
    expect(finding?.evidence).toContain('missing setting');
    expect(report.verdict).toBe('problems');
  });

  it('missing-executable: start failure names the file', async () => {
    const report = await checkFixture('missing-executable');
    const finding = report.findings.find((entry) => entry.id === 'start-failed');
    expect(finding?.evidence).toContain(
      "the executable '/usr/local/bin/not-installed' does not exist in the image",
    );
    expect(report.pid1).toBeNull();
  });

  it('needs-tty: a bare shell gets a TTY and keeps running', async () => {
    const report = await checkFixture('needs-tty');
    expect(report.run?.tty).toBe(true);
    expect(report.pid1?.command).toBe('sh');
    expect(report.stop?.graceful).toBe(false);
    expect(findingIds(report)).not.toContain('exits-immediately');
  });

  it('needs-tty with --no-tty exits at once', async () => {
    const report = await checkFixture('needs-tty', { tty: false });
    expect(report.run?.tty).toBe(false);
    expect(findingIds(report)).toContain('exits-immediately');
  });

  it('wraps-app: the shell in front of the app is named', async () => {
    const report = await checkFixture('wraps-app');
    const finding = report.findings.find((entry) => entry.id === 'shell-wraps-app');
    expect(finding?.evidence).toContain('`sleep 300`');
    expect(finding?.fix).toContain('exec sleep 300');
    expect(report.stop?.graceful).toBe(false);
  });

  it('stopsignal-quit: the image STOPSIGNAL is sent', async () => {
    const report = await checkFixture('stopsignal-quit');
    expect(report.image.stopSignal).toBe('SIGQUIT');
    expect(report.stop?.signal).toBe('SIGQUIT');
    expect(report.stop?.graceful).toBe(true);
  });

  it('late-handler: no early stop once a handler exists', async () => {
    // The handler appears 0.8 s after start. A stop signal before it is dropped, so the grace runs
    // out, and one after it ends in a clean exit. Either way the early check comes at least 1 s
    // after the signal, sees the handler and must not claim the signal is still dropped.
    const report = await checkFixture('late-handler', { graceSeconds: 3 });
    expect(report.stop?.reason).not.toBe('stopped-waiting-early');
    expect(['killed-after-grace', 'exited']).toContain(report.stop?.reason);
  });

  it('--cmd replaces CMD and keeps ENTRYPOINT', async () => {
    const report = await checkFixture('tini-front', { cmd: ['sleep', '200'] });
    expect(report.run?.command).toEqual(['/sbin/tini', '--', 'sleep', '200']);
    expect(report.pid1?.command).toBe('/sbin/tini -- sleep 200');
  });

  it('--entrypoint replaces ENTRYPOINT and drops CMD', async () => {
    const report = await checkFixture('tini-front', { entrypoint: ['sleep', '100'] });
    expect(report.run?.command).toEqual(['sleep', '100']);
    expect(report.pid1?.executable).toBe('sleep');
  });

  it('--env reaches the target', async () => {
    const report = await check(
      'pid1-fixture/base',
      { cmd: ['sh', '-c', 'test "$MODE" = ok && exec sleep 300; exit 9'], env: ['MODE=ok'] },
      context,
    );
    expect(report.pid1?.command).toBe('sleep 300');
    expect(report.run?.env).toEqual(['MODE']);
  });
});
