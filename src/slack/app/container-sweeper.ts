import type { Engine } from '../../docker/engine.js';
import { sweepExpiredContainers } from '../../docker/sweeper.js';
import type { Logger } from '../../logging/logger.js';

/** Milliseconds between two sweeps of expired pid1 containers while the server runs. */
const sweepIntervalMs = 60_000;

/**
 * Removes expired pid1 containers now and every minute, so that containers of a check that
 * died with an earlier process do not pile up. Returns a function that stops the sweeps.
 */
export function startContainerSweeper(engine: Engine, logger: Logger): () => void {
  const sweep = (): void => {
    sweepExpiredContainers(engine)
      .then((result) => {
        if (result.removed.length > 0 || result.failed.length > 0) {
          logger.info({ ...result }, 'swept expired pid1 containers');
        }
      })
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'sweeping expired pid1 containers failed'),
      );
  };
  sweep();
  const timer = setInterval(sweep, sweepIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
