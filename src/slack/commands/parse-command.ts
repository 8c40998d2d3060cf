import { z } from 'zod';
import {
  checkUsage,
  parseCheckArguments,
  type ParsedCheckArguments,
} from '../../cli/check-arguments.js';
import { parseImageReference } from '../../diagnosis/image-reference.js';
import { findDemoScenario } from '../../demo/demo-scenarios.js';
import { Pid1Error } from '../../errors.js';
import { splitCommandWords } from './split-command-words.js';

/**
 * A `/pid1` command after parsing. `unknown` is a first word that is no sub-command; `invalid`
 * carries the reason and which usage to show.
 */
export type Pid1Command =
  | { name: 'help'; subcommand: 'check' | null }
  | { name: 'check'; image: string; check: ParsedCheckArguments; commandText: string }
  | { name: 'explain'; query: string | undefined }
  | { name: 'demo'; scenario: string | undefined }
  | { name: 'unknown'; word: string }
  | { name: 'invalid'; reason: string; usage: 'all' | 'check' | null };

export const maxQuestionLength = 500;

const subcommandSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('help'), rest: z.string() }),
  z.object({
    name: z.literal('check'),
    rest: z.string().min(1, 'Name the image to check, as in `/pid1 check nginx:1.27`.'),
  }),
  z.object({
    name: z.literal('explain'),
    rest: z
      .string()
      .max(
        maxQuestionLength,
        `The question is too long: ask in at most ${maxQuestionLength} characters.`,
      ),
  }),
  z.object({
    name: z.literal('demo'),
    rest: z.string().regex(/^\S*$/, 'Name one scenario, as in `/pid1 demo zombies`.'),
  }),
]);

const helpWords = new Set(['', 'help', '--help', '-h', '?']);

function parseCheck(rest: string): Pid1Command {
  const words = splitCommandWords(rest);
  if (words.includes('--help') || words.includes('-h'))
    return { name: 'help', subcommand: 'check' };
  const check = parseCheckArguments(words);
  parseImageReference(check.image);
  return { name: 'check', image: check.image, check, commandText: `check ${rest}` };
}

/**
 * Parses the text after `/pid1` (already normalised from Slack's markup) into a command. Only
 * `check` splits its arguments like a shell; a question to `explain` is kept as typed, since
 * an apostrophe in "what's a zombie?" is not a quote.
 */
export function parsePid1Command(text: string): Pid1Command {
  const match = /^(\S*)\s*([\s\S]*)$/.exec(text.trim());
  const first = (match?.[1] ?? '').toLowerCase();
  const rest = (match?.[2] ?? '').trim();
  const name = helpWords.has(first) ? 'help' : first;

  const parsed = subcommandSchema.safeParse({ name, rest });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'name' || issue === undefined) {
      return { name: 'unknown', word: first };
    }
    return { name: 'invalid', reason: issue.message, usage: name === 'check' ? 'check' : 'all' };
  }

  const command = parsed.data;
  try {
    switch (command.name) {
      case 'help':
        return { name: 'help', subcommand: null };
      case 'check':
        return parseCheck(command.rest);
      case 'explain':
        return { name: 'explain', query: command.rest === '' ? undefined : command.rest };
      case 'demo':
        if (command.rest === '') return { name: 'demo', scenario: undefined };
        return { name: 'demo', scenario: findDemoScenario(command.rest).id };
    }
  } catch (error) {
    if (!(error instanceof Pid1Error)) throw error;
    const usage =
      command.name === 'check' && error.code !== 'invalid-image-reference' ? 'check' : null;
    // The CLI parser appends the CLI's usage, with options that mean nothing in Slack.
    const reason = error.message.replace(` Usage: ${checkUsage}`, '');
    return { name: 'invalid', reason, usage };
  }
}
