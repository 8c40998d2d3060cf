export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Counts checks per user over a sliding minute and rejects those over the limit. */
export class UserRateLimiter {
  private readonly startsByUser = new Map<string, number[]>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
  ) {}

  /** Records a check for `userId` when it is within the limit; otherwise says when to retry. */
  tryAcquire(userId: string): RateDecision {
    const now = this.now();
    const recent = (this.startsByUser.get(userId) ?? []).filter(
      (time) => now - time < this.windowMs,
    );
    if (recent.length >= this.limitPerMinute) {
      this.startsByUser.set(userId, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(0, oldest + this.windowMs - now) };
    }
    recent.push(now);
    this.startsByUser.set(userId, recent);
    if (this.startsByUser.size > 10_000) this.forgetIdleUsers(now);
    return { allowed: true };
  }

  /** Drops users with no check in the window, so the map stays bounded by recent users. */
  private forgetIdleUsers(now: number): void {
    for (const [userId, starts] of this.startsByUser) {
      if (starts.every((time) => now - time >= this.windowMs)) this.startsByUser.delete(userId);
    }
  }
}
