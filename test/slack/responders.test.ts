import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { SlackMessage } from '../../src/slack/blocks/slack-message.js';
import type { DeliveryKind } from '../../src/slack/commands/responder.js';
import { ResponseUrlBudget } from '../../src/slack/responders/response-url-budget.js';
import { ResponseUrlSink } from '../../src/slack/responders/response-url-sink.js';
import {
  ThrottledResponder,
  type MessageSink,
} from '../../src/slack/responders/throttled-responder.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';

const silent = pino({ level: 'silent' });

class RecordingSink implements MessageSink {
  readonly sent: { text: string; kind: DeliveryKind }[] = [];

  send(message: SlackMessage, kind: DeliveryKind): Promise<void> {
    this.sent.push({ text: message.text, kind });
    return new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('ThrottledResponder', () => {
  it('merges fast progress and sends the final last', async () => {
    const sink = new RecordingSink();
    const responder = new ThrottledResponder(sink, { minIntervalMs: 100, maxProgress: 10 });
    responder.progress({ text: 'one' });
    await pause(20);
    responder.progress({ text: 'two' });
    responder.progress({ text: 'three' });
    await pause(150);
    responder.progress({ text: 'four' });
    await responder.final({ text: 'done' });
    responder.progress({ text: 'late' });
    await pause(150);
    expect(sink.sent).toEqual([
      { text: 'one', kind: 'progress' },
      { text: 'three', kind: 'progress' },
      { text: 'done', kind: 'final' },
    ]);
  });

  it('drops progress beyond the maximum', async () => {
    const sink = new RecordingSink();
    const responder = new ThrottledResponder(sink, { minIntervalMs: 0, maxProgress: 2 });
    for (const text of ['a', 'b', 'c', 'd']) {
      responder.progress({ text });
      await pause(15);
    }
    await responder.final({ text: 'done' });
    expect(sink.sent.map((entry) => entry.text)).toEqual(['a', 'b', 'done']);
  });
});

describe('ResponseUrlBudget', () => {
  it('keeps the fifth post for the final message', () => {
    const budget = new ResponseUrlBudget(0, () => 0);
    expect([1, 2, 3, 4, 5].map(() => budget.tryTake('progress'))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(budget.tryTake('final')).toBe(true);
    expect(budget.tryTake('final')).toBe(false);
  });

  it('takes nothing after 29 minutes', () => {
    let now = 0;
    const budget = new ResponseUrlBudget(0, () => now);
    now = 29 * 60_000 + 1;
    expect(budget.tryTake('final')).toBe(false);
  });
});

describe('ResponseUrlSink', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });

  it('acknowledges first, then posts at most five times', async () => {
    const acknowledged: (SlackMessage | undefined)[] = [];
    const fallback: SlackMessage[] = [];
    const sink = new ResponseUrlSink({
      responseUrl: standIn.responseUrl('budget'),
      ack: (message) => {
        acknowledged.push(message);
        return Promise.resolve();
      },
      hasOriginal: false,
      fallback: (message) => {
        fallback.push(message);
        return Promise.resolve();
      },
      logger: silent,
      now: Date.now,
    });
    await sink.send({ text: 'ack' }, 'progress');
    for (let i = 1; i <= 6; i += 1) await sink.send({ text: `progress ${i}` }, 'progress');
    await sink.send({ text: 'final' }, 'final');
    await sink.send({ text: 'second final' }, 'final');
    await sink.acknowledgeEmpty();

    expect(acknowledged).toEqual([{ text: 'ack' }]);
    const posts = standIn.calls.filter((call) => call.path === '/response/budget');
    expect(posts.map((post) => post.body['text'])).toEqual([
      'progress 1',
      'progress 2',
      'progress 3',
      'progress 4',
      'final',
    ]);
    expect(
      posts.every(
        (post) =>
          post.body['replace_original'] === true && post.body['response_type'] === 'ephemeral',
      ),
    ).toBe(true);
    expect(fallback).toEqual([{ text: 'second final' }]);
  });

  it('posts a new message when the acknowledgement was empty', async () => {
    const sink = new ResponseUrlSink({
      responseUrl: standIn.responseUrl('empty-ack'),
      ack: () => Promise.resolve(),
      hasOriginal: false,
      logger: silent,
      now: Date.now,
    });
    await sink.acknowledgeEmpty();
    await sink.send({ text: 'report' }, 'final');
    const posts = standIn.calls.filter((call) => call.path === '/response/empty-ack');
    expect(posts.map((post) => post.body['replace_original'])).toEqual([false]);
  });
});
