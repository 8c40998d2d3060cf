import { describe, expect, it } from 'vitest';
import { normalizeSlackText } from '../../src/slack/commands/normalize-slack-text.js';
import { parsePid1Command } from '../../src/slack/commands/parse-command.js';
import { splitCommandWords } from '../../src/slack/commands/split-command-words.js';
import { stripBotMention } from '../../src/slack/listeners/events/strip-bot-mention.js';

describe('splitCommandWords', () => {
  it('groups quoted words', () => {
    expect(splitCommandWords(`nginx --cmd "sleep 10" --env 'A=1 2'`)).toEqual([
      'nginx',
      '--cmd',
      'sleep 10',
      '--env',
      'A=1 2',
    ]);
  });

  it('keeps $NAME and globs literal', () => {
    expect(splitCommandWords('img --env A=$HOME --cmd "ls *"')).toEqual([
      'img',
      '--env',
      'A=$HOME',
      '--cmd',
      'ls *',
    ]);
    expect(splitCommandWords('img *')).toEqual(['img', '*']);
  });

  it.each([
    [
      'img | cat',
      "Shell operator '|' is not allowed: pid1 runs no shell, so quote it if it is part of an argument.",
    ],
    [
      'img && rm',
      "Shell operator '&&' is not allowed: pid1 runs no shell, so quote it if it is part of an argument.",
    ],
    [
      'img > out',
      "Shell operator '>' is not allowed: pid1 runs no shell, so quote it if it is part of an argument.",
    ],
    [
      'img $(id)',
      "Shell operator '(' is not allowed: pid1 runs no shell, so quote it if it is part of an argument.",
    ],
    ['img #tag', 'A word starting with # is read as a comment: quote it, as in "#tag".'],
    [
      'img --cmd "sleep 1',
      'The command has an unclosed " quote: close it, or escape it with a backslash.',
    ],
    [
      "img --cmd 'sleep",
      "The command has an unclosed ' quote: close it, or escape it with a backslash.",
    ],
  ])('rejects %s', (text, message) => {
    expect(() => splitCommandWords(text)).toThrow(message);
  });

  it('accepts escaped quotes', () => {
    expect(splitCommandWords(`img --cmd "echo \\"hi\\""`)).toEqual(['img', '--cmd', 'echo "hi"']);
  });
});

describe('normalizeSlackText', () => {
  it('unwraps links to their label', () => {
    expect(
      normalizeSlackText(
        'check <http://registry.example.com/api:1.4|registry.example.com/api:1.4>',
      ),
    ).toBe('check registry.example.com/api:1.4');
    expect(normalizeSlackText('check <https://example.com/x>')).toBe('check https://example.com/x');
  });

  it('restores escaped characters and straight quotes', () => {
    expect(
      normalizeSlackText('check img --cmd \u201csleep 5\u201d --env \u2018A=1\u2019 &amp;&lt;&gt;'),
    ).toBe(`check img --cmd "sleep 5" --env 'A=1' &<>`);
  });

  it('keeps mentions as they are', () => {
    expect(normalizeSlackText('explain <!channel> <@U123|bob>')).toBe(
      'explain <!channel> <@U123|bob>',
    );
  });
});

describe('parsePid1Command', () => {
  it('reads help words', () => {
    for (const text of ['', 'help', 'HELP', '--help', '-h', '?']) {
      expect(parsePid1Command(text)).toEqual({ name: 'help', subcommand: null });
    }
  });

  it('reads a check with options', () => {
    const command = parsePid1Command('check nginx:1.27 --grace 5 --cmd "sleep 10" --env A=1 --tty');
    expect(command.name).toBe('check');
    if (command.name !== 'check') return;
    expect(command.image).toBe('nginx:1.27');
    expect(command.commandText).toBe('check nginx:1.27 --grace 5 --cmd "sleep 10" --env A=1 --tty');
    expect(command.check.options).toEqual({
      env: ['A=1'],
      cmd: ['sleep', '10'],
      tty: true,
      graceSeconds: 5,
    });
  });

  it('keeps an explain question as typed', () => {
    expect(parsePid1Command("explain what's a zombie?")).toEqual({
      name: 'explain',
      query: "what's a zombie?",
    });
    expect(parsePid1Command('explain')).toEqual({ name: 'explain', query: undefined });
  });

  it('rejects an overlong question', () => {
    expect(parsePid1Command(`explain ${'a'.repeat(501)}`)).toEqual({
      name: 'invalid',
      reason: 'The question is too long: ask in at most 500 characters.',
      usage: 'all',
    });
  });

  it('reads demo scenarios', () => {
    expect(parsePid1Command('demo Zombies')).toEqual({ name: 'demo', scenario: 'zombies' });
    expect(parsePid1Command('demo')).toEqual({ name: 'demo', scenario: undefined });
    expect(parsePid1Command('demo a b')).toEqual({
      name: 'invalid',
      reason: 'Name one scenario, as in `/pid1 demo zombies`.',
      usage: 'all',
    });
  });

  it('reports an unknown word', () => {
    expect(parsePid1Command('why does it hang')).toEqual({ name: 'unknown', word: 'why' });
  });

  it('reports an invalid grace without the CLI usage', () => {
    expect(parsePid1Command('check nginx --grace soon')).toEqual({
      name: 'invalid',
      reason: "--grace 'soon' is invalid: give a number of seconds above 0, such as 10.",
      usage: 'check',
    });
  });
});

describe('stripBotMention', () => {
  it('removes the bot mention and a typed /pid1', () => {
    expect(stripBotMention('<@UBOT> check nginx', 'UBOT')).toBe('check nginx');
    expect(stripBotMention('<@UBOT|pid1> /pid1 help', 'UBOT')).toBe('help');
    expect(stripBotMention('hey <@UBOT> explain zombies', 'UBOT')).toBe('hey explain zombies');
    expect(stripBotMention('<@UOTHER> <@UBOT> help', 'UBOT')).toBe('<@UOTHER> help');
    expect(stripBotMention('<@UBOT> help', undefined)).toBe('help');
  });
});
