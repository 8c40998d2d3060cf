import type { CheckOptions } from './check-options.js';
import { parseImageReference } from './image-reference.js';

/**
 * Returns the key under which identical checks share one run: the normalised image reference
 * and a JSON object of the options that change what the check measures. `signal` and
 * `onProgress` only change who hears about the run, so they are left out. Absent and empty
 * values that `check` treats alike (no `--cmd` and an empty one, no `--env` and none given,
 * `fullGrace` false and unset) give the same key. The key contains `--env` values, which may
 * be secrets, so it must not be logged.
 */
export function sharedCheckKey(reference: string, options: CheckOptions): string {
  const measured = {
    cmd: options.cmd !== undefined && options.cmd.length > 0 ? options.cmd : undefined,
    entrypoint: options.entrypoint,
    env: options.env !== undefined && options.env.length > 0 ? options.env : undefined,
    tty: options.tty,
    graceSeconds: options.graceSeconds,
    fullGrace: options.fullGrace === true ? true : undefined,
  };
  // JSON.stringify keeps the literal's key order and drops undefined values, so the text is stable.
  return `${parseImageReference(reference).normalized} ${JSON.stringify(measured)}`;
}

interface RunProgress<E> {
  listeners: Set<(event: E) => void>;
  /** Last progress event, replayed to a caller that joins later so that it shows the current step. */
  lastEvent: E | undefined;
}

interface SharedRun<T, E> {
  result: Promise<T>;
  progress: RunProgress<E>;
  callers: number;
}

/** A run of a check: its outcome, and whether the caller joined a run started by another caller. */
export interface SharedCheckRun<T> {
  result: Promise<T>;
  joined: boolean;
}

/**
 * Runs identical checks once while they overlap: a caller that asks for a check whose key
 * (`sharedCheckKey`) matches one already waiting or running gets that run's outcome, report or
 * error, instead of starting another. Progress events of the run go to every caller's listener.
 * Once the run settles, the next identical request starts a new run.
 *
 * NOTE: the run keeps the first caller's task, so its cancellation signal governs every caller
 * that joined. The Slack app and the console pass the same shutdown signal for every check.
 */
export class SharedChecks<T, E = never> {
  private readonly runs = new Map<string, SharedRun<T, E>>();

  /** Number of distinct runs in progress. */
  get size(): number {
    return this.runs.size;
  }

  /**
   * Starts `task` for the check, or joins the identical run in progress. `task` receives a
   * function that sends a progress event to every caller. Throws at once when `reference` is an
   * invalid image reference.
   */
  run(
    reference: string,
    options: CheckOptions,
    task: (notify: (event: E) => void) => Promise<T>,
    onEvent?: (event: E) => void,
  ): SharedCheckRun<T> {
    const key = sharedCheckKey(reference, options);
    const existing = this.runs.get(key);
    if (existing !== undefined) {
      existing.callers += 1;
      if (onEvent !== undefined) {
        existing.progress.listeners.add(onEvent);
        const { lastEvent } = existing.progress;
        if (lastEvent !== undefined) onEvent(lastEvent);
      }
      return { result: existing.result, joined: true };
    }

    const progress: RunProgress<E> = { listeners: new Set(), lastEvent: undefined };
    if (onEvent !== undefined) progress.listeners.add(onEvent);
    const notify = (event: E): void => {
      progress.lastEvent = event;
      for (const listener of progress.listeners) listener(event);
    };
    const entry: SharedRun<T, E> = { result: task(notify), progress, callers: 1 };
    this.runs.set(key, entry);
    const forget = (): void => {
      if (this.runs.get(key) === entry) this.runs.delete(key);
    };
    // The handlers also mark a rejection as handled, and each caller still gets it through `result`.
    entry.result.then(forget, forget);
    return { result: entry.result, joined: false };
  }

  /** Number of callers sharing the run of this check, or 0 when none is in progress. */
  callersOf(reference: string, options: CheckOptions): number {
    return this.runs.get(sharedCheckKey(reference, options))?.callers ?? 0;
  }
}
