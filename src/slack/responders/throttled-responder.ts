import type { SlackMessage } from '../blocks/slack-message.js';
import type { DeliveryKind, Responder } from '../commands/responder.js';

/** Delivers messages to one surface. Implementations log their own failures and never reject. */
export interface MessageSink {
  send(message: SlackMessage, kind: DeliveryKind): Promise<void>;
}

export interface ThrottleOptions {
  /** Minimum milliseconds between two progress messages; faster updates are merged. */
  minIntervalMs: number;
  /** Maximum progress messages for one command. */
  maxProgress: number;
}

/**
 * Sends one command's messages to a sink in order. Progress that arrives faster than
 * `minIntervalMs` is merged so that only the latest status goes out, progress beyond
 * `maxProgress` is dropped, and the final message always goes out last.
 */
export class ThrottledResponder implements Responder {
  private chain: Promise<void> = Promise.resolve();
  private pending: SlackMessage | null = null;
  private timer: NodeJS.Timeout | undefined;
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private progressSent = 0;
  private finished = false;

  constructor(
    private readonly sink: MessageSink,
    private readonly options: ThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  progress(message: SlackMessage): void {
    if (this.finished || this.progressSent >= this.options.maxProgress) return;
    this.pending = message;
    if (this.timer !== undefined) return;
    const waitMs = Math.max(0, this.lastProgressAt + this.options.minIntervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sendPending();
    }, waitMs);
  }

  async final(message: SlackMessage): Promise<void> {
    this.finished = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
    await this.enqueue(message, 'final');
  }

  private sendPending(): void {
    const message = this.pending;
    this.pending = null;
    if (message === null || this.finished) return;
    this.progressSent += 1;
    this.lastProgressAt = this.now();
    void this.enqueue(message, 'progress');
  }

  private enqueue(message: SlackMessage, kind: DeliveryKind): Promise<void> {
    this.chain = this.chain.then(() => this.sink.send(message, kind));
    return this.chain;
  }
}
