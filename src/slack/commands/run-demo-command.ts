import { Pid1Error } from '../../errors.js';
import { checkErrorMessage } from '../blocks/check-error-message.js';
import { buildDemoMessage, demoQueuedMessage, demoRunningMessage } from '../blocks/demo-message.js';
import type { CommandDeps, CommandRequest } from './command-deps.js';
import type { Responder } from './responder.js';
import { withinRateLimit } from './within-rate-limit.js';

/**
 * Runs one demo scenario for a user. A demo starts containers like a check does, so it shares
 * the per-user rate limit and the queue of checks. Logs one line when the demo finishes.
 */
export async function runDemoCommand(
  scenario: string,
  request: CommandRequest,
  responder: Responder,
  deps: CommandDeps,
): Promise<void> {
  const requestId = deps.newRequestId();
  const log = deps.logger.child({
    requestId,
    userId: request.userId,
    source: request.source,
    command: 'demo',
    scenario,
  });

  if (!(await withinRateLimit('demo', request, responder, deps, log))) return;

  const startedAt = deps.now();
  responder.progress(demoRunningMessage(scenario));
  try {
    const result = await deps.queue.run((signal) => deps.runDemo(scenario, signal), {
      onQueued: (position) => responder.progress(demoQueuedMessage(scenario, position)),
      ...(deps.shutdownSignal === undefined ? {} : { signal: deps.shutdownSignal }),
    });
    log.info({ durationMs: deps.now() - startedAt }, 'demo finished');
    await responder.final(buildDemoMessage(result));
  } catch (error) {
    const durationMs = deps.now() - startedAt;
    if (error instanceof Pid1Error) {
      log.warn({ code: error.code, err: error.message, durationMs }, 'demo could not run');
    } else {
      log.error({ err: error, durationMs }, 'demo failed with an unexpected error');
    }
    await responder.final(checkErrorMessage(`demo ${scenario}`, error, requestId));
  }
}
