import type { Finding, ProcessEntry } from '../report-schema.js';
import { programName, shells } from '../process-names.js';
import { execForm, showCommand, tiniEntrypoint, tiniNote } from './dockerfile-snippets.js';
import { isInteractiveShell } from '../classify-pid1.js';
import { makeFinding } from './make-finding.js';
import type { RuntimeFacts } from './runtime-facts.js';
import { countNoun } from '../../text/count-noun.js';

/** Signals an app often handles as "stop", in the order to suggest them as STOPSIGNAL. */
const alternativeStopSignals = ['SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'];

function childrenOf(processes: ProcessEntry[], pid: number): ProcessEntry[] {
  return processes.filter((entry) => entry.ppid === pid && entry.state !== 'Z');
}

/**
 * Returns the program doing the work: the first descendant of PID 1 that is not a shell and that
 * lasted through the probe, so a shell loop's short `sleep` children do not count.
 */
function workerProcess(processes: ProcessEntry[]): ProcessEntry | undefined {
  const queue = childrenOf(processes, 1);
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined) break;
    const argv0 = programName(next.argv[0]);
    if (next.lasting && !shells.has(programName(next.executable)) && !shells.has(argv0))
      return next;
    queue.push(...childrenOf(processes, next.pid));
  }
  return undefined;
}

function describePid1(facts: RuntimeFacts): string {
  const pid1 = facts.pid1;
  return pid1 === null ? 'PID 1' : `PID 1 \`${pid1.command}\` (${pid1.executable}, ${pid1.kind})`;
}

function startFailedFinding(facts: RuntimeFacts): Finding | null {
  if (facts.startFailure === null) return null;
  const argv = [...(facts.entrypoint ?? []), ...(facts.cmd ?? [])];
  const missingInit = /'\/(?:usr\/)?sbin\/init'/.test(facts.startFailure.reason);
  const fix = missingInit
    ? 'Do not boot an init system here: run the service itself, for example `CMD ["nginx", "-g", "daemon off;"]`. If the image must boot systemd, install it (`apt-get install -y systemd systemd-sysv`), which also needs a privileged, VM-like runtime.'
    : 'Point ENTRYPOINT or CMD at a program that exists and is executable in the image, for example `CMD ["/usr/local/bin/app"]`, and check it with `docker run --rm --entrypoint ls IMAGE -l PATH`.';
  return makeFinding(
    'start-failed',
    `The engine could not start \`${showCommand(argv)}\`: ${facts.startFailure.reason}. Engine message: ${facts.startFailure.engineMessage}`,
    fix,
  );
}

function exitsImmediatelyFinding(facts: RuntimeFacts): Finding | null {
  if (facts.earlyExit === null) return null;
  const { exitCode, secondsAfterStart, logLines } = facts.earlyExit;
  const argv = [...(facts.entrypoint ?? []), ...(facts.cmd ?? [])];
  const logs =
    logLines.length > 0 ? ` Last log lines:\n${logLines.join('\n')}` : ' It wrote no log lines.';
  const shell = isInteractiveShell(argv);
  return makeFinding(
    'exits-immediately',
    `PID 1 \`${showCommand(argv)}\` exited with code ${exitCode ?? 'unknown'} about ${secondsAfterStart.toFixed(1)} s after start, before its signal handling could be measured.${logs}`,
    shell
      ? 'A container lives only as long as its PID 1. A shell with no script exits at once without a terminal: run it with `docker run -it` (`pid1 check IMAGE --tty`), or make CMD a long-running program in the foreground.'
      : 'A container lives only as long as its PID 1: make CMD a long-running program that stays in the foreground (no daemonizing), or pass the settings it needs with `--env KEY=VALUE`.',
  );
}

