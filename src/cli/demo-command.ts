import type { Command } from 'commander';
import { loadSettings } from '../config/settings.js';
import { randomCheckId } from '../diagnosis/check-context.js';
import { createEngine } from '../docker/engine.js';
import { Pid1Error } from '../errors.js';
import { createLogger } from '../logging/logger.js';
import { demoScenarios, findDemoScenario } from '../demo/demo-scenarios.js';
import { runDemo } from '../demo/run-demo.js';
import { renderDemoListText, renderDemoText } from '../render/demo-text.js';
import { exitCodeForError } from './exit-codes.js';
import type { CliOutput } from './run-check.js';

const defaultOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Runs `pid1 demo [scenario]` and returns the exit code: 0 on success or for the list, 2 for an
 * unknown scenario, 3 when the engine is unreachable, the demo image is missing or the demo
 * failed. SIGINT and SIGTERM cancel the demo, which still removes its containers.
 */
export async function runDemoCommand(
  scenario: string | undefined,
  json: boolean,
  output: CliOutput,
): Promise<number> {
  if (scenario === undefined) {
    output.stdout(json ? `${JSON.stringify(demoScenarios)}\n` : renderDemoListText(demoScenarios));
    return 0;
  }
  const cancel = new AbortController();
  const onSignal = (): void => cancel.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    findDemoScenario(scenario);
    const settings = loadSettings();
    const logger = createLogger(process.env['LOG_LEVEL'] ?? 'warn');
    const result = await runDemo(scenario, {
      engine: createEngine(),
      settings,
      now: Date.now,
      newCheckId: randomCheckId,
      signal: cancel.signal,
      logger,
    });
    output.stdout(json ? `${JSON.stringify(result)}\n` : renderDemoText(result));
    return 0;
  } catch (error) {
    if (!(error instanceof Pid1Error)) throw error;
    output.stderr(`pid1: ${error.message}\n`);
    return exitCodeForError(error);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Adds `pid1 demo [scenario]` to `program`. With no scenario, the command lists the scenarios. */
export function registerDemoCommand(program: Command, output: CliOutput = defaultOutput): Command {
  return program
    .command('demo')
    .description(
      'run a PID 1 experiment live in short-lived sandboxed containers of PID1_DEMO_IMAGE (no argument: list the scenarios)',
    )
    .argument('[scenario]', 'bash, sleep, init, zombies or signals')
    .option('--json', 'print the result as JSON instead of text')
    .action(async (scenario: string | undefined, options: { json?: boolean }) => {
      process.exitCode = await runDemoCommand(scenario, options.json === true, output);
    });
}
