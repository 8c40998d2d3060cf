import type { Report, Severity, StopResult, ZombieResult } from '../../diagnosis/report-schema.js';
import { inlineCode, escapeMrkdwn } from './mrkdwn-escape.js';

const severityOrder: Severity[] = ['error', 'warning', 'info'];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Counts the findings per severity, as "1 error, 2 warnings". */
export function findingCounts(report: Report): string {
  const parts: string[] = [];
  for (const severity of severityOrder) {
    const count = report.findings.filter((finding) => finding.severity === severity).length;
    if (count > 0) parts.push(severity === 'info' ? `${count} info` : plural(count, severity));
  }
  return parts.join(', ');
}

/** Builds the first line of a report: healthy or not, with the finding counts. */
export function verdictLine(report: Report): string {
  if (report.verdict === 'healthy') {
    const signal = report.stop?.signal ?? 'the stop signal';
    return `:white_check_mark: *Healthy.* PID 1 exits on ${signal} within the grace and reaps orphans.`;
  }
  const counts = findingCounts(report);
  return counts === '' ? ':x: *Problems found.*' : `:x: *Problems found:* ${counts}.`;
}

function seconds(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} s`;
}

function exitCodeText(stop: StopResult): string {
  return stop.exitCode === null ? 'no exit code' : `exit code ${stop.exitCode}`;
}

/** Describes the stop probe: the signal, what PID 1 did with it and how long it took. */
export function stopSummary(stop: StopResult | null): string {
  if (stop === null) return 'Not measured: the container did not run.';
  let summary: string;
  if (stop.reason === 'exited') {
    const manner = stop.graceful ? 'graceful' : 'not graceful';
    summary = `${stop.signal} → PID 1 exited after ${seconds(stop.seconds)}, ${exitCodeText(stop)} (${manner}).`;
  } else if (stop.reason === 'killed-after-grace') {
    summary = `${stop.signal} → no exit within the ${stop.graceSeconds} s grace, so SIGKILL ended PID 1 (${exitCodeText(stop)}).`;
  } else {
    summary = `${stop.signal} → PID 1 did not exit; pid1 stopped waiting after ${seconds(stop.seconds)} and sent SIGKILL (${exitCodeText(stop)}).`;
  }
  return stop.detail === '' ? summary : `${summary}\n${escapeMrkdwn(stop.detail)}`;
}

/** Describes the orphan probe: whether PID 1 reaped the orphan and how many zombies were seen. */
export function zombieSummary(zombies: ZombieResult | null): string {
  if (zombies === null) return 'Not measured: the container did not run.';
  const seen = plural(zombies.observed, 'zombie');
  return zombies.reaped ? `Reaped (${seen} seen).` : `Not reaped: ${seen} seen.`;
}

/** Names the image, with its short id and any STOPSIGNAL. */
export function imageSummary(report: Report): string {
  const lines = [inlineCode(report.image.reference)];
  if (report.image.id !== '')
    lines.push(`id ${inlineCode(report.image.id.replace(/^sha256:/, '').slice(0, 12))}`);
  if (report.image.stopSignal !== null)
    lines.push(`STOPSIGNAL ${inlineCode(report.image.stopSignal)}`);
  return lines.join('\n');
}

/** Shows PID 1: its `comm`, its kind and its full command line. */
export function pid1Summary(report: Report): string {
  if (report.pid1 === null) return 'Not measured: the container did not run.';
  const { executable, kind, command } = report.pid1;
  return `${inlineCode(executable)} (${kind})\n${inlineCode(command)}`;
}

/** Shows the argv the target ran with and whether it had a TTY. */
export function runSummary(report: Report): string {
  if (report.run === null) return 'The container was not started.';
  const tty = report.run.tty ? 'with a TTY' : 'without a TTY';
  return `${inlineCode(report.run.command.join(' '))} ${tty}`;
}
