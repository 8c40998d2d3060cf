import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Settings } from '../../config/settings.js';
import { check } from '../../diagnosis/check.js';
import { defaultCheckContext, randomCheckId } from '../../diagnosis/check-context.js';
import type { CheckQueue } from '../../diagnosis/check-queue.js';
import { SharedChecks } from '../../diagnosis/shared-checks.js';
import type { Engine } from '../../docker/engine.js';
import { runDemo } from '../../demo/run-demo.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Logger } from '../../logging/logger.js';
import { createBotMetrics } from '../../metrics/bot-metrics.js';
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
  const metrics = createBotMetrics(sources.queue);
  // Each waiting or running check adds an abort listener to the shutdown signal, so more than
  // Node's default of 10 listeners is expected under load and is no leak.
  setMaxListeners(0, sources.shutdownSignal);
  return {
    runCheck: (reference, options) =>
      metrics.checks.measure(() => check(reference, options, context)),
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
    sharedChecks: new SharedChecks(),
    knowledge: sources.knowledge,
    rateLimiter: new UserRateLimiter(settings.userChecksPerMinute),
    reports: new ReportStore(),
    graceSeconds: settings.graceSeconds,
    userChecksPerMinute: settings.userChecksPerMinute,
    logger,
    now: Date.now,
    newRequestId: () => randomBytes(6).toString('hex'),
    shutdownSignal: sources.shutdownSignal,
    metrics,
    inFlight: new InFlightCommands(),
  };
}
