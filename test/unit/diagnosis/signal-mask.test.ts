import { describe, expect, test } from 'vitest';
import { decodeSignalMask, normalizeSignal } from '../../../src/diagnosis/signal-mask.js';

describe('decodeSignalMask', () => {
  test('bit 14 is SIGTERM', () => {
    expect(decodeSignalMask('0000000000004000')).toEqual(['SIGTERM']);
  });

  test('mixed mask with signals 32 and 33', () => {
    // glibc reserves 32 and 33 for its threads, so they have no SIGRTMIN name.
    expect(decodeSignalMask('0000000180004002')).toEqual(['SIGINT', 'SIGTERM', 'SIG32', 'SIG33']);
  });

  test('bit 33 is SIGRTMIN', () => {
    expect(decodeSignalMask('0000000200000000')).toEqual(['SIGRTMIN']);
  });

  test('top bit is SIGRTMIN+30', () => {
    expect(decodeSignalMask('8000000000000000')).toEqual(['SIGRTMIN+30']);
  });

  test('every bit set gives 64 names', () => {
    const names = decodeSignalMask('ffffffffffffffff');
    expect(names).toHaveLength(64);
    expect(names?.[0]).toBe('SIGHUP');
    expect(names?.[8]).toBe('SIGKILL');
    expect(names?.[16]).toBe('SIGCHLD');
    expect(names?.[33]).toBe('SIGRTMIN');
    expect(new Set(names).size).toBe(64);
  });

  test('aliases decode to one name', () => {
    expect(decodeSignalMask('0000000000000020')).toEqual(['SIGABRT']);
    expect(decodeSignalMask('0000000010000000')).toEqual(['SIGIO']);
  });

  test('empty mask gives no names', () => {
    expect(decodeSignalMask('0000000000000000')).toEqual([]);
  });

  test('surrounding whitespace ignored', () => {
    expect(decodeSignalMask(' 4000\n')).toEqual(['SIGTERM']);
  });

  test('uppercase hex accepted', () => {
    expect(decodeSignalMask('000000000000400A')).toEqual(['SIGINT', 'SIGILL', 'SIGTERM']);
  });

  test.each(['', 'xyz', '0x4000', '00000000000040001', '40 00', '-4000'])(
    'invalid text %j gives null',
    (text) => {
      expect(decodeSignalMask(text)).toBeNull();
    },
  );
});

describe('normalizeSignal', () => {
  test.each([
    ['SIGQUIT', 'SIGQUIT'],
    ['quit', 'SIGQUIT'],
    ['3', 'SIGQUIT'],
    [' sigterm ', 'SIGTERM'],
    ['15', 'SIGTERM'],
    ['SIGRTMIN', 'SIGRTMIN'],
    ['SIGRTMIN+3', 'SIGRTMIN+3'],
    ['rtmin+30', 'SIGRTMIN+30'],
    ['SIGRTMIN+03', 'SIGRTMIN+3'],
    ['SIGRTMIN+0', 'SIGRTMIN'],
    ['SIGRTMAX', 'SIGRTMIN+30'],
    ['RTMAX-1', 'SIGRTMIN+29'],
    ['34', 'SIGRTMIN'],
    ['64', 'SIGRTMIN+30'],
    ['SIGIOT', 'SIGABRT'],
    ['POLL', 'SIGIO'],
    ['CLD', 'SIGCHLD'],
    ['SIGSTKFLT', 'SIGSTKFLT'],
  ])('%j becomes %s', (signal, name) => {
    expect(normalizeSignal(signal)).toBe(name);
  });

  test.each(['99', '0', '65', 'FOO', 'SIGRTMIN+31', 'SIGRTMAX-31', 'SIGINFO', 'toString', ''])(
    '%j gives null',
    (signal) => {
      expect(normalizeSignal(signal)).toBeNull();
    },
  );

  test('names match decoded masks', () => {
    for (let bit = 0; bit < 64; bit += 1) {
      const mask = (1n << BigInt(bit)).toString(16);
      const [decoded] = decodeSignalMask(mask) ?? [];
      expect(normalizeSignal(String(bit + 1))).toBe(decoded);
    }
  });
});
