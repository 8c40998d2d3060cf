import type { Logger } from '../../logging/logger.js';
import { rateLimitMessage } from '../blocks/rate-limit-message.js';
import type { CommandDeps, CommandRequest } from './command-deps.js';
import type { Responder } from './responder.js';

/**
 * Applies the per-user rate limit to a command that starts containers. Returns false after
 * replying with when to try again; console commands are never limited. `what` names the command
 * in the log line.
 */
export async function withinRateLimit(
  what: 'check' | 'demo',
  request: CommandRequest,
  responder: Responder,
  deps: CommandDeps,
  log: Logger,
): Promise<boolean> {
  if (request.source === 'console') return true;
  const decision = deps.rateLimiter.tryAcquire(request.userId);
  if (decision.allowed) return true;
  log.info({ retryAfterMs: decision.retryAfterMs }, `${what} rejected by the per-user rate limit`);
  await responder.final(
    rateLimitMessage(deps.userChecksPerMinute, Math.ceil(decision.retryAfterMs / 1000)),
  );
  return false;
}
