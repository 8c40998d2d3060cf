import { severityRank } from '../diagnosis/findings/finding-catalogue.js';
import type { Report } from '../diagnosis/report-schema.js';
import type { Pid1Error } from '../errors.js';
import type { FailOn } from './check-arguments.js';

export const exitCodes = { ok: 0, problems: 1, invalidInput: 2, couldNotRun: 3 } as const;

/** 1 when a finding is at or above `failOn`, else 0. */
export function exitCodeForReport(report: Report, failOn: FailOn): number {
  const threshold = severityRank[failOn];
  return report.findings.some((finding) => severityRank[finding.severity] >= threshold)
    ? exitCodes.problems
    : exitCodes.ok;
}

/** 2 for invalid input or a policy refusal, 3 when the check could not run. */
export function exitCodeForError(error: Pid1Error): number {
  return error.isInputError ? exitCodes.invalidInput : exitCodes.couldNotRun;
}