function stopSignalFix(facts: RuntimeFacts): string {
  const pid1 = facts.pid1;
  const stopSignal = facts.stop?.signal ?? 'SIGTERM';
  const worker = workerProcess(facts.processes);

  if (pid1?.kind === 'shell' && worker !== undefined) {
    return `# last line of the entrypoint script: replace the shell with the app\nexec ${showCommand(worker.argv)}\n# or keep the script and put an init that signals the whole process group in front:\n${tiniEntrypoint(facts.entrypoint, true)}`;
  }
  if (
    pid1?.kind === 'shell' &&
    isInteractiveShell([...(facts.entrypoint ?? []), ...(facts.cmd ?? [])])
  ) {
    const hangup = pid1.signals?.caught.includes('SIGHUP') === true && stopSignal !== 'SIGHUP';
    const lines = [
      `# An interactive shell ignores ${stopSignal} whether or not it is PID 1, so an init in front does not help.`,
      '# Run the service itself instead of a shell, in exec form, for example:',
      'CMD ["/usr/local/bin/app", "--serve"]',
    ];
    if (hangup) lines.push('# or, since this shell exits on SIGHUP:', 'STOPSIGNAL SIGHUP');
    return lines.join('\n');
  }
  if (pid1?.kind === 'init' || pid1?.kind === 'supervisor') {
    const child = worker === undefined ? 'the app' : `\`${worker.command}\``;
    return `The init passed ${stopSignal} on, but ${child} did not exit within the grace: handle ${stopSignal} in the app, or set STOPSIGNAL to a signal it does handle.`;
  }
  if (pid1?.kind === 'package-manager' && worker !== undefined) {
    return `CMD ${execForm(worker.argv)}\n# run the app directly instead of through the package manager`;
  }
  // A shell catches SIGINT and SIGQUIT to guard its prompt, not to exit, so only SIGHUP counts.
  const candidates = pid1?.kind === 'shell' ? ['SIGHUP'] : alternativeStopSignals;
  const handled = candidates.find((name) => pid1?.signals?.caught.includes(name) === true);
  const lines = [
    `# PID 1 ignores ${stopSignal} unless it installs a handler. Put an init in front, which forwards the signal to the app:`,
    tiniEntrypoint(facts.entrypoint),
    `# ${tiniNote}`,
  ];
  if (handled !== undefined && handled !== stopSignal) {
    lines.push(
      `# or, since the app already handles ${handled}, stop it with that signal:`,
      `STOPSIGNAL ${handled}`,
    );
  }
  lines.push(`# or install a ${stopSignal} handler in the app that shuts it down.`);
  return lines.join('\n');
}

function stopSignalIgnoredFinding(facts: RuntimeFacts): Finding | null {
  const stop = facts.stop;
  if (stop === null || stop.graceful) return null;
  const masks = facts.pid1?.signals;
  let why = '';
  const init = facts.pid1?.kind === 'init' || facts.pid1?.kind === 'supervisor';
  if (init) {
    why = ` As an init it passes ${stop.signal} on to its child, so the child is what did not stop.`;
  } else if (masks !== null && masks !== undefined) {
    if (masks.ignored.includes(stop.signal)) why = ` Its signal masks show ${stop.signal} ignored.`;
    else if (masks.caught.includes(stop.signal))
      why = ` It catches ${stop.signal}, but its handler did not end the process in time.`;
    else if (masks.blocked.includes(stop.signal))
      why = ` It blocks ${stop.signal}, so the signal waits unhandled.`;
    else
      why = ` It has no handler for ${stop.signal}, and the kernel discards a signal that PID 1 leaves at its default action.`;
  }
  const waited =
    stop.reason === 'stopped-waiting-early'
      ? `was still running ${stop.seconds.toFixed(1)} s after ${stop.signal}, so pid1 stopped waiting. \`docker stop\` would wait the whole ${stop.graceSeconds} s grace and then send SIGKILL (exit code 137)`
      : `was still running ${stop.seconds.toFixed(1)} s after ${stop.signal} and had to be killed with SIGKILL (exit code ${stop.exitCode ?? 'unknown'})`;
  return makeFinding(
    'stop-signal-ignored',
    `${describePid1(facts)} ${waited}.${why}`,
    stopSignalFix(facts),
  );
}

