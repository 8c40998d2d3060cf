import type { Command } from 'commander';
import { createEngine } from '../docker/engine.js';
import { sweepExpiredContainers } from '../docker/sweeper.js';
import { Pid1Error } from '../errors.js';
import { exitCodeForError } from './exit-codes.js';
import type { CliOutput } from './run-check.js';
import { countNoun } from '../text/count-noun.js';

/** Registers `pid1 sweep`, which removes expired pid1 containers once. */
export function registerSweepCommand(program: Command, output: CliOutput): void {
  program
    .command('sweep')
    .description('remove pid1 containers whose pid1.expires-at label has passed')
    .action(async () => {
      try {
        const result = await sweepExpiredContainers(createEngine());
        output.stdout(
          `removed ${countNoun(result.removed.length, 'expired pid1 container')}; ${result.kept} still within their time limit\n`,
        );
        if (result.failed.length > 0) {
          output.stderr(
            `pid1: could not remove ${countNoun(result.failed.length, 'container')}: ${result.failed.join(', ')}\n`,
          );
          process.exitCode = 3;
        }
      } catch (error) {
        if (!(error instanceof Pid1Error)) throw error;
        output.stderr(`pid1: ${error.message}\n`);
        process.exitCode = exitCodeForError(error);
      }
    });
}
