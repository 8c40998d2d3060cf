import type { CheckOptions, CheckStep } from '../../diagnosis/check-options.js';
import type { Report } from '../../diagnosis/report-schema.js';
import type { SharedChecks } from '../../diagnosis/shared-checks.js';
import type { DemoResult } from '../../demo/demo-result.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Logger } from '../../logging/logger.js';
import type { BotMetrics } from '../../metrics/bot-metrics.js';
import type { InFlightCommands } from './in-flight-commands.js';
import type { ReportStore } from './report-store.js';
import type { UserRateLimiter } from './user-rate-limiter.js';

/** The part of CheckQueue that command handling uses: run a task when a slot is free. */
export interface CheckScheduler {
  run<T>(
    task: (signal: AbortSignal) => Promise<T>,
    hooks?: { onQueued?: (position: number) => void; signal?: AbortSignal },
  ): Promise<T>;
}

/** Progress of a check run, sent to every command that shares the run. */
export type CheckProgress =
  { kind: 'queued'; position: number } | { kind: 'step'; step: CheckStep };

/** Dependencies of command handling, shared by every Slack surface and the console. */
export interface CommandDeps {
  runCheck: (reference: string, options: CheckOptions) => Promise<Report>;
  /** Runs a demo scenario by id; the signal cancels it. */
  runDemo: (scenario: string, signal: AbortSignal) => Promise<DemoResult>;
  queue: CheckScheduler;
  /** Identical checks in progress, so that overlapping requests for one check share its run. */
  sharedChecks: SharedChecks<Report, CheckProgress>;
  knowledge: KnowledgeBase;
  rateLimiter: UserRateLimiter;
  reports: ReportStore;
  /** The stop probe's default grace in seconds, for progress messages. */
  graceSeconds: number;
  userChecksPerMinute: number;
  logger: Logger;
  now: () => number;
  newRequestId: () => string;
  /** Aborted when the server shuts down, which cancels waiting and running checks. */
  shutdownSignal?: AbortSignal;
  /** Prometheus registry and check counters, served on `/metrics`. */
  metrics?: BotMetrics;
  /** Commands still in progress, for a shutdown that waits for their last replies. */
  inFlight?: InFlightCommands;
}

/** The text, sender and surface of one command. */
export interface CommandRequest {
  /** Text after `/pid1` or after the mention, normalised from Slack's markup. */
  text: string;
  userId: string;
  source: 'slash-command' | 'mention' | 'direct-message' | 'button' | 'console';
  /** True when only the user sees the replies, so a report gets a "Share in channel" button. */
  replyIsPrivate: boolean;
  /** Answers text that is not a sub-command as a question to `explain` instead of with the usage. */
  freeTextIsQuestion: boolean;
}
