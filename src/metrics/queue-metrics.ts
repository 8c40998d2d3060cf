import { Gauge, type Registry } from 'prom-client';

/** The part of the check queue the gauges read. */
export interface QueueCounts {
  readonly waiting: number;
  readonly running: number;
}

/** Registers `pid1_queue_depth` and `pid1_checks_running`, read from the queue at each scrape. */
export function registerQueueMetrics(registry: Registry, queue: QueueCounts): void {
  new Gauge({
    name: 'pid1_queue_depth',
    help: 'Checks and demos waiting for a free slot.',
    registers: [registry],
    collect() {
      this.set(queue.waiting);
    },
  });
  new Gauge({
    name: 'pid1_checks_running',
    help: 'Checks and demos running now.',
    registers: [registry],
    collect() {
      this.set(queue.running);
    },
  });
}
