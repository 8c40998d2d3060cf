import { describe, expect, test } from 'vitest';
import type { Pid1Info, Pid1Kind, SignalMasks } from '../../../src/diagnosis/report-schema.js';
import { earlyStopReason } from '../../../src/diagnosis/stop-decision.js';

function pid1(kind: Pid1Kind, signals: Partial<SignalMasks> | null): Pid1Info {
  return {
    command: 'app',
    executable: 'app',
    kind,
    signals: signals === null ? null : { caught: [], blocked: [], ignored: [], ...signals },
  };
}

describe('earlyStopReason', () => {
  test('no PID 1 waits', () => {
    expect(earlyStopReason(null, 'SIGTERM')).toBeNull();
  });

  test('unknown masks wait', () => {
    expect(earlyStopReason(pid1('app', null), 'SIGTERM')).toBeNull();
  });

  test('ignored signal stops early', () => {
    expect(earlyStopReason(pid1('app', { ignored: ['SIGTERM'] }), 'SIGTERM')).toBe(
      'PID 1 ignores SIGTERM (SigIgn)',
    );
  });

  test('ignored signal stops early for init', () => {
    expect(earlyStopReason(pid1('init', { ignored: ['SIGTERM'] }), 'SIGTERM')).toBe(
      'PID 1 ignores SIGTERM (SigIgn)',
    );
  });

  test('default action stops early', () => {
    expect(earlyStopReason(pid1('app', {}), 'SIGTERM')).toBe(
      'PID 1 neither catches nor blocks SIGTERM and is no known init',
    );
  });

  test('other caught signal stops early', () => {
    expect(earlyStopReason(pid1('shell', { caught: ['SIGINT', 'SIGCHLD'] }), 'SIGTERM')).toBe(
      'PID 1 neither catches nor blocks SIGTERM and is no known init',
    );
  });

  test('STOPSIGNAL compared, not SIGTERM', () => {
    expect(earlyStopReason(pid1('app', { caught: ['SIGTERM'] }), 'SIGQUIT')).toBe(
      'PID 1 neither catches nor blocks SIGQUIT and is no known init',
    );
  });

  test('caught signal waits', () => {
    expect(earlyStopReason(pid1('app', { caught: ['SIGTERM'] }), 'SIGTERM')).toBeNull();
  });

  test('blocked signal waits', () => {
    expect(earlyStopReason(pid1('app', { blocked: ['SIGTERM'] }), 'SIGTERM')).toBeNull();
  });

  test.each(['init', 'supervisor', 'systemd'] as const)('%s with empty masks waits', (kind) => {
    expect(earlyStopReason(pid1(kind, {}), 'SIGTERM')).toBeNull();
  });

  test.each(['shell', 'package-manager'] as const)('%s with empty masks stops early', (kind) => {
    expect(earlyStopReason(pid1(kind, {}), 'SIGTERM')).toBe(
      'PID 1 neither catches nor blocks SIGTERM and is no known init',
    );
  });
});
