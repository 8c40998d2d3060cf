import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Creates the JSON logger, writing to stderr so that stdout stays free for reports. Fields that
 * could carry a credential are redacted wherever they appear.
 */
export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { service: 'pid1' },
      redact: {
        paths: [
          'token',
          'botToken',
          'appToken',
          'signingSecret',
          '*.token',
          '*.botToken',
          '*.appToken',
          '*.signingSecret',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
