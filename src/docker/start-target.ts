import type Docker from 'dockerode';
import type { Engine } from './engine.js';
import { startOrFailure } from './engine-error.js';

export type StartOutcome =
  { started: true } | { started: false; reason: string; engineMessage: string };

/** Turns the runtime's start error into a short cause a user can act on. */
export function explainStartError(message: string): string {
  const missing = /exec: "([^"]*)": (?:stat [^:]*: )?no such file or directory/.exec(message);
  if (missing !== null) return `the executable '${missing[1]}' does not exist in the image`;
  const notInPath = /exec: "([^"]*)": executable file not found in \$PATH/.exec(message);
  if (notInPath !== null)
    return `the executable '${notInPath[1]}' was not found in the image's PATH`;
  const denied = /exec: "([^"]*)": permission denied/.exec(message);
  if (denied !== null) return `'${denied[1]}' is not executable (permission denied)`;
  if (/exec format error/.test(message))
    return 'the executable is for another CPU architecture, or a script without a #! line';
  if (/no command specified/i.test(message)) return 'the image has neither ENTRYPOINT nor CMD';
  if (/unable to find user|no matching entries in passwd/i.test(message))
    return "the image's USER does not exist in the image";
  return message;
}

/**
 * Starts the target. A failure of the container itself (missing executable, bad USER) is an
 * outcome for the report; an engine that cannot be reached is thrown.
 */
export async function startTarget(
  engine: Engine,
  container: Docker.Container,
  signal?: AbortSignal,
): Promise<StartOutcome> {
  const message = await startOrFailure(
    container,
    'starting the target container',
    engine.socket,
    signal,
  );
  if (message === null) return { started: true };
  return { started: false, reason: explainStartError(message), engineMessage: message };
}
