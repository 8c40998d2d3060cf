import { describe, expect, test } from 'vitest';
import { checkUsage, parseCheckArguments } from '../../../src/cli/check-arguments.js';
import { Pid1Error } from '../../../src/errors.js';

function parseError(words: string[]): Pid1Error {
  try {
    parseCheckArguments(words);
  } catch (error) {
    if (error instanceof Pid1Error) return error;
    throw error;
  }
  throw new Error(`parseCheckArguments accepted ${JSON.stringify(words).slice(0, 80)}`);
}

describe('parseCheckArguments accepted', () => {
  test('image only uses defaults', () => {
    expect(parseCheckArguments(['nginx'])).toEqual({
      image: 'nginx',
      options: { env: [] },
      format: 'text',
      failOn: 'warning',
    });
  });

  test('every option', () => {
    const parsed = parseCheckArguments([
      'nginx:1.27',
      '--cmd',
      'python3 "my app.py"',
      '--entrypoint',
      'tini --',
      '--env',
      'A=1',
      '--tty',
      '--grace',
      '5',
      '--full-grace',
      '--format',
      'sarif',
      '--fail-on',
      'error',
    ]);
    expect(parsed).toEqual({
      image: 'nginx:1.27',
      options: {
        env: ['A=1'],
        cmd: ['python3', 'my app.py'],
        entrypoint: ['tini', '--'],
        tty: true,
        graceSeconds: 5,
        fullGrace: true,
      },
      format: 'sarif',
      failOn: 'error',
    });
  });

  test('--json sets json format', () => {
    expect(parseCheckArguments(['nginx', '--json']).format).toBe('json');
  });

  test('--json wins over --format', () => {
    expect(parseCheckArguments(['nginx', '--json', '--format', 'text']).format).toBe('json');
  });

  test('--no-tty sets tty false', () => {
    expect(parseCheckArguments(['nginx', '--no-tty']).options.tty).toBe(false);
  });

  test('no tty option leaves tty unset', () => {
    expect(parseCheckArguments(['nginx']).options.tty).toBeUndefined();
  });

  test('last tty option wins', () => {
    expect(parseCheckArguments(['nginx', '--tty', '--no-tty']).options.tty).toBe(false);
  });

  test('repeated --env collected', () => {
    const parsed = parseCheckArguments(['nginx', '--env', 'A=1', '--env', 'B=2']);
    expect(parsed.options.env).toEqual(['A=1', 'B=2']);
  });

  test('empty --entrypoint clears it', () => {
    expect(parseCheckArguments(['nginx', '--entrypoint', '']).options.entrypoint).toEqual([]);
  });

  test('--grace with equals and fraction', () => {
    expect(parseCheckArguments(['nginx', '--grace=2.5']).options.graceSeconds).toBe(2.5);
  });

  test('image after -- may start with dash', () => {
    expect(parseCheckArguments(['--', '-x']).image).toBe('-x');
  });
});

describe('parseCheckArguments rejected', () => {
  test('unknown option', () => {
    const error = parseError(['nginx', '--bogus']);
    expect(error.code).toBe('invalid-option');
    expect(error.message).toBe(`Unknown option '--bogus'. Usage: ${checkUsage}`);
  });

  test('value given to --json', () => {
    expect(parseError(['nginx', '--json=yes']).message).toBe(
      `Unknown option '--json=yes'. Usage: ${checkUsage}`,
    );
  });

  test('missing image', () => {
    const error = parseError([]);
    expect(error.code).toBe('invalid-option');
    expect(error.message).toBe(`Missing required argument 'image'. Usage: ${checkUsage}`);
  });

  test('too many arguments', () => {
    expect(parseError(['nginx', 'extra']).message).toBe(
      `Too many arguments. Expected 1 argument but got 2. Usage: ${checkUsage}`,
    );
  });

  test('--grace abc', () => {
    const error = parseError(['nginx', '--grace', 'abc']);
    expect(error.code).toBe('invalid-option');
    expect(error.message).toBe(
      "--grace 'abc' is invalid: give a number of seconds above 0, such as 10.",
    );
  });

  test.each(['0', '-1', '1e3', '', ' 5'])('--grace %j rejected', (value) => {
    expect(parseError(['nginx', `--grace=${value}`]).message).toMatch(
      /^--grace '.*' is invalid: give a number of seconds above 0, such as 10\.$/,
    );
  });

  test('--format xml', () => {
    expect(parseError(['nginx', '--format', 'xml']).message).toBe(
      `Option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif. Usage: ${checkUsage}`,
    );
  });

  test('--fail-on info', () => {
    expect(parseError(['nginx', '--fail-on', 'info']).message).toBe(
      `Option '--fail-on <severity>' argument 'info' is invalid. Allowed choices are error, warning. Usage: ${checkUsage}`,
    );
  });

  test('--cmd without value', () => {
    expect(parseError(['nginx', '--cmd']).message).toBe(
      `Option '--cmd <args>' argument missing. Usage: ${checkUsage}`,
    );
  });

  test('--cmd with shell operator', () => {
    expect(parseError(['nginx', '--cmd', 'a | b']).message).toBe(
      `--cmd 'a | b' is invalid: it contains the shell operator '|', and pid1 never runs a shell; to use one, write it out: --cmd "sh -c '…'".`,
    );
  });

  test('--help is not accepted here', () => {
    expect(parseError(['nginx', '--help']).message).toBe(
      `Unknown option '--help'. Usage: ${checkUsage}`,
    );
  });

  test('more than 200 words', () => {
    const error = parseError(Array.from({ length: 201 }, () => 'x'));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe('Too many words (201): a check takes at most 200.');
  });

  test('control characters escaped', () => {
    const error = parseError(['nginx', '--bo\ngus']);
    expect(error.message).not.toContain('\n');
    expect(error.message).toBe(`Unknown option '--bo\\ngus'. Usage: ${checkUsage}`);
  });
});
