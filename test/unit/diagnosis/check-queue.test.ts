import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { CheckQueue } from '../../../src/diagnosis/check-queue.js';
import { Pid1Error } from '../../../src/errors.js';

/** A task the test finishes by hand, recording the signal it was given. */
interface ManualTask {
  started: boolean;
  signal: AbortSignal | null;
  finish: (value: string) => void;
  fail: (error: unknown) => void;
  run: (signal: AbortSignal) => Promise<string>;
}

function manualTask(): ManualTask {
  const task: ManualTask = {
    started: false,
    signal: null,
    finish: () => undefined,
    fail: () => undefined,
    run: (signal) => {
      task.started = true;
      task.signal = signal;
      return new Promise<string>((resolve, reject) => {
        task.finish = resolve;
        task.fail = reject;
      });
    },
  };
  return task;
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await Promise.resolve();
}

async function rejection(promise: Promise<unknown>): Promise<Pid1Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Pid1Error) return error;
    throw error;
  }
  throw new Error('the promise resolved');
}

describe('CheckQueue limits', () => {
  test('invalid limit rejected', () => {
    expect(() => new CheckQueue(0)).toThrow(
      new RangeError('maxConcurrent must be a positive integer, got 0'),
    );
    expect(() => new CheckQueue(1.5)).toThrow(
      new RangeError('maxConcurrent must be a positive integer, got 1.5'),
    );
  });

  test('never more than the limit run', async () => {
    const queue = new CheckQueue(2);
    const tasks = Array.from({ length: 5 }, () => manualTask());
    let running = 0;
    let maxRunning = 0;
    const results = tasks.map((task, index) =>
      queue
        .run(async (signal) => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          try {
            return await task.run(signal);
          } finally {
            running -= 1;
          }
        })
        .then((value) => `${index}:${value}`),
    );
    await settle();
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(3);
    expect(tasks.map((task) => task.started)).toEqual([true, true, false, false, false]);

    for (const [index, task] of tasks.entries()) {
      task.finish('ok');
      await settle();
      expect(queue.running).toBe(Math.min(2, tasks.length - index - 1));
    }
    await expect(Promise.all(results)).resolves.toEqual(['0:ok', '1:ok', '2:ok', '3:ok', '4:ok']);
    expect(maxRunning).toBe(2);
    expect(queue.running).toBe(0);
    expect(queue.waiting).toBe(0);
  });

  test('waiting tasks start in arrival order', async () => {
    const queue = new CheckQueue(1);
    const first = manualTask();
    const second = manualTask();
    const third = manualTask();
    const order: string[] = [];
    void queue.run((signal) => first.run(signal));
    const secondDone = queue.run(async (signal) => {
      order.push('second');
      return second.run(signal);
    });
    const thirdDone = queue.run(async (signal) => {
      order.push('third');
      return third.run(signal);
    });
    await settle();
    first.finish('1');
    await settle();
    expect(order).toEqual(['second']);
    second.finish('2');
    await secondDone;
    await settle();
    expect(order).toEqual(['second', 'third']);
    third.finish('3');
    await expect(thirdDone).resolves.toBe('3');
  });

  test('failed task frees its slot', async () => {
    const queue = new CheckQueue(1);
    const first = manualTask();
    const second = manualTask();
    const firstDone = queue.run((signal) => first.run(signal));
    const secondDone = queue.run((signal) => second.run(signal));
    await settle();
    first.fail(new Error('engine failed'));
    await expect(firstDone).rejects.toThrow('engine failed');
    await settle();
    expect(second.started).toBe(true);
    second.finish('ok');
    await expect(secondDone).resolves.toBe('ok');
  });
});

describe('CheckQueue positions', () => {
  test('queue positions reported', async () => {
    const queue = new CheckQueue(1);
    const positions: number[] = [];
    const running = manualTask();
    let immediateQueued = false;
    void queue.run((signal) => running.run(signal), {
      onQueued: () => {
        immediateQueued = true;
      },
    });
    void queue.run(() => new Promise<void>(() => undefined), {
      onQueued: (position) => positions.push(position),
    });
    void queue.run(() => new Promise<void>(() => undefined), {
      onQueued: (position) => positions.push(position),
    });
    expect(immediateQueued).toBe(false);
    expect(positions).toEqual([1, 2]);
  });
});

