import { randomBytes } from 'node:crypto';
import type { Settings } from '../../config/settings.js';
import { check } from '../../diagnosis/check.js';
import { defaultCheckContext, randomCheckId } from '../../diagnosis/check-context.js';
import type { CheckQueue } from '../../diagnosis/check-queue.js';
import type { Engine } from '../../docker/engine.js';
import { runDemo } from '../../demo/run-demo.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Logger } from '../../logging/logger.js';
import type { CommandDeps } from './command-deps.js';
import { InFlightCommands } from './in-flight-commands.js';
import { ReportStore } from './report-store.js';
import { UserRateLimiter } from './user-rate-limiter.js';

export interface CommandDepsSources {
  settings: Settings;
  engine: Engine;
  queue: CheckQueue;
  knowledge: KnowledgeBase;
  logger: Logger;
  shutdownSignal: AbortSignal;
}

/** Wires the real diagnosis engine, demos, queue and knowledge base into command handling. */
export function createCommandDeps(sources: CommandDepsSources): CommandDeps {
  const { settings, engine, logger } = sources;
  const context = defaultCheckContext(engine, settings, logger);
  return {
    runCheck: (reference, options) => check(reference, options, context),
    runDemo: (scenario, signal) =>
      runDemo(scenario, {
        engine,
        settings,
        now: Date.now,
        newCheckId: randomCheckId,
        signal,
        logger,
      }),
    queue: sources.queue,
    knowledge: sources.knowledge,
    rateLimiter: new UserRateLimiter(settings.userChecksPerMinute),
    reports: new ReportStore(),
    graceSeconds: settings.graceSeconds,
    userChecksPerMinute: settings.userChecksPerMinute,
    logger,
    now: Date.now,
    newRequestId: () => randomBytes(6).toString('hex'),
    shutdownSignal: sources.shutdownSignal,
    inFlight: new InFlightCommands(),
  };
}
