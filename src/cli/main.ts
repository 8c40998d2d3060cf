#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { commanderMessage } from './check-arguments.js';
import { Pid1Error } from '../errors.js';
import { registerCheckCommand } from './check-command.js';
import { registerDemoCommand } from './demo-command.js';
import { exitCodeForError } from './exit-codes.js';
import { registerExplainCommand } from './explain-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerSweepCommand } from './sweep-command.js';
import type { CliOutput } from './run-check.js';

const output: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Builds the `pid1` program with every sub-command. */
export function createProgram(): Command {
  const program = new Command('pid1')
    .description(
      'Measures what PID 1 of a container image does when the container stops, and what to change.',
    )
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  registerCheckCommand(program, output);
  registerExplainCommand(program);
  registerDemoCommand(program);
  registerSweepCommand(program, output);
  registerServeCommand(program);
  for (const command of program.commands)
    command
      .exitOverride()
      .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = createProgram();
  try {
    if (argv.length <= 2) {
      process.stdout.write(program.helpInformation());
      return;
    }
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof Pid1Error) {
      process.stderr.write(`pid1: ${error.message}\n`);
      process.exitCode = exitCodeForError(error);
      return;
    }
    if (!(error instanceof CommanderError)) throw error;
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      process.exitCode = 0;
      return;
    }
    const json =
      argv.includes('--json') ||
      argv.includes('--format=json') ||
      argv.join(' ').includes('--format json');
    const message = `${commanderMessage(error)}. Run 'pid1 --help' for usage.`;
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ schemaVersion: 1, verdict: 'error', error: { code: 'invalid-option', message } })}\n`,
      );
    }
    process.stderr.write(`pid1: ${message}\n`);
    process.exitCode = 2;
  }
}

main(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pid1: unexpected failure: ${message}\n`);
  process.exitCode = 3;
});
