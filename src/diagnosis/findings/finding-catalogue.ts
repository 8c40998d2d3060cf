import type { Severity } from '../report-schema.js';

/** Finding ids with their fixed severity and title; the JSON report and exit codes rely on them. */
export const findingCatalogue = {
  'stop-signal-ignored': { severity: 'error', title: 'PID 1 did not stop on the stop signal' },
  'package-manager-pid1': { severity: 'error', title: 'A package manager runs as PID 1' },
  'start-failed': { severity: 'error', title: 'The container could not start' },
  'exits-immediately': { severity: 'error', title: 'PID 1 exited before the checks could run' },
  'shell-wraps-app': { severity: 'warning', title: 'A shell runs as PID 1 in front of the app' },
  'orphans-not-reaped': { severity: 'warning', title: 'PID 1 does not reap orphaned processes' },
  'shell-form-command': { severity: 'warning', title: 'ENTRYPOINT or CMD is in shell form' },
  'systemd-pid1': { severity: 'warning', title: 'systemd or /sbin/init is PID 1' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type FindingId = keyof typeof findingCatalogue;

export const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
