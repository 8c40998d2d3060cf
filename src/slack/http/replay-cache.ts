/**
 * Milliseconds after its `x-slack-request-timestamp` during which Bolt 5.1 still accepts a signed
 * request (`verifySlackRequest` rejects timestamps more than 5 minutes old). The extra second
 * covers Bolt's comparison in whole seconds.
 */
export const signedRequestWindowMs = 5 * 60_000 + 1000;

/**
 * Default number of signatures kept. Slack rate-limits the Events API at 30,000 events per hour
 * and workspace, about 2,500 per 5-minute window, so 10,000 leaves room for commands and clicks.
 */
const defaultMaxEntries = 10_000;

export type ReplayDecision = 'first' | 'replay';

/**
 * Signatures of the signed Slack requests accepted in the last 5 minutes, to detect a request
 * sent again with the same signature and timestamp. A signature is the HMAC of the timestamp and
 * the body, so the same signature means the same request. An entry expires once Bolt would reject
 * its timestamp as stale. Beyond `maxEntries`, the oldest entry is dropped even if it has not
 * expired, which would let that one request through a second time. `evictedUnexpired` counts
 * those drops.
 */
export class ReplayCache {
  /** Expiry in epoch milliseconds by signature, in insertion order. */
  private readonly expiries = new Map<string, number>();
  private evicted = 0;

  constructor(
    private readonly maxEntries = defaultMaxEntries,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.expiries.size;
  }

  /** Number of entries dropped for room before they expired. */
  get evictedUnexpired(): number {
    return this.evicted;
  }

  /**
   * Records the signature of a verified request. Returns `replay` when the same signature was
   * recorded before and has not expired, and `first` otherwise.
   */
  record(signature: string, timestampSeconds: number): ReplayDecision {
    const now = this.now();
    const expiresAt = this.expiries.get(signature);
    if (expiresAt !== undefined && expiresAt > now) return 'replay';

    this.expiries.delete(signature);
    this.dropExpired(now);
    this.expiries.set(signature, timestampSeconds * 1000 + signedRequestWindowMs);
    while (this.expiries.size > this.maxEntries) {
      const oldest = this.expiries.entries().next();
      if (oldest.done === true) break;
      this.expiries.delete(oldest.value[0]);
      if (oldest.value[1] > now) this.evicted += 1;
    }
    return 'first';
  }

  /**
   * Drops expired entries from the oldest on. Requests arrive roughly in timestamp order, so the
   * scan stops at the first entry still valid. A later entry that expired stays until it is
   * looked up or pushed out.
   */
  private dropExpired(now: number): void {
    for (const [signature, expiresAt] of this.expiries) {
      if (expiresAt > now) return;
      this.expiries.delete(signature);
    }
  }
}
