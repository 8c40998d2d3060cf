import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/diagnosis/report-schema.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/src/cli/main.js');

/** The shared case folder beside the repository: real Debian software as PID 1. */
const casesDir = process.env['PID1_CASES_DIR'] ?? path.resolve(repo, '../shared/cases');

interface Expected {
  pid1: string | null;
  graceful: boolean | null;
  reaped: boolean | null;
  healthy: boolean;
  findings: string[];
}

const caseNames = existsSync(casesDir)
  ? readdirSync(casesDir).filter((name) => existsSync(path.join(casesDir, name, 'expected.json')))
  : [];

describe.skipIf(caseNames.length === 0)(`pid1 check on the shared cases in ${casesDir}`, () => {
  it.each(caseNames)('case %s agrees with expected.json', (name) => {
    const expected = JSON.parse(
      readFileSync(path.join(casesDir, name, 'expected.json'), 'utf8'),
    ) as Expected;
    const run = spawnSync(process.execPath, [cli, 'check', `pid1-case/${name}`, '--json'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(run.status).toBe(expected.healthy ? 0 : 1);
    expect(run.stderr).toBe('');
    if (expected.pid1 === null) expect(report.pid1).toBeNull();
    else expect(report.pid1?.command).toContain(expected.pid1);
    expect(report.stop?.graceful ?? null).toBe(expected.graceful);
    expect(report.zombies?.reaped ?? null).toBe(expected.reaped);
    expect(report.verdict === 'healthy').toBe(expected.healthy);
    const ids = report.findings.map((finding) => finding.id);
    for (const id of expected.findings) expect(ids).toContain(id);
  });
});
