import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';

/** Slack tokens (bot, user, app-level, configuration) as they could appear in a logged text. */
const tokenPattern = /\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]+/g;

function partText(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === 'string') return part;
  return JSON.stringify(part);
}

function toText(parts: unknown[]): { text: string; error: Error | undefined } {
  const error = parts.find((part): part is Error => part instanceof Error);
  const text = parts.map(partText).join(' ').replace(tokenPattern, '[redacted]');
  return { text, error };
}

const pinoLevels: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/**
 * Adapts the pino logger to the Logger interface of Bolt and the Slack SDK, so that their
 * messages share pid1's JSON log. Anything shaped like a Slack token is replaced before it is
 * written, because SDK debug messages include request details.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-sdk' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]): void => {
    const { text, error } = toText(parts);
    const errorText = error?.stack?.replace(tokenPattern, '[redacted]');
    if (errorText === undefined) child[level](text);
    else
      child[level](
        { err: { message: error?.message.replace(tokenPattern, '[redacted]'), stack: errorText } },
        text,
      );
  };
  return {
    debug: (...parts: unknown[]) => write('debug', parts),
    info: (...parts: unknown[]) => write('info', parts),
    warn: (...parts: unknown[]) => write('warn', parts),
    error: (...parts: unknown[]) => write('error', parts),
    setLevel: (level: LogLevel) => {
      child.level = pinoLevels[level];
    },
    getLevel: () => {
      const level = Object.entries(pinoLevels).find(([, name]) => name === child.level)?.[0];
      return (level as LogLevel | undefined) ?? LogLevel.INFO;
    },
    setName: () => undefined,
  };
}
