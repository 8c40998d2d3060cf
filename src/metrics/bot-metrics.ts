import { collectDefaultMetrics, Registry } from 'prom-client';
import { CheckMetrics } from './check-metrics.js';
import { registerQueueMetrics, type QueueCounts } from './queue-metrics.js';

/** The bot's Prometheus registry and the counters that command handling updates. */
export interface BotMetrics {
  registry: Registry;
  checks: CheckMetrics;
}

/**
 * Creates a registry with prom-client's default process metrics (CPU, memory, event loop lag,
 * file descriptors), the check counters and the queue gauges. Each call makes its own registry,
 * so several servers in one process (as in tests) do not share counts.
 */
export function createBotMetrics(queue: QueueCounts): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerQueueMetrics(registry, queue);
  return { registry, checks: new CheckMetrics(registry) };
}
