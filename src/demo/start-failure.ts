import { engineMessage } from '../docker/engine-error.js';

/**
 * True when starting a container failed because its command does not exist in the image. The
 * Docker engine (runc) then returns "executable file not found" or "no such file or directory".
 */
export function isMissingExecutable(error: unknown): boolean {
  const message = engineMessage(error);
  return /executable file not found|no such file or directory/i.test(message);
}
