import { describe, expect, test } from 'vitest';
import {
  errorReportSchema,
  findingSchema,
  reportSchema,
  type Report,
} from '../../../src/diagnosis/report-schema.js';

function validReport(): Report {
  return {
    schemaVersion: 1,
    checkId: 'c0ffee',
    image: {
      reference: 'docker.io/library/nginx:1.27',
      id: `sha256:${'a'.repeat(64)}`,
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      stopSignal: 'SIGQUIT',
      user: '',
      shell: null,
    },
    run: { command: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], tty: false, env: [] },
    verdict: 'healthy',
    pid1: {
      command: 'nginx: master process nginx -g daemon off;',
      executable: 'nginx',
      kind: 'app',
      signals: { caught: ['SIGQUIT', 'SIGTERM'], blocked: [], ignored: ['SIGPIPE'] },
    },
    processes: [
      {
        pid: 1,
        ppid: 0,
        state: 'S',
        executable: 'nginx',
        command: 'nginx: master process nginx -g daemon off;',
        argv: ['nginx: master process nginx -g daemon off;'],
        lasting: true,
      },
    ],
    stop: {
      signal: 'SIGQUIT',
      graceful: true,
      seconds: 0.13,
      exitCode: 0,
      reason: 'exited',
      detail: 'PID 1 exited 0.13 s after SIGQUIT.',
      graceSeconds: 10,
    },
    zombies: {
      reaped: true,
      observed: 0,
      orphanReaped: true,
      orphanReapMs: 12,
      lastingZombies: [],
    },
    findings: [
      {
        id: 'shell-form-command',
        severity: 'warning',
        title: 'ENTRYPOINT or CMD is in shell form',
        evidence: 'CMD is in shell form.',
        fix: 'CMD ["nginx"]',
        topic: 'shell-form',
      },
    ],
    durationMs: 1234,
  };
}

describe('reportSchema', () => {
  test('valid report parses', () => {
    const result = reportSchema.safeParse(validReport());
    expect(result.success).toBe(true);
  });

  test('container that never ran', () => {
    const report = { ...validReport(), run: null, pid1: null, stop: null, zombies: null };
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  test.each(['id', 'title', 'evidence', 'fix', 'topic'] as const)(
    'finding with empty %s fails',
    (field) => {
      const report = validReport();
      const finding = { ...report.findings[0]!, [field]: '' };
      const result = reportSchema.safeParse({ ...report, findings: [finding] });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['findings', 0, field]);
    },
  );

  test('unknown severity fails', () => {
    const finding = { ...validReport().findings[0]!, severity: 'critical' };
    expect(findingSchema.safeParse(finding).success).toBe(false);
  });

  test('verdict error is no report', () => {
    const result = reportSchema.safeParse({ ...validReport(), verdict: 'error' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['verdict']);
  });

  test('other schema version fails', () => {
    expect(reportSchema.safeParse({ ...validReport(), schemaVersion: 2 }).success).toBe(false);
  });

  test('unknown stop reason fails', () => {
    const report = validReport();
    const stop = { ...report.stop!, reason: 'timeout' };
    expect(reportSchema.safeParse({ ...report, stop }).success).toBe(false);
  });

  test('process pid 0 fails', () => {
    const report = validReport();
    const process = { ...report.processes[0]!, pid: 0 };
    expect(reportSchema.safeParse({ ...report, processes: [process] }).success).toBe(false);
  });

  test('process without lasting fails', () => {
    const report = validReport();
    const process: Record<string, unknown> = { ...report.processes[0]! };
    delete process['lasting'];
    expect(reportSchema.safeParse({ ...report, processes: [process] }).success).toBe(false);
  });

  test('negative duration fails', () => {
    expect(reportSchema.safeParse({ ...validReport(), durationMs: -1 }).success).toBe(false);
  });
});

describe('errorReportSchema', () => {
  const errorReport = {
    schemaVersion: 1,
    verdict: 'error',
    error: { code: 'engine-unreachable', message: 'The Docker engine is not reachable.' },
  };

  test('error report parses', () => {
    expect(errorReportSchema.safeParse(errorReport).success).toBe(true);
  });

  test('error report is no report', () => {
    expect(reportSchema.safeParse(errorReport).success).toBe(false);
  });

  test('empty message fails', () => {
    const result = errorReportSchema.safeParse({
      ...errorReport,
      error: { code: 'engine-unreachable', message: '' },
    });
    expect(result.success).toBe(false);
  });

  test('healthy verdict fails', () => {
    expect(errorReportSchema.safeParse({ ...errorReport, verdict: 'healthy' }).success).toBe(false);
  });
});
