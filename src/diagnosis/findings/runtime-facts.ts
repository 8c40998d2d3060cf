import type {
  ImageInfo,
  Pid1Info,
  ProcessEntry,
  StopResult,
  ZombieResult,
} from '../report-schema.js';

/** Measurements of one check, as the runtime findings read them. */
export interface RuntimeFacts {
  image: ImageInfo;
  /** The effective ENTRYPOINT and CMD, after any override. */
  entrypoint: string[] | null;
  cmd: string[] | null;
  startFailure: { reason: string; engineMessage: string } | null;
  earlyExit: { exitCode: number | null; secondsAfterStart: number; logLines: string[] } | null;
  pid1: Pid1Info | null;
  /** The target's processes: PID 1 and its descendants, without the probe's. */
  processes: ProcessEntry[];
  processesTruncated: boolean;
  stop: StopResult | null;
  zombies: ZombieResult | null;
}
