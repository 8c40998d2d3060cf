import { severityRank } from './findings/finding-catalogue.js';
import type { RuntimeFacts } from './findings/runtime-facts.js';
import type { PreparedRun } from './prepared-run.js';
import { redactValues, secretValues } from './redact-values.js';
import { reportSchema, type Finding, type Report } from './report-schema.js';

/**
 * Builds the report from the facts, ordering findings by severity and validating the result.
 * The values of `env` are replaced by `[redacted]` wherever they appear.
 */
export function buildReport(
  run: PreparedRun,
  facts: RuntimeFacts,
  findings: Finding[],
  durationMs: number,
  env: string[],
): Report {
  const unique = new Map<string, Finding>();
  for (const finding of findings) if (!unique.has(finding.id)) unique.set(finding.id, finding);
  const ordered = [...unique.values()].sort(
    (a, b) => severityRank[b.severity] - severityRank[a.severity],
  );
  const healthy =
    facts.stop?.graceful === true &&
    facts.zombies?.reaped === true &&
    ordered.every((finding) => finding.severity === 'info');
  const report = reportSchema.parse({
    schemaVersion: 1,
    checkId: run.checkId,
    image: facts.image,
    run: {
      command: run.argv,
      tty: run.tty,
      env: env.map((entry) => entry.slice(0, entry.indexOf('='))),
    },
    verdict: healthy ? 'healthy' : 'problems',
    pid1: facts.pid1,
    processes: facts.processes,
    processesTruncated: facts.processesTruncated,
    stop: facts.stop,
    zombies: facts.zombies,
    findings: ordered,
    durationMs: Math.round(durationMs),
  });
  return redactValues(report, secretValues(env));
}
