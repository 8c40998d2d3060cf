import type { AuthorizeResult, webApi } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';
import { isRejectedToken } from './slack-auth-errors.js';
import type { SlackConnectionState } from './slack-connection-state.js';

/** Milliseconds between two auth.test attempts while Slack fails them. */
const retryAfterFailureMs = 10_000;

/**
 * Milliseconds an event waits for auth.test. Bolt authorizes before the listener can
 * acknowledge, so a slow auth.test must not eat Slack's 3-second acknowledgement window.
 */
const maxAuthorizeWaitMs = 1000;

export interface CachedAuthorize {
  /** Bolt's authorize function: the bot token, with the bot's ids once auth.test has returned them. */
  authorize: () => Promise<AuthorizeResult>;
  /** Calls auth.test unless its result is cached; resolves to whether Slack accepted the token. */
  refresh: () => Promise<boolean>;
}

/**
 * Builds an authorize function for one workspace that calls auth.test once and caches the bot's
 * ids. Bolt's built-in single-workspace authorize caches a failed auth.test for good, so an app
 * started while Slack was unreachable would drop every event. This one retries at most every
 * 10 s and waits at most 1 s for an attempt. Until one succeeds it returns the token alone, so
 * commands still get replies, and the listeners skip bot messages by their `bot_id`.
 */
export function createCachedAuthorize(
  client: webApi.WebClient,
  botToken: string,
  state: SlackConnectionState,
  logger: Logger,
  now: () => number = Date.now,
): CachedAuthorize {
  let identity: { botId?: string; botUserId?: string; teamId?: string } | undefined;
  let inFlight: Promise<boolean> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;

  const callAuthTest = async (): Promise<boolean> => {
    try {
      const result = await client.auth.test({ token: botToken });
      identity = {
        ...(result.bot_id === undefined ? {} : { botId: result.bot_id }),
        ...(result.user_id === undefined ? {} : { botUserId: result.user_id }),
        ...(result.team_id === undefined ? {} : { teamId: result.team_id }),
      };
      state.set('ok');
      logger.info(
        { botUserId: result.user_id, teamId: result.team_id },
        'Slack accepted the bot token',
      );
      return true;
    } catch (error) {
      failedAt = now();
      state.set(isRejectedToken(error) ? 'unauthorized' : 'unreachable');
      logger.warn(
        { err: error, slack: state.current },
        'auth.test failed; retrying on the next request after 10 s',
      );
      return false;
    }
  };

  const refresh = (): Promise<boolean> => {
    if (identity !== undefined) return Promise.resolve(true);
    if (inFlight !== undefined) return inFlight;
    if (now() - failedAt < retryAfterFailureMs) return Promise.resolve(false);
    inFlight = callAuthTest().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  const authorize = async (): Promise<AuthorizeResult> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxAuthorizeWaitMs);
    });
    await Promise.race([refresh(), timeout]);
    clearTimeout(timer);
    return { botToken, ...identity };
  };
  return { authorize, refresh };
}
