import { Command, CommanderError, Option } from 'commander';
import type { CheckOptions } from '../diagnosis/check-options.js';
import { Pid1Error, quoteForMessage } from '../errors.js';
import { splitWords } from './split-words.js';

export type ReportFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning';

export interface ParsedCheckArguments {
  image: string;
  options: CheckOptions;
  format: ReportFormat;
  failOn: FailOn;
}

export const checkUsage =
  'pid1 check IMAGE [--cmd "ARGS"] [--entrypoint "ARGS"] [--env KEY=VALUE]... [--tty | --no-tty] [--grace SECONDS] [--full-grace] [--format text|json|sarif] [--json] [--fail-on error|warning]';

/** Words accepted on one command line; a longer one is hostile or a mistake. */
const maxWords = 200;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseGrace(value: string): number {
  if (!/^[0-9]+(?:\.[0-9]+)?$/.test(value) || Number(value) <= 0) {
    throw new Pid1Error(
      'invalid-option',
      `--grace ${quoteForMessage(value)} is invalid: give a number of seconds above 0, such as 10.`,
    );
  }
  return Number(value);
}

/** Declares the options of `pid1 check` on `command`, for the CLI and the Slack parser alike. */
export function declareCheckOptions(command: Command): Command {
  return command
    .argument('<image>', 'image reference, such as nginx:1.27, or a local image id')
    .option(
      '--cmd <args>',
      "command to run instead of the image's CMD, split like a shell would split it",
    )
    .option('--entrypoint <args>', 'replaces the image\'s ENTRYPOINT ("" clears it)')
    .option(
      '--env <KEY=VALUE>',
      'environment variable for the target; repeat for more',
      collect,
      [],
    )
    .option('--tty', 'give the target a TTY and open stdin, as docker run -it does')
    .option('--no-tty', 'never give the target a TTY')
    .option(
      '--grace <seconds>',
      'seconds to wait after the stop signal before SIGKILL (default: PID1_GRACE_SECONDS, 10)',
      parseGrace,
    )
    .option(
      '--full-grace',
      'wait out the whole grace even when PID 1 has visibly dropped the stop signal',
    )
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['text', 'json', 'sarif'])
        .default('text'),
    )
    .option('--json', 'same as --format json')
    .addOption(
      new Option('--fail-on <severity>', 'lowest finding severity that makes the exit code 1')
        .choices(['error', 'warning'])
        .default('warning'),
    );
}

interface RawCheckOptions {
  cmd?: string;
  entrypoint?: string;
  env: string[];
  tty?: boolean;
  grace?: number;
  fullGrace?: boolean;
  format: ReportFormat;
  json?: boolean;
  failOn: FailOn;
}

/** Turns commander's parsed values into check arguments. */
export function toCheckArguments(image: string, raw: RawCheckOptions): ParsedCheckArguments {
  const options: CheckOptions = { env: raw.env };
  if (raw.cmd !== undefined) options.cmd = splitWords(raw.cmd, '--cmd');
  if (raw.entrypoint !== undefined) options.entrypoint = splitWords(raw.entrypoint, '--entrypoint');
  if (raw.tty !== undefined) options.tty = raw.tty;
  if (raw.grace !== undefined) options.graceSeconds = raw.grace;
  if (raw.fullGrace === true) options.fullGrace = true;
  return { image, options, format: raw.json === true ? 'json' : raw.format, failOn: raw.failOn };
}

/** Commander's message as one capitalised line, with control characters escaped and a length cap. */
export function commanderMessage(error: CommanderError): string {
  const text = error.message.replace(/^error: /, '').replace(/\.$/, '');
  const safe = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"');
  const cut = safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
  return cut.charAt(0).toUpperCase() + cut.slice(1);
}

/**
 * Parses the words after `check` (as typed in Slack or the console) with the CLI's own option
 * declarations. Throws a Pid1Error with a one-line message for any invalid input.
 */
export function parseCheckArguments(words: string[]): ParsedCheckArguments {
  if (words.length > maxWords) {
    throw new Pid1Error(
      'invalid-argument',
      `Too many words (${words.length}): a check takes at most ${maxWords}.`,
    );
  }
  let parsed: ParsedCheckArguments | undefined;
  const command = declareCheckOptions(new Command('check'))
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .helpOption(false)
    .action((image: string, raw: RawCheckOptions) => {
      parsed = toCheckArguments(image, raw);
    });
  try {
    command.parse(words, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      throw new Pid1Error('invalid-option', `${commanderMessage(error)}. Usage: ${checkUsage}`);
    }
    throw error;
  }
  if (parsed === undefined)
    throw new Pid1Error('invalid-argument', `Name an image to check. Usage: ${checkUsage}`);
  return parsed;
}
