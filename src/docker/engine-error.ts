import { Pid1Error } from '../errors.js';

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ETIMEDOUT',
]);

interface EngineErrorShape {
  code?: unknown;
  statusCode?: unknown;
  json?: unknown;
  reason?: unknown;
  message?: unknown;
}

/** Returns the engine's own message from a dockerode error, without the HTTP preamble. */
export function engineMessage(error: unknown): string {
  const shape = (error ?? {}) as EngineErrorShape;
  const json = shape.json as { message?: unknown } | null | undefined;
  if (json !== null && typeof json === 'object' && typeof json.message === 'string')
    return json.message;
  const message = typeof shape.message === 'string' ? shape.message : String(error);
  return message.replace(/^\(HTTP code \d+\) [a-z ]+ - /, '').trim();
}

export function engineStatusCode(error: unknown): number | null {
  const status = (error as EngineErrorShape | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

/** True when the error means the Docker engine could not be reached at all. */
export function isEngineUnreachable(error: unknown): boolean {
  const code = (error as EngineErrorShape | null)?.code;
  return typeof code === 'string' && unreachableCodes.has(code);
}

/**
 * Turns a failed engine call into a Pid1Error: `engine-unreachable` when no engine responded,
 * `engine-failed` otherwise, with what pid1 was doing and the engine's message.
 */
export function toEngineError(error: unknown, doing: string, socket: string): Pid1Error {
  if (error instanceof Pid1Error) return error;
  if (isEngineUnreachable(error)) {
    const code = String((error as EngineErrorShape).code);
    return new Pid1Error(
      'engine-unreachable',
      `No Docker engine is reachable at ${socket} (${code}) while ${doing}: start dockerd, or set DOCKER_HOST to a running engine.`,
      { cause: error },
    );
  }
  return new Pid1Error(
    'engine-failed',
    `The Docker engine failed while ${doing}: ${engineMessage(error)}`,
    {
      cause: error,
    },
  );
}

/**
 * Starts a container and returns the engine's message when the container itself failed to start
 * (a missing executable, a PID namespace that is gone), or null when it started. Aborts and
 * engine failures are thrown as Pid1Errors naming `doing`.
 */
export async function startOrFailure(
  container: { start: (options: { abortSignal?: AbortSignal }) => Promise<unknown> },
  doing: string,
  socket: string,
  signal?: AbortSignal,
): Promise<string | null> {
  try {
    await container.start({ abortSignal: signal });
    return null;
  } catch (error) {
    const aborted = signal?.aborted === true;
    if (aborted || isEngineUnreachable(error) || engineStatusCode(error) === null) {
      throw toEngineError(aborted ? signal?.reason : error, doing, socket);
    }
    return engineMessage(error);
  }
}
