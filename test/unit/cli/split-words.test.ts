import { describe, expect, test } from 'vitest';
import { splitWords } from '../../../src/cli/split-words.js';
import { Pid1Error } from '../../../src/errors.js';

function splitError(text: string): Pid1Error {
  try {
    splitWords(text, '--cmd');
  } catch (error) {
    if (error instanceof Pid1Error) return error;
    throw error;
  }
  throw new Error(`splitWords accepted ${JSON.stringify(text)}`);
}

const operatorMessage = (text: string, operator: string): string =>
  `--cmd '${text}' is invalid: it contains the shell operator '${operator}', and pid1 never runs a shell; to use one, write it out: --cmd "sh -c '…'".`;

describe('splitWords', () => {
  test.each([
    ['python3 app.py', ['python3', 'app.py']],
    ['  python3   app.py  ', ['python3', 'app.py']],
    ['"a b" c', ['a b', 'c']],
    ["'x y' z", ['x y', 'z']],
    ['a\\ b', ['a b']],
    ['nginx -g "daemon off;"', ['nginx', '-g', 'daemon off;']],
    ["sh -c 'x | y && z'", ['sh', '-c', 'x | y && z']],
    ['a*', ['a*']],
    ['a\nb', ['a', 'b']],
    ['', []],
    ['   ', []],
  ])('%j splits to %j', (text, words) => {
    expect(splitWords(text, '--cmd')).toEqual(words);
  });

  test.each([
    ['echo $HOME', ['echo', '$HOME']],
    ['echo "$HOME"', ['echo', '$HOME']],
    ['echo ${HOME}', ['echo', '$HOME']],
    ['echo `id`', ['echo', '`id`']],
  ])('%j stays literal', (text, words) => {
    expect(splitWords(text, '--cmd')).toEqual(words);
  });

  test.each([
    ['a | b', '|'],
    ['a; b', ';'],
    ['a && b', '&&'],
    ['a || b', '||'],
    ['a & b', '&'],
    ['a > f', '>'],
    ['a >> f', '>>'],
    ['a < f', '<'],
    ['$(id)', '('],
    ['a # comment', '#'],
  ])('%j rejected', (text, operator) => {
    const error = splitError(text);
    expect(error.code).toBe('invalid-option');
    expect(error.message).toBe(operatorMessage(text, operator));
  });

  test('message names the option', () => {
    expect(() => splitWords('a | b', '--entrypoint')).toThrow(
      `--entrypoint 'a | b' is invalid: it contains the shell operator '|', and pid1 never runs a shell; to use one, write it out: --entrypoint "sh -c '…'".`,
    );
  });

  test('message stays one line', () => {
    const error = splitError('a\n| b');
    expect(error.message).not.toContain('\n');
    expect(error.message).toBe(operatorMessage('a\\n| b', '|'));
  });
});
