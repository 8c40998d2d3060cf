import type { Command } from 'commander';
import { declareCheckOptions, toCheckArguments } from './check-arguments.js';
import { Pid1Error } from '../errors.js';
import { reportError, runCheckCommand, type CliOutput } from './run-check.js';

/** Registers `pid1 check IMAGE [options]`. */
export function registerCheckCommand(program: Command, output: CliOutput): void {
  const command = program
    .command('check')
    .description('run IMAGE in a sandbox and report what its PID 1 does on stop');
  declareCheckOptions(command).action(
    async (image: string, raw: Parameters<typeof toCheckArguments>[1]) => {
      const format = raw.json === true ? 'json' : raw.format;
      try {
        process.exitCode = await runCheckCommand(toCheckArguments(image, raw), output);
      } catch (error) {
        if (!(error instanceof Pid1Error)) throw error;
        process.exitCode = reportError(error, format, output);
      }
    },
  );
}
