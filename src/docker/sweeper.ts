import type { Engine } from './engine.js';
import { toEngineError } from './engine-error.js';
import { expiresAtLabel, managedLabel } from './labels.js';
import { removeContainers } from './sandboxed-container.js';

export interface SweepResult {
  removed: string[];
  failed: string[];
  /** pid1 containers left because their check may still be running. */
  kept: number;
}

/**
 * Removes pid1 containers whose `pid1.expires-at` has passed (or is missing or unreadable), so
 * that a check killed with SIGKILL leaves nothing behind once its time limit is over.
 */
export async function sweepExpiredContainers(
  engine: Engine,
  nowMs: number = Date.now(),
): Promise<SweepResult> {
  let containers;
  try {
    containers = await engine.docker.listContainers({
      all: true,
      filters: { label: [`${managedLabel}=true`] },
      abortSignal: AbortSignal.timeout(15_000),
    } as Parameters<typeof engine.docker.listContainers>[0]);
  } catch (error) {
    throw toEngineError(error, 'listing pid1 containers', engine.socket);
  }
  const nowSeconds = nowMs / 1000;
  const expired = containers.filter((container) => {
    const expiresAt = Number(container.Labels[expiresAtLabel]);
    return !Number.isFinite(expiresAt) || expiresAt <= nowSeconds;
  });
  const ids = expired.map((container) => container.Id);
  const failed = await removeContainers(engine, ids);
  return {
    removed: ids.filter((id) => !failed.includes(id)),
    failed,
    kept: containers.length - expired.length,
  };
}
