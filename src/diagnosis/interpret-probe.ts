import { classifyPid1 } from './classify-pid1.js';
import type { ProbeObservation, ProcessSample, RawSignalMasks } from './probe-output.js';
import type { Pid1Info, ProcessEntry, SignalMasks, ZombieResult } from './report-schema.js';
import { decodeSignalMask } from './signal-mask.js';

/** Maximum length of one process's command line in the report, in characters. */
const maxCommandChars = 512;

/** Decodes the three hex masks of /proc/PID/status, or returns null when one is unreadable. */
export function decodeMasks(raw: RawSignalMasks | null): SignalMasks | null {
  if (raw === null) return null;
  const caught = decodeSignalMask(raw.caught);
  const blocked = decodeSignalMask(raw.blocked);
  const ignored = decodeSignalMask(raw.ignored);
  if (caught === null || blocked === null || ignored === null) return null;
  return { caught, blocked, ignored };
}

function toEntry(sample: ProcessSample, lasting = false): ProcessEntry {
  const argv = sample.argv.length > 0 ? sample.argv : [sample.comm];
  const command = argv.join(' ');
  return {
    pid: sample.pid,
    ppid: sample.ppid,
    state: sample.state,
    executable: sample.comm,
    command: command.length > maxCommandChars ? `${command.slice(0, maxCommandChars)}…` : command,
    argv,
    lasting,
  };
}

function identity(sample: ProcessSample): string {
  return `${sample.pid}:${sample.startTicks}`;
}

/**
 * Keeps the target's processes: PID 1 and its descendants, in PID order. The probe joined the
 * namespace from outside (its parent PID reads 0), so neither it nor its orphan descends from PID 1
 * except the orphan, which is left out by PID.
 */
export function targetProcesses(
  samples: ProcessSample[],
  orphanPid: number | null,
): ProcessSample[] {
  const byParent = new Map<number, ProcessSample[]>();
  for (const sample of samples) {
    const siblings = byParent.get(sample.ppid) ?? [];
    siblings.push(sample);
    byParent.set(sample.ppid, siblings);
  }
  const kept: ProcessSample[] = [];
  const queue = samples.filter((sample) => sample.pid === 1);
  const visited = new Set<number>();
  while (queue.length > 0) {
    const next = queue.shift();
    // A PID re-used while the snapshot was read could make a parent cycle; visit each PID once.
    if (next === undefined || next.pid === orphanPid || visited.has(next.pid)) continue;
    visited.add(next.pid);
    kept.push(next);
    queue.push(...(byParent.get(next.pid) ?? []));
  }
  return kept.sort((a, b) => a.pid - b.pid);
}

export interface ProbeFindings {
  pid1: Pid1Info | null;
  processes: ProcessEntry[];
  processesTruncated: boolean;
  zombies: ZombieResult | null;
}

function orphanResult(observation: ProbeObservation): {
  reaped: boolean | null;
  reapMs: number | null;
} {
  const states = observation.orphanStates;
  const last = states[states.length - 1];
  if (last === undefined) return { reaped: null, reapMs: null };
  if (last.state === 'gone') {
    const died = states.find((entry) => entry.state === 'Z');
    const reapMs =
      died === undefined ? null : Math.max(0, (last.uptimeSeconds - died.uptimeSeconds) * 1000);
    return { reaped: true, reapMs };
  }
  if (last.state === 'Z') return { reaped: false, reapMs: null };
  return { reaped: null, reapMs: null };
}

/** Turns the probe's raw observation into the report's PID 1, process list and zombie result. */
export function interpretProbe(observation: ProbeObservation): ProbeFindings {
  const latest = observation.after ?? observation.before;
  if (latest === null)
    return { pid1: null, processes: [], processesTruncated: false, zombies: null };
  const processes = targetProcesses(latest, observation.orphanPid);
  const pid1Sample = processes.find((entry) => entry.pid === 1);
  const pid1: Pid1Info | null =
    pid1Sample === undefined
      ? null
      : {
          command: toEntry(pid1Sample).command,
          executable: pid1Sample.comm,
          kind: classifyPid1(pid1Sample.comm, pid1Sample.argv),
          signals: decodeMasks(observation.masksAfter ?? observation.masksBefore),
        };

  let zombies: ZombieResult | null = null;
  if (observation.before !== null && observation.after !== null) {
    const earlier = new Set(
      observation.before.filter((entry) => entry.state === 'Z').map(identity),
    );
    const lasting = observation.after.filter(
      (entry) =>
        entry.state === 'Z' && entry.pid !== observation.orphanPid && earlier.has(identity(entry)),
    );
    const observed = observation.after.filter((entry) => entry.state === 'Z').length;
    const orphan = orphanResult(observation);
    zombies = {
      reaped: orphan.reaped === true && lasting.length === 0,
      observed,
      orphanReaped: orphan.reaped,
      orphanReapMs: orphan.reapMs,
      lastingZombies: lasting.sort((a, b) => a.pid - b.pid).map((sample) => toEntry(sample, true)),
    };
  }
  // With one snapshot only, no process was seen twice, so none counts as lasting.
  const seenBefore = new Set(
    observation.after === null ? [] : (observation.before ?? []).map(identity),
  );
  const entries = processes.map((sample) => toEntry(sample, seenBefore.has(identity(sample))));
  return { pid1, processes: entries, processesTruncated: observation.truncated, zombies };
}
