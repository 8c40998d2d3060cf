import type { StopResult } from './report-schema.js';

/** Explains a stop result in one sentence: why the wait ended and what it means for children. */
export function stopDetail(
  stop: Omit<StopResult, 'detail'>,
  earlyReason: string | null,
  liveChildren: number,
): string {
  if (stop.reason === 'stopped-waiting-early') {
    return `${earlyReason ?? 'PID 1 dropped the signal'}, and it was still running ${stop.seconds.toFixed(1)} s after ${stop.signal}`;
  }
  if (stop.reason === 'killed-after-grace') {
    return `PID 1 was still running when the ${stop.graceSeconds} s grace ran out; SIGKILL ended it with exit code ${stop.exitCode ?? 'unknown'}`;
  }
  const children =
    liveChildren > 0
      ? `; ${liveChildren} other process(es) ran at the last look, and the kernel killed any still running with SIGKILL when PID 1 exited`
      : '';
  return `PID 1 exited ${stop.seconds.toFixed(2)} s after ${stop.signal} with exit code ${stop.exitCode ?? 'unknown'}${children}`;
}
