import { describe, expect, it } from 'vitest';
import { ReplayCache, signedRequestWindowMs } from '../../src/slack/http/replay-cache.js';

/** A clock the test moves by hand, starting at a whole second. */
function manualClock(startMs = 1_700_000_000_000): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let time = startMs;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

describe('ReplayCache', () => {
  it('second use of a signature is a replay', () => {
    const clock = manualClock();
    const cache = new ReplayCache(10, clock.now);
    const timestamp = clock.now() / 1000;
    expect(cache.record('v0=aaa', timestamp)).toBe('first');
    expect(cache.record('v0=aaa', timestamp)).toBe('replay');
    expect(cache.record('v0=bbb', timestamp)).toBe('first');
  });

  it('entry lasts as long as Bolt accepts the timestamp', () => {
    const clock = manualClock();
    const cache = new ReplayCache(10, clock.now);
    const timestamp = clock.now() / 1000;
    cache.record('v0=aaa', timestamp);
    clock.advance(signedRequestWindowMs - 1);
    expect(cache.record('v0=aaa', timestamp)).toBe('replay');
    clock.advance(1);
    expect(cache.record('v0=aaa', timestamp)).toBe('first');
  });

  it('window runs from the request timestamp', () => {
    const clock = manualClock();
    const cache = new ReplayCache(10, clock.now);
    // A request signed 4 minutes ago is stale 1 minute after it arrives.
    const timestamp = clock.now() / 1000 - 240;
    cache.record('v0=old', timestamp);
    clock.advance(signedRequestWindowMs - 240_000);
    expect(cache.record('v0=old', timestamp)).toBe('first');
  });

  it('expired entries are dropped', () => {
    const clock = manualClock();
    const cache = new ReplayCache(10, clock.now);
    cache.record('v0=aaa', clock.now() / 1000);
    cache.record('v0=bbb', clock.now() / 1000);
    clock.advance(signedRequestWindowMs);
    cache.record('v0=ccc', clock.now() / 1000);
    expect(cache.size).toBe(1);
    expect(cache.evictedUnexpired).toBe(0);
  });

  it('full cache drops the oldest and counts it', () => {
    const clock = manualClock();
    const cache = new ReplayCache(2, clock.now);
    const timestamp = clock.now() / 1000;
    cache.record('v0=aaa', timestamp);
    cache.record('v0=bbb', timestamp);
    cache.record('v0=ccc', timestamp);
    expect(cache.size).toBe(2);
    expect(cache.evictedUnexpired).toBe(1);
    expect(cache.record('v0=ccc', timestamp)).toBe('replay');
    expect(cache.record('v0=bbb', timestamp)).toBe('replay');
  });

  it('invalid size is rejected', () => {
    expect(() => new ReplayCache(0)).toThrow(
      new RangeError('maxEntries must be a positive integer, got 0'),
    );
  });
});
