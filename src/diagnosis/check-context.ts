import { randomBytes } from 'node:crypto';
import type { Settings } from '../config/settings.js';
import type { Engine } from '../docker/engine.js';
import { defaultProbeTiming, type ProbeTiming } from '../docker/probe-script.js';
import type { Logger } from '../logging/logger.js';

/** What a check depends on, passed in so tests can set the clock, ids and timings. */
export interface CheckContext {
  engine: Engine;
  settings: Settings;
  logger: Logger;
  /** Wall-clock milliseconds, for container labels. */
  now: () => number;
  newCheckId: () => string;
  probeTiming: ProbeTiming;
  /** Seconds to wait after the stop signal before concluding that PID 1 dropped it. */
  dropConfirmationSeconds: number;
}

/** Returns a 12-hex-digit check id, unique enough to name containers. */
export function randomCheckId(): string {
  return randomBytes(6).toString('hex');
}

export function defaultCheckContext(
  engine: Engine,
  settings: Settings,
  logger: Logger,
): CheckContext {
  return {
    engine,
    settings,
    logger,
    now: Date.now,
    newCheckId: randomCheckId,
    probeTiming: defaultProbeTiming,
    dropConfirmationSeconds: 1,
  };
}
