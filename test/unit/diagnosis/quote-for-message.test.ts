import { describe, expect, test } from 'vitest';
import { quoteForMessage } from '../../../src/errors.js';

describe('quoteForMessage', () => {
  test('plain text quoted', () => {
    expect(quoteForMessage('nginx:1.27')).toBe("'nginx:1.27'");
  });

  test('single quote escaped', () => {
    expect(quoteForMessage("it's")).toBe("'it\\'s'");
  });

  test('double quote escaped', () => {
    expect(quoteForMessage('"q"')).toBe('\'\\"q\\"\'');
  });

  test.each([
    ['newline', 'a\nb', "'a\\nb'"],
    ['carriage return', 'a\rb', "'a\\rb'"],
    ['tab', 'a\tb', "'a\\tb'"],
    ['NUL', 'a\u0000b', "'a\\u0000b'"],
    ['escape', '\u001b[31m', "'\\u001b[31m'"],
    ['DEL', 'a\u007fb', "'a\\u007fb'"],
    ['next line', 'a\u0085b', "'a\\u0085b'"],
    ['C1 CSI', 'a\u009b2J', "'a\\u009b2J'"],
    ['line separator', 'a\u2028b', "'a\\u2028b'"],
    ['paragraph separator', 'a\u2029b', "'a\\u2029b'"],
  ])('%s escaped', (_label, value, quoted) => {
    expect(quoteForMessage(value)).toBe(quoted);
  });

  test('non-ASCII letters kept', () => {
    expect(quoteForMessage('héllo')).toBe("'héllo'");
  });

  test('default cut at 80 characters', () => {
    expect(quoteForMessage('x'.repeat(81))).toBe(`'${'x'.repeat(80)}…'`);
  });

  test('exactly 80 characters not cut', () => {
    expect(quoteForMessage('x'.repeat(80))).toBe(`'${'x'.repeat(80)}'`);
  });

  test('custom cut length', () => {
    expect(quoteForMessage('abcdefgh', 3)).toBe("'abc…'");
  });

  test('cut counts escaped length', () => {
    expect(quoteForMessage('\n\n\n', 4)).toBe("'\\n\\n…'");
  });
});