describe('CheckQueue cancellation', () => {
  test('waiting task cancelled', async () => {
    const queue = new CheckQueue(1);
    const running = manualTask();
    const cancelled = manualTask();
    const controller = new AbortController();
    void queue.run((signal) => running.run(signal));
    const result = queue.run((signal) => cancelled.run(signal), { signal: controller.signal });
    expect(queue.waiting).toBe(1);
    controller.abort();
    const error = await rejection(result);
    expect(error.code).toBe('check-cancelled');
    expect(error.message).toBe('The check was cancelled while it waited in the queue.');
    expect(queue.waiting).toBe(0);
    running.finish('done');
    await settle();
    expect(cancelled.started).toBe(false);
  });

  test('cancelled task leaves others queued', async () => {
    const queue = new CheckQueue(1);
    const running = manualTask();
    const remaining = manualTask();
    const controller = new AbortController();
    void queue.run((signal) => running.run(signal));
    const cancelledDone = queue.run(() => Promise.resolve('never'), { signal: controller.signal });
    const remainingDone = queue.run((signal) => remaining.run(signal));
    controller.abort();
    await rejection(cancelledDone);
    expect(queue.waiting).toBe(1);
    running.finish('done');
    await settle();
    expect(remaining.started).toBe(true);
    remaining.finish('remaining');
    await expect(remainingDone).resolves.toBe('remaining');
  });

  test('running task signal follows caller', async () => {
    const queue = new CheckQueue(1);
    const task = manualTask();
    const controller = new AbortController();
    void queue.run((signal) => task.run(signal), { signal: controller.signal });
    await settle();
    expect(task.signal?.aborted).toBe(false);
    controller.abort(new Error('user cancelled'));
    expect(task.signal?.aborted).toBe(true);
    expect((task.signal?.reason as Error).message).toBe('user cancelled');
  });

  test('aborted signal rejected at once', async () => {
    const queue = new CheckQueue(1);
    const task = manualTask();
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      queue.run((signal) => task.run(signal), { signal: controller.signal }),
    );
    expect(error.code).toBe('check-cancelled');
    expect(error.message).toBe('The check was cancelled before it started.');
    expect(task.started).toBe(false);
    expect(queue.running).toBe(0);
  });
});

describe('CheckQueue signal listeners', () => {
  test('finished tasks leave no abort listener', async () => {
    const queue = new CheckQueue(1);
    const shutdown = new AbortController();
    const first = manualTask();
    const second = manualTask();
    const firstDone = queue.run((signal) => first.run(signal), { signal: shutdown.signal });
    const secondDone = queue.run((signal) => second.run(signal), { signal: shutdown.signal });
    await settle();
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(2);

    first.finish('one');
    await firstDone;
    await settle();
    second.finish('two');
    await secondDone;
    await settle();
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
  });
});

describe('CheckQueue close', () => {
  test('close rejects waiting and aborts running', async () => {
    const queue = new CheckQueue(1);
    const running = manualTask();
    const runningDone = queue.run((signal) => running.run(signal));
    const waitingDone = queue.run(() => Promise.resolve('never'));
    await settle();
    running.signal?.addEventListener('abort', () => running.fail(running.signal?.reason));

    const closed = queue.close();
    const waitingError = await rejection(waitingDone);
    expect(waitingError.code).toBe('check-cancelled');
    expect(waitingError.message).toBe(
      'pid1 is shutting down; the check was cancelled before it started.',
    );
    expect(running.signal?.aborted).toBe(true);
    expect((running.signal?.reason as Error).message).toBe('shutting down');
    await expect(runningDone).rejects.toThrow('shutting down');
    await expect(closed).resolves.toBeUndefined();
    expect(queue.running).toBe(0);
    expect(queue.waiting).toBe(0);
  });

  test('close waits for running tasks', async () => {
    const queue = new CheckQueue(1);
    const running = manualTask();
    void queue.run((signal) => running.run(signal));
    await settle();
    let closedYet = false;
    const closed = queue.close().then(() => {
      closedYet = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedYet).toBe(false);
    running.finish('late');
    await closed;
    expect(closedYet).toBe(true);
  });

  test('closed queue takes no new task', async () => {
    const queue = new CheckQueue(1);
    await queue.close();
    const task = manualTask();
    const error = await rejection(queue.run((signal) => task.run(signal)));
    expect(error.code).toBe('check-cancelled');
    expect(error.message).toBe('pid1 is shutting down and takes no new checks.');
    expect(task.started).toBe(false);
  });
});
