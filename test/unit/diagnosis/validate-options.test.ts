import { describe, expect, test } from 'vitest';
import type { CheckOptions } from '../../../src/diagnosis/check-options.js';
import { validateCheckOptions } from '../../../src/diagnosis/validate-options.js';
import { Pid1Error } from '../../../src/errors.js';

const checkTimeoutMs = 60_000;

/** Returns the Pid1Error that validating `options` throws, or fails the test when it throws none. */
function validationError(options: CheckOptions): Pid1Error {
  try {
    validateCheckOptions(options, checkTimeoutMs);
  } catch (error) {
    if (error instanceof Pid1Error) return error;
    throw error;
  }
  throw new Error(`validateCheckOptions accepted ${JSON.stringify(options).slice(0, 80)}`);
}

const envMessage = (quoted: string): string =>
  `--env ${quoted} is invalid: write KEY=VALUE with a non-empty KEY and no spaces in it (the host's own environment is never passed on).`;

describe('validateCheckOptions accepted', () => {
  test('empty options', () => {
    expect(() => validateCheckOptions({}, checkTimeoutMs)).not.toThrow();
  });

  test('env with empty value', () => {
    expect(() => validateCheckOptions({ env: ['A=1', 'B='] }, checkTimeoutMs)).not.toThrow();
  });

  test('env value with spaces and equals', () => {
    expect(() => validateCheckOptions({ env: ['A=x y=z'] }, checkTimeoutMs)).not.toThrow();
  });

  test('grace at the headroom edge', () => {
    expect(() => validateCheckOptions({ graceSeconds: 55 }, checkTimeoutMs)).not.toThrow();
  });

  test('grace just past the headroom', () => {
    expect(() => validateCheckOptions({ graceSeconds: 55.1 }, checkTimeoutMs)).toThrow(
      'so use at most 55.',
    );
  });

  test('100 env entries', () => {
    const env = Array.from({ length: 100 }, (_, index) => `K${index}=v`);
    expect(() => validateCheckOptions({ env }, checkTimeoutMs)).not.toThrow();
  });
});

describe('validateCheckOptions rejected', () => {
  test('env without equals', () => {
    const error = validationError({ env: ['FOO'] });
    expect(error.code).toBe('invalid-option');
    expect(error.message).toBe(envMessage("'FOO'"));
  });

  test('env with empty key', () => {
    expect(validationError({ env: ['=x'] }).message).toBe(envMessage("'=x'"));
  });

  test('env key with space', () => {
    expect(validationError({ env: ['A B=1'] }).message).toBe(envMessage("'A B=1'"));
  });

  test('env key with newline', () => {
    const error = validationError({ env: ['A\nB=1'] });
    expect(error.message).toBe(envMessage("'A\\nB=1'"));
    expect(error.message).not.toContain('\n');
  });

  test('env value with NUL', () => {
    const error = validationError({ env: ['A=x\0y'] });
    expect(error.message).toBe("--env 'A=x\\u0000y' is invalid: it contains a NUL byte.");
  });

  test('env key with NUL', () => {
    expect(validationError({ env: ['A\0=1'] }).message).toBe(envMessage("'A\\u0000=1'"));
  });

  test('too many env entries', () => {
    const env = Array.from({ length: 101 }, (_, index) => `K${index}=v`);
    expect(validationError({ env }).message).toBe(
      'Too many --env values (101): at most 100 are allowed.',
    );
  });

  test('env over 32 KiB', () => {
    const error = validationError({ env: [`A=${'x'.repeat(33_000)}`] });
    expect(error.message).toBe(
      'The --env values add up to 33002 bytes, over the maximum of 32768.',
    );
  });

  test('cmd with NUL', () => {
    expect(validationError({ cmd: ['python3', 'a\0b'] }).message).toBe(
      '--cmd is invalid: it contains a NUL byte.',
    );
  });

  test('entrypoint with NUL', () => {
    expect(validationError({ entrypoint: ['\0'] }).message).toBe(
      '--entrypoint is invalid: it contains a NUL byte.',
    );
  });

  test('grace equal to timeout', () => {
    expect(validationError({ graceSeconds: 60 }).message).toBe(
      "--grace 60 is invalid: the check's time limit is 60 s (PID1_CHECK_TIMEOUT_SECONDS) and the grace must leave 5 s of it for starting, probing and clean-up, so use at most 55.",
    );
  });

  test('grace over timeout', () => {
    expect(validationError({ graceSeconds: 90 }).message).toBe(
      "--grace 90 is invalid: the check's time limit is 60 s (PID1_CHECK_TIMEOUT_SECONDS) and the grace must leave 5 s of it for starting, probing and clean-up, so use at most 55.",
    );
  });

  test.each([
    [0, '--grace 0 is invalid: give a number of seconds above 0, such as 10.'],
    [-1, '--grace -1 is invalid: give a number of seconds above 0, such as 10.'],
    [Number.NaN, '--grace NaN is invalid: give a number of seconds above 0, such as 10.'],
    [
      Number.POSITIVE_INFINITY,
      '--grace Infinity is invalid: give a number of seconds above 0, such as 10.',
    ],
  ])('grace %s rejected', (graceSeconds, message) => {
    expect(validationError({ graceSeconds }).message).toBe(message);
  });
});