function shellWrapsAppFinding(facts: RuntimeFacts): Finding | null {
  if (facts.pid1?.kind !== 'shell') return null;
  const worker = workerProcess(facts.processes);
  if (worker === undefined) return null;
  const shellForm = facts.pid1.command.split(' ').includes('-c');
  const fix = shellForm
    ? `CMD ${execForm(worker.argv)}`
    : `# last line of the entrypoint script\nexec ${showCommand(worker.argv)}\n# or, with the command in CMD:\nexec "$@"`;
  return makeFinding(
    'shell-wraps-app',
    `${describePid1(facts)} runs the app as its child \`${worker.command}\` (PID ${worker.pid}). The shell does not pass ${facts.stop?.signal ?? 'SIGTERM'} on, so the app never hears the stop and is killed mid-work.`,
    fix,
  );
}

function orphansFinding(facts: RuntimeFacts): Finding | null {
  const zombies = facts.zombies;
  if (zombies === null || zombies.reaped) return null;
  const parts: string[] = [];
  if (zombies.orphanReaped === null) {
    parts.push(
      "The probe's orphaned `sleep` was still alive when the reap window ended, so reaping could not be confirmed.",
    );
  }
  if (zombies.orphanReaped === false) {
    parts.push(
      'The probe left an orphaned `sleep` that the kernel re-parented to PID 1; after it exited it stayed a zombie under PID 1 for the whole reap window.',
    );
  }
  if (zombies.lastingZombies.length > 0) {
    const listed = zombies.lastingZombies
      .slice(0, 5)
      .map((entry) => `PID ${entry.pid} (${entry.executable}, parent ${entry.ppid})`)
      .join(', ');
    parts.push(
      `${countNoun(zombies.lastingZombies.length, 'zombie')} made by the image itself lasted through the probe: ${listed}.`,
    );
  }
  parts.push(
    `${countNoun(zombies.observed, 'zombie was', 'zombies were')} in the PID namespace at the end. ${describePid1(facts)} does not wait for children it did not start, so they pile up until the PID limit is hit.`,
  );
  return makeFinding(
    'orphans-not-reaped',
    parts.join(' '),
    `${tiniEntrypoint(facts.entrypoint)}\n# ${tiniNote}\n# In Kubernetes, shareProcessNamespace: true makes the pause process PID 1, and it reaps.`,
  );
}

function packageManagerFinding(facts: RuntimeFacts): Finding | null {
  if (facts.pid1?.kind !== 'package-manager') return null;
  const worker = workerProcess(facts.processes);
  const fix =
    worker === undefined
      ? 'CMD ["node", "server.js"]\n# run the script that package.json "start" names, directly'
      : `CMD ${execForm(worker.argv)}`;
  const child =
    worker === undefined
      ? ''
      : ` The app runs as its child \`${worker.command}\` (PID ${worker.pid}).`;
  return makeFinding(
    'package-manager-pid1',
    `${describePid1(facts)} is a package manager.${child} npm, yarn and pnpm do not reliably pass SIGTERM on to the script they start, and they do not reap orphans.`,
    fix,
  );
}

function systemdFinding(facts: RuntimeFacts): Finding | null {
  if (facts.pid1?.kind !== 'systemd') return null;
  return makeFinding(
    'systemd-pid1',
    `${describePid1(facts)} is an init system built to boot a whole OS; in a sandboxed container it lacks the privileges and cgroup access it expects.`,
    'Run the service itself in the foreground as PID 1, one service per container, for example `CMD ["nginx", "-g", "daemon off;"]`.',
  );
}

/** Findings from what the running container showed. */
export function runtimeFindings(facts: RuntimeFacts): Finding[] {
  return [
    startFailedFinding(facts),
    exitsImmediatelyFinding(facts),
    stopSignalIgnoredFinding(facts),
    packageManagerFinding(facts),
    shellWrapsAppFinding(facts),
    orphansFinding(facts),
    systemdFinding(facts),
  ].filter((finding): finding is Finding => finding !== null);
}
