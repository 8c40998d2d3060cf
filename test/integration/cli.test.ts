import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorReportSchema, reportSchema } from '../../src/diagnosis/report-schema.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/src/cli/main.js');

function pid1(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
}

describe('pid1 CLI', () => {
  it('healthy image exits 0 with a text report', () => {
    const run = pid1(['check', 'pid1-fixture/tini-front']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('docker.io/pid1-fixture/tini-front:latest: HEALTHY');
    expect(run.stdout).toContain('No findings');
  });

  it('problem image exits 1 with findings and fixes', () => {
    const run = pid1(['check', 'pid1-fixture/wraps-app']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('ERROR  stop-signal-ignored');
    expect(run.stdout).toContain('exec sleep 300');
  });

  it('--json prints a valid report', () => {
    const run = pid1(['check', 'pid1-fixture/drops-sigterm', '--json']);
    expect(run.status).toBe(1);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report.verdict).toBe('problems');
  });

  it('warning-only image exits 1 by default', () => {
    const run = pid1(['check', 'pid1-fixture/shell-form-trap']);
    expect(run.stdout).toContain('WARNING  shell-form-command');
    expect(run.stdout).not.toContain('ERROR');
    expect(run.status).toBe(1);
  });

  it('--fail-on error ignores warnings', () => {
    const run = pid1(['check', 'pid1-fixture/shell-form-trap', '--fail-on', 'error']);
    expect(run.stdout).toContain('PROBLEMS');
    expect(run.status).toBe(0);
  });

  it('--format sarif prints SARIF 2.1.0', () => {
    const run = pid1(['check', 'pid1-fixture/drops-sigterm', '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toContain('stop-signal-ignored');
  });

  it('invalid reference exits 2 with one line', () => {
    const run = pid1(['check', 'Ubuntu:22.04', '--json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "pid1: Image reference 'Ubuntu:22.04' is invalid: repository names must be lowercase.\n",
    );
    const body = errorReportSchema.parse(JSON.parse(run.stdout));
    expect(body.error.code).toBe('invalid-image-reference');
  });

  it('unknown option exits 2', () => {
    const run = pid1(['check', 'pid1-fixture/tini-front', '--frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("pid1: Unknown option '--frobnicate'. Run 'pid1 --help' for usage.\n");
  });

  it('value on a flag option exits 2', () => {
    const run = pid1(['check', 'pid1-fixture/tini-front', '--json=yes']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('--grace too close to limit exits 2', () => {
    const run = pid1(['check', 'pid1-fixture/tini-front', '--grace', '56']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "pid1: --grace 56 is invalid: the check's time limit is 60 s (PID1_CHECK_TIMEOUT_SECONDS) and the grace must leave 5 s of it for starting, probing and clean-up, so use at most 55.\n",
    );
  });

  it('--help exits 0', () => {
    const run = pid1(['check', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--grace <seconds>');
  });

  it('no engine exits 3', () => {
    const run = pid1(['check', 'pid1-fixture/tini-front', '--json'], {
      DOCKER_HOST: 'unix:///tmp/pid1-no-engine.sock',
    });
    expect(run.status).toBe(3);
    expect(errorReportSchema.parse(JSON.parse(run.stdout)).error.code).toBe('engine-unreachable');
  });

  it('missing image under PID1_PULL=never exits 3', () => {
    const run = pid1(['check', 'pid1-fixture/never-built'], { PID1_PULL: 'never' });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('is not on this Docker engine');
  });

  it('sweep reports what it removed', () => {
    const run = pid1(['sweep']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^removed \d+ expired pid1 containers?; \d+ still within their time limit\n$/,
    );
  });
});
