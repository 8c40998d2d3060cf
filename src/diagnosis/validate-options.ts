import { Pid1Error, quoteForMessage } from '../errors.js';
import type { CheckOptions } from './check-options.js';

const envKey = /^[^=\s\0]+$/;
const maxEnvEntries = 100;
const maxEnvBytes = 32 * 1024;
/**
 * Time a check needs besides the grace: a probe that settles at once takes about 0.6 s and
 * clean-up a fraction of a second on an idle engine, so 5 s leaves room for a loaded one.
 */
const graceHeadroomMs = 5_000;

/** Rejects options a check cannot run with; each message names the value and the fix. */
export function validateCheckOptions(options: CheckOptions, checkTimeoutMs: number): void {
  const env = options.env ?? [];
  if (env.length > maxEnvEntries) {
    throw new Pid1Error(
      'invalid-option',
      `Too many --env values (${env.length}): at most ${maxEnvEntries} are allowed.`,
    );
  }
  let bytes = 0;
  for (const entry of env) {
    bytes += Buffer.byteLength(entry);
    const equals = entry.indexOf('=');
    if (equals <= 0 || !envKey.test(entry.slice(0, equals))) {
      throw new Pid1Error(
        'invalid-option',
        `--env ${quoteForMessage(entry)} is invalid: write KEY=VALUE with a non-empty KEY and no spaces in it (the host's own environment is never passed on).`,
      );
    }
    if (entry.includes('\0'))
      throw new Pid1Error(
        'invalid-option',
        `--env ${quoteForMessage(entry)} is invalid: it contains a NUL byte.`,
      );
  }
  if (bytes > maxEnvBytes) {
    throw new Pid1Error(
      'invalid-option',
      `The --env values add up to ${bytes} bytes, over the maximum of ${maxEnvBytes}.`,
    );
  }
  for (const [flag, argv] of [
    ['--cmd', options.cmd],
    ['--entrypoint', options.entrypoint],
  ] as const) {
    if (argv?.some((word) => word.includes('\0')) === true) {
      throw new Pid1Error('invalid-option', `${flag} is invalid: it contains a NUL byte.`);
    }
  }
  if (options.cmd !== undefined && options.cmd.length === 0) {
    throw new Pid1Error(
      'invalid-option',
      '--cmd is empty: give the command to run, such as --cmd "sleep 300", or leave it out to run the image\'s CMD.',
    );
  }
  const grace = options.graceSeconds;
  if (grace !== undefined) {
    if (!Number.isFinite(grace) || grace <= 0) {
      throw new Pid1Error(
        'invalid-option',
        `--grace ${grace} is invalid: give a number of seconds above 0, such as 10.`,
      );
    }
    if (grace * 1000 > checkTimeoutMs - graceHeadroomMs) {
      const limitSeconds = checkTimeoutMs / 1000;
      const maxGrace = Math.max(0, (checkTimeoutMs - graceHeadroomMs) / 1000);
      throw new Pid1Error(
        'invalid-option',
        `--grace ${grace} is invalid: the check's time limit is ${limitSeconds} s (PID1_CHECK_TIMEOUT_SECONDS) and the grace must leave ${graceHeadroomMs / 1000} s of it for starting, probing and clean-up, so use at most ${maxGrace}.`,
      );
    }
  }
}
