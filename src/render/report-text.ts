import type { Finding, ProcessEntry, Report } from '../diagnosis/report-schema.js';
import { countNoun } from '../text/count-noun.js';

/** Process lines shown in the text report; --json has them all. */
const maxTreeLines = 40;

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

/** Draws the process list as a tree under PID 1, in PID order. */
export function processTree(processes: ProcessEntry[]): string[] {
  const lines: string[] = [];
  const visit = (entry: ProcessEntry, depth: number): void => {
    const state = entry.state === 'Z' ? ' <zombie>' : '';
    lines.push(`${'  '.repeat(depth)}${String(entry.pid).padStart(5)}  ${entry.command}${state}`);
    for (const child of processes.filter(
      (candidate) => candidate.ppid === entry.pid && candidate.pid !== entry.pid,
    )) {
      visit(child, depth + 1);
    }
  };
  for (const root of processes.filter((entry) => entry.pid === 1)) visit(root, 0);
  return lines;
}

function stopLine(report: Report): string {
  const stop = report.stop;
  if (stop === null) return 'not measured (the container did not run long enough)';
  const outcome = stop.graceful ? 'graceful' : 'NOT graceful';
  return `${stop.signal} → ${outcome} after ${stop.seconds.toFixed(2)} s, exit code ${stop.exitCode ?? 'unknown'} (${stop.reason})\n            ${stop.detail}`;
}

function zombieLine(report: Report): string {
  const zombies = report.zombies;
  if (zombies === null) return 'not measured';
  const orphan =
    zombies.orphanReaped === true
      ? `the probe's orphan was reaped${zombies.orphanReapMs === null ? '' : ` in ${Math.round(zombies.orphanReapMs)} ms`}`
      : zombies.orphanReaped === false
        ? "the probe's orphan stayed a zombie"
        : "the probe's orphan outlived the test";
  return `${zombies.reaped ? 'reaped' : 'NOT reaped'}: ${orphan}; ${countNoun(zombies.observed, 'zombie')} at the end`;
}

function findingBlock(finding: Finding): string {
  return [
    `${finding.severity.toUpperCase()}  ${finding.id}: ${finding.title}`,
    indent(finding.evidence, '    '),
    '  Fix:',
    indent(finding.fix, '    '),
    `  Learn more: pid1 explain ${finding.topic}`,
  ].join('\n');
}

/** Renders a report for a terminal: verdict, PID 1, process tree, stop, zombies and findings. */
export function renderReportText(report: Report): string {
  const verdict = report.verdict === 'healthy' ? 'HEALTHY' : 'PROBLEMS';
  const lines = [
    `${report.image.reference}: ${verdict} (checked in ${(report.durationMs / 1000).toFixed(1)} s)`,
    '',
  ];
  if (report.pid1 !== null) {
    lines.push(
      `PID 1       ${report.pid1.command}  [${report.pid1.executable}, ${report.pid1.kind}]`,
    );
    const signals = report.pid1.signals;
    if (signals !== null) {
      const list = (names: string[]) => (names.length === 0 ? 'none' : names.join(' '));
      lines.push(
        `Signals     catches ${list(signals.caught)}; blocks ${list(signals.blocked)}; ignores ${list(signals.ignored)}`,
      );
    }
    const tree = processTree(report.processes);
    lines.push('Processes', ...tree.slice(0, maxTreeLines).map((line) => `  ${line}`));
    if (tree.length > maxTreeLines)
      lines.push(`  … and ${tree.length - maxTreeLines} more (see --json)`);
    if (report.processesTruncated === true) {
      lines.push('  … more processes ran; the probe lists at most 300');
    }
  } else if (report.run !== null) {
    lines.push(`Command     ${report.run.command.join(' ') || '(none)'}`);
  }
  lines.push(`Stop        ${stopLine(report)}`, `Zombies     ${zombieLine(report)}`, '');
  if (report.findings.length === 0)
    lines.push('No findings: PID 1 stops cleanly and reaps orphans.');
  for (const finding of report.findings) lines.push(findingBlock(finding), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
