import type { DeliveryKind } from '../commands/responder.js';

/**
 * Slack accepts at most five posts to one response URL, within 30 minutes of the request that
 * carried it. One post is kept for the final message, so progress takes at most four.
 */
export class ResponseUrlBudget {
  static readonly maxPosts = 5;
  /** 30 minutes, less a minute for clock skew and the time the request took to arrive. */
  static readonly lifetimeMs = 29 * 60_000;

  private posts = 0;

  constructor(
    private readonly receivedAt: number,
    private readonly now: () => number,
  ) {}

  /** Records a post of `kind` and returns true, or returns false when the URL cannot take it. */
  tryTake(kind: DeliveryKind): boolean {
    if (this.now() - this.receivedAt > ResponseUrlBudget.lifetimeMs) return false;
    const limit = kind === 'final' ? ResponseUrlBudget.maxPosts : ResponseUrlBudget.maxPosts - 1;
    if (this.posts >= limit) return false;
    this.posts += 1;
    return true;
  }

  get used(): number {
    return this.posts;
  }
}
