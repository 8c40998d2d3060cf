import os from 'node:os';
import { z } from 'zod';
import { Pid1Error } from '../errors.js';

const positiveSeconds = (fallback: number, max: number) =>
  z.coerce
    .number({ error: 'give a number of seconds, such as 10' })
    .positive({ error: 'give a number of seconds above 0' })
    .max(max, { error: `give at most ${max} seconds` })
    .default(fallback);

const listSchema = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const settingsSchema = z.object({
  PID1_PROBE_IMAGE: z.string().min(1).default('busybox:1.37'),
  PID1_DEMO_IMAGE: z.string().min(1).default('ubuntu:24.04'),
  PID1_ALLOWED_IMAGES: z
    .string()
    .default('*')
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    ),
  PID1_ALLOWED_REGISTRIES: listSchema,
  PID1_PULL: z.enum(['missing', 'always', 'never']).default('missing'),
  PID1_PULL_TIMEOUT_SECONDS: positiveSeconds(120, 3600),
  PID1_GRACE_SECONDS: positiveSeconds(10, 3600),
  PID1_CHECK_TIMEOUT_SECONDS: positiveSeconds(60, 3600),
  PID1_MAX_CONCURRENT_CHECKS: z.coerce
    .number()
    .int()
    .positive()
    .max(256)
    .default(2 * Math.max(1, os.availableParallelism())),
  PID1_USER_CHECKS_PER_MINUTE: z.coerce.number().int().positive().max(10_000).default(6),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The pid1 settings read from the environment; see the README for each variable. */
export interface Settings {
  probeImage: string;
  demoImage: string;
  allowedImages: string[];
  allowedRegistries: string[];
  pull: 'missing' | 'always' | 'never';
  pullTimeoutMs: number;
  graceSeconds: number;
  checkTimeoutMs: number;
  maxConcurrentChecks: number;
  userChecksPerMinute: number;
  logLevel: string;
}

/**
 * Reads and validates the pid1 settings. Throws a Pid1Error naming the first bad variable, with
 * its value and what it accepts. An empty variable counts as unset.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const present: Record<string, string> = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') present[key] = value.trim();
  }
  const parsed = settingsSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'a setting');
    const value = present[name] ?? '';
    throw new Pid1Error(
      'invalid-setting',
      `Setting ${name}='${value.slice(0, 80)}' is invalid: ${issue?.message ?? 'bad value'}.`,
    );
  }
  const s = parsed.data;
  if (s.PID1_GRACE_SECONDS >= s.PID1_CHECK_TIMEOUT_SECONDS) {
    const graceSource = present['PID1_GRACE_SECONDS'] === undefined ? ' (the default)' : '';
    const timeoutSource =
      present['PID1_CHECK_TIMEOUT_SECONDS'] === undefined ? ' (the default)' : '';
    throw new Pid1Error(
      'invalid-setting',
      `Settings PID1_GRACE_SECONDS=${s.PID1_GRACE_SECONDS}${graceSource} and PID1_CHECK_TIMEOUT_SECONDS=${s.PID1_CHECK_TIMEOUT_SECONDS}${timeoutSource} are invalid together: the grace must be shorter than the check's time limit.`,
    );
  }
  return {
    probeImage: s.PID1_PROBE_IMAGE,
    demoImage: s.PID1_DEMO_IMAGE,
    allowedImages: s.PID1_ALLOWED_IMAGES,
    allowedRegistries: s.PID1_ALLOWED_REGISTRIES,
    pull: s.PID1_PULL,
    pullTimeoutMs: s.PID1_PULL_TIMEOUT_SECONDS * 1000,
    graceSeconds: s.PID1_GRACE_SECONDS,
    checkTimeoutMs: s.PID1_CHECK_TIMEOUT_SECONDS * 1000,
    maxConcurrentChecks: s.PID1_MAX_CONCURRENT_CHECKS,
    userChecksPerMinute: s.PID1_USER_CHECKS_PER_MINUTE,
    logLevel: s.LOG_LEVEL,
  };
}
