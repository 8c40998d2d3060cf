import { z } from 'zod';
import { Pid1Error } from '../errors.js';

/** Connection settings for Slack, read once from the environment at start-up. */
export type SlackConfig =
  | { mode: 'http'; signingSecret: string; botToken: string; port: number; apiUrl: string }
  | { mode: 'socket'; appToken: string; botToken: string; port: number; apiUrl: string };

export const defaultSlackApiUrl = 'https://slack.com/api/';

/** The variables that carry Slack credentials; with none of them set, `pid1 serve` has no Slack. */
export const slackCredentialVariables = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
] as const;

const noSpaces = /^\S+$/;

// Messages name the variable and what it needs, but never repeat a credential's value.
const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({
      error:
        'is missing: set it to the Bot User OAuth Token (xoxb-…) from the app\'s "OAuth & Permissions" page',
    })
    .regex(/^xoxb-\S+$/, 'is invalid: it must be a bot token, which starts with xoxb-'),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(noSpaces, 'is invalid: it must not contain spaces')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-\S+$/, 'is invalid: it must be an app-level token, which starts with xapp-')
    .optional(),
  PORT: z.coerce
    .number({ error: 'is invalid: it must be a port number from 0 to 65535' })
    .int('is invalid: it must be a whole port number from 0 to 65535')
    .min(0, 'is invalid: it must be a port number from 0 to 65535')
    .max(65_535, 'is invalid: it must be a port number from 0 to 65535')
    .default(3000),
  SLACK_API_URL: z
    .url({
      protocol: /^https?$/,
      error: 'is invalid: it must be an http or https URL, such as https://slack.com/api/',
    })
    .default(defaultSlackApiUrl),
});

/** Returns true when at least one Slack credential variable is set. */
export function hasSlackCredentials(env: NodeJS.ProcessEnv): boolean {
  return slackCredentialVariables.some((name) => (env[name] ?? '').trim() !== '');
}

/**
 * Reads and validates the Slack settings: Socket Mode when SLACK_APP_TOKEN is set, HTTP mode
 * otherwise. Throws a Pid1Error with a one-line message naming the first missing or invalid
 * variable. Empty variables count as unset.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig {
  const present: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key]?.trim();
    if (value !== undefined && value !== '') present[key] = value;
  }
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'A Slack variable');
    throw new Pid1Error('invalid-setting', `${name} ${issue?.message ?? 'is invalid'}.`);
  }

  const values = parsed.data;
  const apiUrl = values.SLACK_API_URL.endsWith('/')
    ? values.SLACK_API_URL
    : `${values.SLACK_API_URL}/`;
  const common = { botToken: values.SLACK_BOT_TOKEN, port: values.PORT, apiUrl };
  if (values.SLACK_APP_TOKEN !== undefined)
    return { mode: 'socket', appToken: values.SLACK_APP_TOKEN, ...common };
  if (values.SLACK_SIGNING_SECRET === undefined) {
    throw new Pid1Error(
      'invalid-setting',
      'SLACK_SIGNING_SECRET is missing: set it to the Signing Secret from the app\'s "Basic Information" page, or set SLACK_APP_TOKEN to use Socket Mode.',
    );
  }
  return { mode: 'http', signingSecret: values.SLACK_SIGNING_SECRET, ...common };
}
