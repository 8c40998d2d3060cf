/** Options of one check that a caller may set. Everything else comes from the image and Settings. */
export interface CheckOptions {
  /** Replaces the image's CMD and keeps its ENTRYPOINT, as `docker run IMAGE ARGS` does. */
  cmd?: string[];
  /** Replaces the image's ENTRYPOINT, as `docker run --entrypoint` does; `[]` clears it. */
  entrypoint?: string[];
  /** Extra environment, each `KEY=VALUE`. */
  env?: string[];
  /** Forces a TTY with open stdin on or off; unset lets the check decide from the command. */
  tty?: boolean;
  /** Seconds the stop probe waits after the stop signal before SIGKILL. */
  graceSeconds?: number;
  /** Waits out the whole grace even when the evidence already shows the signal was dropped. */
  fullGrace?: boolean;
  /** Cancels the check; its containers are still removed. */
  signal?: AbortSignal;
  /** Called as the check moves from one step to the next, for progress messages. */
  onProgress?: (step: CheckStep) => void;
}

export type CheckStep = 'pulling' | 'starting' | 'probing' | 'stopping' | 'cleaning-up';
