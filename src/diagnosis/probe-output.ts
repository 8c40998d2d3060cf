/** One process as /proc/PID/stat and /proc/PID/cmdline showed it to the probe. */
export interface ProcessSample {
  pid: number;
  ppid: number;
  state: string;
  /** `comm`: the executable's name as `ps` shows it, at most 15 bytes. */
  comm: string;
  /** Start time in clock ticks since boot, which distinguishes a re-used PID from its first owner. */
  startTicks: number;
  argv: string[];
}

export interface RawSignalMasks {
  caught: string;
  blocked: string;
  ignored: string;
}

export interface OrphanState {
  uptimeSeconds: number;
  state: string;
  ppid: number | null;
}

/** Observations of the probe, parsed from its output. */
export interface ProbeObservation {
  selfPid: number | null;
  settled: { stableSamples: number; samples: number } | null;
  masksBefore: RawSignalMasks | null;
  masksAfter: RawSignalMasks | null;
  before: ProcessSample[] | null;
  after: ProcessSample[] | null;
  truncated: boolean;
  orphanPid: number | null;
  orphanStates: OrphanState[];
  /** True when the probe printed its last line, so nothing cut it short. */
  complete: boolean;
}

/** Parses one /proc/PID/stat line; `comm` may hold spaces or parentheses, so split at the last ')'. */
export function parseStatLine(
  pidText: string,
  stat: string,
  cmdline: string,
): ProcessSample | null {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = stat
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const pid = Number(pidText);
  const ppid = Number(fields[1]);
  const startTicks = Number(fields[19]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return null;
  return {
    pid,
    ppid,
    state: fields[0] ?? '?',
    comm: stat.slice(open + 1, close),
    startTicks: Number.isFinite(startTicks) ? startTicks : 0,
    argv: cmdline
      .split('\x01')
      .filter((word, index, words) => word !== '' || index < words.length - 1),
  };
}

/** Parses the probe script's output. Unknown or malformed lines are skipped, never trusted. */
export function parseProbeOutput(output: string): ProbeObservation {
  const observation: ProbeObservation = {
    selfPid: null,
    settled: null,
    masksBefore: null,
    masksAfter: null,
    before: null,
    after: null,
    truncated: false,
    orphanPid: null,
    orphanStates: [],
    complete: false,
  };
  let current: ProcessSample[] | null = null;
  for (const line of output.split('\n')) {
    const fields = line.replace(/\r$/, '').split('\t');
    const [record, first = '', second = '', third = ''] = fields;
    switch (record) {
      case 'self':
        observation.selfPid = Number(first) || null;
        break;
      case 'settled':
        observation.settled = { stableSamples: Number(first), samples: Number(second) };
        break;
      case 'status': {
        const masks = { caught: first, blocked: second, ignored: third };
        if (observation.before === null) observation.masksBefore = masks;
        else observation.masksAfter = masks;
        break;
      }
      case 'snapshot':
        current = [];
        if (first === 'before') observation.before = current;
        if (first === 'after') observation.after = current;
        break;
      case 'proc': {
        // A `comm` may contain tabs, but the probe turns those of the command line into spaces, so
        // the command line is the last field and the stat line is everything between.
        const stat = fields.length > 4 ? fields.slice(2, -1).join('\t') : second;
        const cmdline = fields.length > 4 ? (fields[fields.length - 1] ?? '') : third;
        const sample = parseStatLine(first, stat, cmdline);
        if (sample !== null && current !== null) current.push(sample);
        break;
      }
      case 'end':
        current = null;
        break;
      case 'truncated':
        observation.truncated = true;
        break;
      case 'orphan':
        observation.orphanPid = Number(first) || null;
        break;
      case 'orphan-state':
        observation.orphanStates.push({
          uptimeSeconds: Number(first),
          state: second,
          ppid: third === '-' ? null : Number(third),
        });
        break;
      case 'done':
        observation.complete = true;
        break;
      default:
        break;
    }
  }
  return observation;
}
