import type { Report } from '../../diagnosis/report-schema.js';

export interface StoredReport {
  report: Report;
  /** Command text after `/pid1` that produced the report. */
  commandText: string;
  storedAt: number;
}

/**
 * Keeps recent reports in memory by check id, so that a "Share in channel" click can post a
 * report that Slack no longer shows to the app: ephemeral messages do not come back in action
 * payloads. Entries expire after `maxAgeMs` and the oldest go first beyond `maxEntries`; all are
 * lost when the process restarts.
 */
export class ReportStore {
  private readonly entries = new Map<string, StoredReport>();

  constructor(
    readonly maxAgeMs = 60 * 60_000,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  put(report: Report, commandText: string): void {
    this.entries.delete(report.checkId);
    this.entries.set(report.checkId, { report, commandText, storedAt: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  get(checkId: string): StoredReport | undefined {
    const entry = this.entries.get(checkId);
    if (entry === undefined) return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(checkId);
      return undefined;
    }
    return entry;
  }
}
