import type { Finding, Report } from '../../../src/diagnosis/report-schema.js';

/** Builds a healthy report by hand, for Block Kit tests that need no engine. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    checkId: 'abc123def456',
    image: {
      reference: 'docker.io/library/nginx:1.27',
      id: 'sha256:2ca67386e022aaaabbbbccccddddeeeeffff00001111222233334444555566667777',
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
      signals: null,
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
      {
        pid: 7,
        ppid: 1,
        state: 'S',
        executable: 'nginx',
        command: 'nginx: worker process',
        argv: ['nginx: worker process'],
        lasting: true,
      },
    ],
    stop: {
      signal: 'SIGQUIT',
      graceful: true,
      seconds: 0.13,
      exitCode: 0,
      reason: 'exited',
      detail: '',
      graceSeconds: 10,
    },
    zombies: {
      reaped: true,
      observed: 0,
      orphanReaped: true,
      orphanReapMs: 12,
      lastingZombies: [],
    },
    findings: [],
    durationMs: 1234,
    ...overrides,
  };
}

/** Builds a finding with the given index and severity and long, hostile text in every field. */
export function hostileFinding(index: number, severity: Finding['severity']): Finding {
  return {
    id: `finding-${index}`,
    severity,
    title: `Finding ${index} <!channel> & friends`,
    evidence: `Evidence ${index}: <!here> <@U999> ${'x'.repeat(4000)}`,
    fix: `\`\`\`\nRUN echo "<!channel>"\n${'ENTRYPOINT ["tini", "--"]\n'.repeat(200)}`,
    topic: `topic-${index}-${'t'.repeat(90)}`,
  };
}
