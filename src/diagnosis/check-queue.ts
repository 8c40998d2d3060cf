import { Pid1Error } from '../errors.js';

interface QueuedTask {
  start: () => void;
  reject: (error: unknown) => void;
}

/**
 * Runs at most `maxConcurrent` checks at once; the rest wait in arrival order. A waiting task can
 * be cancelled through its signal, and `close` rejects all waiting tasks and cancels running ones.
 */
export class CheckQueue {
  private readonly waitingTasks: QueuedTask[] = [];
  private readonly runningControllers = new Set<AbortController>();
  private closed = false;

  constructor(private readonly maxConcurrent: number) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new RangeError(`maxConcurrent must be a positive integer, got ${maxConcurrent}`);
    }
  }

  get waiting(): number {
    return this.waitingTasks.length;
  }

  get running(): number {
    return this.runningControllers.size;
  }

  /**
   * Runs `task` when a slot is free. `onQueued` receives the 1-based queue position when the task
   * has to wait. The task's signal aborts when the caller's signal does or the queue closes.
   */
  run<T>(
    task: (signal: AbortSignal) => Promise<T>,
    hooks: { onQueued?: (position: number) => void; signal?: AbortSignal } = {},
  ): Promise<T> {
    if (this.closed)
      return Promise.reject(
        new Pid1Error('check-cancelled', 'pid1 is shutting down and takes no new checks.'),
      );
    // An abort event fires only once, so a signal aborted before this call never reaches the task.
    if (hooks.signal?.aborted === true) {
      return Promise.reject(
        new Pid1Error('check-cancelled', 'The check was cancelled before it started.'),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        const controller = new AbortController();
        const onAbort = (): void => controller.abort(hooks.signal?.reason);
        hooks.signal?.addEventListener('abort', onAbort, { once: true });
        this.runningControllers.add(controller);
        task(controller.signal)
          .then(resolve, reject)
          .finally(() => {
            hooks.signal?.removeEventListener('abort', onAbort);
            this.runningControllers.delete(controller);
            this.startNext();
          });
      };
      if (this.runningControllers.size < this.maxConcurrent) {
        start();
        return;
      }
      const cancelWhileWaiting = (): void => {
        const index = this.waitingTasks.indexOf(entry);
        if (index >= 0) {
          this.waitingTasks.splice(index, 1);
          reject(
            new Pid1Error(
              'check-cancelled',
              'The check was cancelled while it waited in the queue.',
            ),
          );
        }
      };
      // The listener goes once the task starts, so a long-lived signal (the server's shutdown
      // signal) does not collect one listener per check that ever waited.
      const entry: QueuedTask = {
        start: () => {
          hooks.signal?.removeEventListener('abort', cancelWhileWaiting);
          start();
        },
        reject,
      };
      this.waitingTasks.push(entry);
      hooks.signal?.addEventListener('abort', cancelWhileWaiting, { once: true });
      hooks.onQueued?.(this.waitingTasks.length);
    });
  }

  private startNext(): void {
    while (this.runningControllers.size < this.maxConcurrent && this.waitingTasks.length > 0) {
      this.waitingTasks.shift()?.start();
    }
  }

  /** Rejects waiting tasks, cancels running ones and resolves when all running tasks have ended. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.waitingTasks.splice(0)) {
      entry.reject(
        new Pid1Error(
          'check-cancelled',
          'pid1 is shutting down; the check was cancelled before it started.',
        ),
      );
    }
    for (const controller of this.runningControllers) controller.abort(new Error('shutting down'));
    while (this.runningControllers.size > 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
