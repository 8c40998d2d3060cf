import { loadSettings } from '../../src/config/settings.js';
import { defaultCheckContext, type CheckContext } from '../../src/diagnosis/check-context.js';
import { createEngine } from '../../src/docker/engine.js';
import { Pid1Error } from '../../src/errors.js';
import { createLogger } from '../../src/logging/logger.js';

/** Creates a check context on the local engine with the environment's settings plus `overrides`. */
export function testCheckContext(overrides: NodeJS.ProcessEnv = {}): CheckContext {
  const settings = loadSettings({ ...process.env, ...overrides });
  return defaultCheckContext(createEngine(), settings, createLogger('silent'));
}

/** Lists the ids of the containers of one check, running or not. */
export async function containersOfCheck(context: CheckContext, checkId: string): Promise<string[]> {
  const containers = await context.engine.docker.listContainers({
    all: true,
    filters: { label: ['pid1.managed=true', `pid1.check-id=${checkId}`] },
  });
  return containers.map((container) => container.Id);
}

/** Awaits a check that must fail and returns its Pid1Error; anything else fails the test. */
export async function checkError(promise: Promise<unknown>): Promise<Pid1Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Pid1Error) return error;
    throw error;
  }
  throw new Error('the check did not fail');
}
