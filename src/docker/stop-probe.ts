import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import type { Engine } from './engine.js';
import { engineStatusCode, toEngineError } from './engine-error.js';

export interface StopMeasurement {
  /** Seconds from the stop signal to PID 1's exit, or to the SIGKILL when it had to be sent. */
  seconds: number;
  exitCode: number | null;
  /** True when PID 1 was still running at the deadline and got SIGKILL. */
  killed: boolean;
  /** True when the container had already exited before the signal was sent. */
  exitedBefore: boolean;
  /** True when the wait ended at the early check instead of at the grace. */
  stoppedEarly: boolean;
}

/** A point before the grace where the wait may end, if the signal has visibly been dropped. */
export interface EarlyCheck {
  afterMs: number;
  /** Returns true when PID 1 still shows the signal dropped, read at the moment of the check. */
  stillDropped: () => boolean;
}

/** Resolves with the exit code, or with `deadline` after `ms`, whichever comes first. */
async function exitOrDeadline(
  exited: Promise<number | null>,
  ms: number,
): Promise<{ code: number | null } | 'deadline'> {
  const deadline = new AbortController();
  const timer = sleep(ms, 'deadline' as const, { signal: deadline.signal }).catch(
    () => 'deadline' as const,
  );
  const first = await Promise.race([exited.then((code) => ({ code })), timer]);
  deadline.abort();
  return first;
}

/**
 * Does what `docker stop` does, with its own clock: sends `stopSignal` to PID 1, waits up to
 * `graceMs` for the container to exit, then sends SIGKILL. With `earlyCheck`, the wait ends at
 * `earlyCheck.afterMs` instead when PID 1 is still running and still shows the signal dropped.
 */
export async function measureStop(
  engine: Engine,
  container: Docker.Container,
  stopSignal: string,
  graceMs: number,
  earlyCheck: EarlyCheck | null,
  signal?: AbortSignal,
): Promise<StopMeasurement> {
  const exited = container
    .wait({ condition: 'not-running', abortSignal: signal })
    .then((result: { StatusCode?: number }) => result.StatusCode ?? null);
  exited.catch(() => undefined);

  const startedAt = performance.now();
  try {
    await container.kill({ signal: stopSignal, abortSignal: signal });
  } catch (error) {
    if (engineStatusCode(error) !== 409)
      throw toEngineError(error, `sending ${stopSignal} to the target`, engine.socket);
    return {
      seconds: 0,
      exitCode: await exited,
      killed: false,
      exitedBefore: true,
      stoppedEarly: false,
    };
  }

  let stoppedEarly = false;
  let first: { code: number | null } | 'deadline' = 'deadline';
  if (earlyCheck !== null && earlyCheck.afterMs < graceMs) {
    first = await exitOrDeadline(exited, earlyCheck.afterMs);
    stoppedEarly = first === 'deadline' && earlyCheck.stillDropped();
  }
  if (first === 'deadline' && !stoppedEarly) {
    first = await exitOrDeadline(exited, graceMs - (performance.now() - startedAt));
  }

  if (first !== 'deadline') {
    return {
      seconds: (performance.now() - startedAt) / 1000,
      exitCode: first.code,
      killed: false,
      exitedBefore: false,
      stoppedEarly: false,
    };
  }

  const seconds = (performance.now() - startedAt) / 1000;
  try {
    await container.kill({ signal: 'SIGKILL', abortSignal: signal });
  } catch (error) {
    if (engineStatusCode(error) !== 409)
      throw toEngineError(error, 'sending SIGKILL to the target', engine.socket);
    // The container exited on its own between the deadline and the SIGKILL.
    return {
      seconds: (performance.now() - startedAt) / 1000,
      exitCode: await exited,
      killed: false,
      exitedBefore: false,
      stoppedEarly: false,
    };
  }
  return { seconds, exitCode: await exited, killed: true, exitedBefore: false, stoppedEarly };
}
