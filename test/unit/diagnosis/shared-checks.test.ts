import { describe, expect, test } from 'vitest';
import type { CheckOptions } from '../../../src/diagnosis/check-options.js';
import { CheckQueue } from '../../../src/diagnosis/check-queue.js';
import { SharedChecks, sharedCheckKey } from '../../../src/diagnosis/shared-checks.js';
import { Pid1Error } from '../../../src/errors.js';

/** A fake check that the test finishes by hand; `starts` counts how often it was started. */
interface FakeCheck {
  starts: number;
  notify: (event: string) => void;
  finish: (report: string) => void;
  fail: (error: unknown) => void;
  task: (notify: (event: string) => void) => Promise<string>;
}

function fakeCheck(): FakeCheck {
  const fake: FakeCheck = {
    starts: 0,
    notify: () => undefined,
    finish: () => undefined,
    fail: () => undefined,
    task: (notify) => {
      fake.starts += 1;
      fake.notify = notify;
      return new Promise<string>((resolve, reject) => {
        fake.finish = resolve;
        fake.fail = reject;
      });
    },
  };
  return fake;
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await Promise.resolve();
}

describe('sharedCheckKey', () => {
  test('equivalent references give one key', () => {
    expect(sharedCheckKey('nginx', {})).toBe(sharedCheckKey('docker.io/library/nginx:latest', {}));
  });

  test('signal and onProgress are ignored', () => {
    const options: CheckOptions = { cmd: ['sleep', '5'], graceSeconds: 2 };
    const withExtras: CheckOptions = {
      ...options,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    };
    expect(sharedCheckKey('nginx', withExtras)).toBe(sharedCheckKey('nginx', options));
  });

  test('empty cmd, env and false fullGrace equal unset', () => {
    expect(sharedCheckKey('nginx', { cmd: [], env: [], fullGrace: false })).toBe(
      sharedCheckKey('nginx', {}),
    );
  });

  test('key is stable across option order', () => {
    const first: CheckOptions = { tty: true, env: ['A=1'], graceSeconds: 3 };
    const second: CheckOptions = { graceSeconds: 3, env: ['A=1'], tty: true };
    expect(sharedCheckKey('nginx', first)).toBe(sharedCheckKey('nginx', second));
  });

  test.each<[string, CheckOptions]>([
    ['cmd', { cmd: ['sleep', '1'] }],
    ['entrypoint', { entrypoint: [] }],
    ['env', { env: ['A=1'] }],
    ['tty', { tty: false }],
    ['grace', { graceSeconds: 1 }],
    ['fullGrace', { fullGrace: true }],
  ])('%s changes the key', (_name, options) => {
    expect(sharedCheckKey('nginx', options)).not.toBe(sharedCheckKey('nginx', {}));
  });

  test('other tag changes the key', () => {
    expect(sharedCheckKey('nginx:1.27', {})).not.toBe(sharedCheckKey('nginx:1.26', {}));
  });

  test('invalid reference throws', () => {
    expect(() => sharedCheckKey('Ubuntu:22.04', {})).toThrow(Pid1Error);
  });
});

describe('SharedChecks', () => {
  test('concurrent identical checks run once', async () => {
    const shared = new SharedChecks<string, string>();
    const fake = fakeCheck();
    const first = shared.run('nginx', { graceSeconds: 2 }, fake.task);
    const second = shared.run('docker.io/library/nginx', { graceSeconds: 2 }, fake.task);
    expect(first.joined).toBe(false);
    expect(second.joined).toBe(true);
    expect(shared.callersOf('nginx', { graceSeconds: 2 })).toBe(2);

    fake.finish('report-1');
    expect(await first.result).toBe('report-1');
    expect(await second.result).toBe('report-1');
    expect(fake.starts).toBe(1);
  });

  test('different options run separately', async () => {
    const shared = new SharedChecks<string, string>();
    const plain = fakeCheck();
    const withGrace = fakeCheck();
    const first = shared.run('nginx', {}, plain.task);
    const second = shared.run('nginx', { graceSeconds: 1 }, withGrace.task);
    expect(second.joined).toBe(false);
    expect(shared.size).toBe(2);

    plain.finish('plain');
    withGrace.finish('grace');
    expect(await first.result).toBe('plain');
    expect(await second.result).toBe('grace');
    expect(plain.starts).toBe(1);
    expect(withGrace.starts).toBe(1);
  });

  test('check after settling runs again', async () => {
    const shared = new SharedChecks<string, string>();
    const fake = fakeCheck();
    const first = shared.run('nginx', {}, fake.task);
    fake.finish('first');
    await first.result;
    await settle();
    expect(shared.size).toBe(0);
    expect(shared.callersOf('nginx', {})).toBe(0);

    const second = shared.run('nginx', {}, fake.task);
    expect(second.joined).toBe(false);
    fake.finish('second');
    expect(await second.result).toBe('second');
    expect(fake.starts).toBe(2);
  });

  test('failure reaches every caller', async () => {
    const shared = new SharedChecks<string, string>();
    const fake = fakeCheck();
    const first = shared.run('nginx', {}, fake.task);
    const second = shared.run('nginx', {}, fake.task);
    const error = new Pid1Error('check-timed-out', 'The check timed out.');
    fake.fail(error);
    await expect(first.result).rejects.toBe(error);
    await expect(second.result).rejects.toBe(error);
    await settle();
    expect(shared.size).toBe(0);
  });

  test('progress goes to every caller', async () => {
    const shared = new SharedChecks<string, string>();
    const fake = fakeCheck();
    const firstEvents: string[] = [];
    const secondEvents: string[] = [];
    const first = shared.run('nginx', {}, fake.task, (event) => firstEvents.push(event));
    fake.notify('starting');
    const second = shared.run('nginx', {}, fake.task, (event) => secondEvents.push(event));
    fake.notify('probing');
    fake.finish('report');
    await Promise.all([first.result, second.result]);

    expect(firstEvents).toEqual(['starting', 'probing']);
    // The later caller first gets the step in progress when it joined.
    expect(secondEvents).toEqual(['starting', 'probing']);
  });

  test('throwing task leaves no run behind', () => {
    const shared = new SharedChecks<string, string>();
    expect(() =>
      shared.run('nginx', {}, () => {
        throw new Error('task could not start');
      }),
    ).toThrow('task could not start');
    expect(shared.size).toBe(0);
  });

  test('joined caller waits in no queue', async () => {
    const queue = new CheckQueue(1);
    const shared = new SharedChecks<string, string>();
    const fake = fakeCheck();
    const queued = (notify: (event: string) => void): Promise<string> =>
      queue.run(() => fake.task(notify));
    const first = shared.run('nginx', {}, queued);
    const second = shared.run('nginx', {}, queued);
    await settle();
    expect(queue.running).toBe(1);
    expect(queue.waiting).toBe(0);

    fake.finish('report');
    expect(await second.result).toBe('report');
    expect(await first.result).toBe('report');
    expect(fake.starts).toBe(1);
  });
});
