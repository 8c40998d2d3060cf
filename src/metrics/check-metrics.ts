import { Counter, Histogram, type Registry } from 'prom-client';

/** Verdict label of `pid1_checks_total`: the report's verdict, or `error` when the check could not run. */
export type CheckOutcome = 'healthy' | 'problems' | 'error';

const outcomes: readonly CheckOutcome[] = ['healthy', 'problems', 'error'];

/**
 * Upper bounds in seconds of the duration buckets. A check of a local image takes 1 to 15 s, a
 * check that waits the whole grace about 10 s more, and the default time limit is 60 s.
 */
const durationBucketsSeconds = [0.5, 1, 2, 5, 10, 15, 30, 60, 120];

/** Metrics of finished checks: `pid1_checks_total` and `pid1_check_duration_seconds`. */
export class CheckMetrics {
  private readonly total: Counter<'verdict'>;
  private readonly duration: Histogram<'verdict'>;

  constructor(registry: Registry) {
    this.total = new Counter({
      name: 'pid1_checks_total',
      help: 'Checks that finished, by verdict. The verdict error means the check could not run.',
      labelNames: ['verdict'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'pid1_check_duration_seconds',
      help: 'Seconds a check ran, from leaving the queue to its report or error, pull included.',
      labelNames: ['verdict'],
      buckets: durationBucketsSeconds,
      registers: [registry],
    });
    // Every verdict appears from the first scrape, so rate() has a zero to start from.
    for (const verdict of outcomes) this.total.inc({ verdict }, 0);
  }

  /**
   * Runs one check and records it when it settles: its report's verdict, or `error` when it
   * threw (no engine, pull failed, time limit, cancelled). Checks that never left the queue are
   * not counted, because the check function is not called for them.
   */
  async measure<T extends { verdict: CheckOutcome }>(check: () => Promise<T>): Promise<T> {
    const endTimer = this.duration.startTimer();
    let verdict: CheckOutcome = 'error';
    try {
      const report = await check();
      verdict = report.verdict;
      return report;
    } finally {
      endTimer({ verdict });
      this.total.inc({ verdict });
    }
  }
}
