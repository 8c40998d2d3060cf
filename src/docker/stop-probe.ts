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
}

/**
 * Does what `docker stop` does, with its own clock: sends `stopSignal` to PID 1, waits up to
 * `deadlineMs` for the container to exit, then sends SIGKILL.
 */
export async function measureStop(
  engine: Engine,
  container: Docker.Container,
  stopSignal: string,
  deadlineMs: number,
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
    return { seconds: 0, exitCode: await exited, killed: false, exitedBefore: true };
  }
  const deadline = new AbortController();
  const timer = sleep(deadlineMs, 'deadline' as const, { signal: deadline.signal }).catch(
    () => 'cancelled' as const,
  );
  const first = await Promise.race([exited.then((code) => ({ code })), timer]);
  if (first !== 'deadline' && first !== 'cancelled') {
    deadline.abort();
    return {
      seconds: (performance.now() - startedAt) / 1000,
      exitCode: first.code,
      killed: false,
      exitedBefore: false,
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
    };
  }
  return { seconds, exitCode: await exited, killed: true, exitedBefore: false };
}
