import type { AnyMiddlewareArgs, HTTPReceiverOptions, Middleware } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';
import { ReplayCache } from '../http/replay-cache.js';

/** Context property that marks a replayed request, a name that Bolt's built-in keys do not use. */
const replayedProperty = 'pid1ReplayedRequest';

/** Replays logged one by one per minute. Beyond that, the next line gives the number left out. */
const maxReplayLogsPerMinute = 10;

type PropertiesExtractor = NonNullable<HTTPReceiverOptions['customPropertiesExtractor']>;

export interface ReplayGuard {
  /**
   * HTTPReceiver's `customPropertiesExtractor`. Bolt 5.1 calls it once per request, after the
   * signature and timestamp were verified and before any listener runs. So only requests that
   * Slack signed reach the cache, and of two copies sent at once the first to arrive is accepted.
   */
  extractProperties: PropertiesExtractor;
  /** Global middleware: acknowledges a replayed request with an empty 200 and stops it there. */
  middleware: Middleware<AnyMiddlewareArgs>;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Returns the user id of a command, interaction or event body, for the log. */
function userIdOf(body: Record<string, unknown>): string | undefined {
  if (typeof body['user_id'] === 'string') return body['user_id'];
  const user = body['user'] as { id?: unknown } | undefined;
  if (typeof user?.id === 'string') return user.id;
  const event = body['event'] as { user?: unknown } | undefined;
  return typeof event?.user === 'string' ? event.user : undefined;
}

/**
 * Builds the guard that lets a signed Slack request through once: a request with the signature and
 * timestamp of one already accepted gets HTTP 200 with an empty body, so Slack does not retry
 * it, and reaches no listener. Bolt checks the signature and the 5-minute timestamp window but
 * keeps no record of accepted requests, so without the guard a captured request could be sent
 * again within 5 minutes and start a second check. Each replay is logged without the signature.
 */
export function createReplayGuard(
  logger: Logger,
  cache: ReplayCache = new ReplayCache(),
  now: () => number = Date.now,
): ReplayGuard {
  let windowStartedAt = Number.NEGATIVE_INFINITY;
  let loggedInWindow = 0;
  let notLogged = 0;
  let evictionsLogged = 0;

  const extractProperties: PropertiesExtractor = (request) => {
    const signature = headerValue(request.headers['x-slack-signature']);
    const timestamp = Number(headerValue(request.headers['x-slack-request-timestamp']));
    if (signature === undefined || !Number.isFinite(timestamp)) return {};
    const decision = cache.record(signature, timestamp);
    if (cache.evictedUnexpired > evictionsLogged) {
      evictionsLogged = cache.evictedUnexpired;
      logger.warn(
        { evictedUnexpired: evictionsLogged, size: cache.size },
        'the replay cache is full: dropped signatures that have not expired, so those requests would be accepted again',
      );
    }
    return decision === 'replay'
      ? { [replayedProperty]: true, pid1RequestTimestamp: timestamp }
      : {};
  };

  const logReplay = (fields: Record<string, unknown>): void => {
    const time = now();
    if (time - windowStartedAt >= 60_000) {
      windowStartedAt = time;
      loggedInWindow = 0;
    }
    if (loggedInWindow >= maxReplayLogsPerMinute) {
      notLogged += 1;
      return;
    }
    loggedInWindow += 1;
    logger.warn(
      { ...fields, ...(notLogged > 0 ? { replaysNotLogged: notLogged } : {}) },
      'ignored a replayed Slack request: its signature and timestamp match a request already accepted',
    );
    notLogged = 0;
  };

  const middleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    if (args.context[replayedProperty] !== true) {
      await args.next();
      return;
    }
    // Bolt acknowledges Events API requests before any middleware runs, and passes `ack` for the rest.
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
    const body = args.body as unknown as Record<string, unknown>;
    logReplay({
      requestTimestamp: args.context['pid1RequestTimestamp'],
      userId: userIdOf(body),
      type: typeof body['command'] === 'string' ? body['command'] : body['type'],
    });
  };

  return { extractProperties, middleware };
}
