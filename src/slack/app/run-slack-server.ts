import type { CheckQueue } from '../../diagnosis/check-queue.js';
import type { Engine } from '../../docker/engine.js';
import type { Logger } from '../../logging/logger.js';
import type { CommandDeps } from '../commands/command-deps.js';
import { createEnginePing } from '../http/engine-ping.js';
import type { SlackConfig } from '../slack-config.js';
import { startContainerSweeper } from './container-sweeper.js';
import { startSlackApp, type RunningSlackApp } from './start-slack-app.js';

export interface SlackServerDeps {
  commands: CommandDeps;
  queue: CheckQueue;
  engine: Engine;
  logger: Logger;
  /** Aborted on shutdown; the same signal as `commands.shutdownSignal`. */
  shutdown: AbortController;
  stopRequested: Promise<void>;
  stderr: NodeJS.WritableStream;
  host?: string;
  onListening?: (port: number) => void;
}

/** Milliseconds shutdown waits for the replies of cancelled commands to reach Slack. */
const shutdownReplyWaitMs = 5000;

/**
 * Runs the Slack app and the container sweeper until `stopRequested`, then shuts down in order:
 * cancel the checks, let their last replies go out, stop taking requests. Returns the exit
 * code: 0 after a clean stop, 3 when the server could not start.
 */
export async function runSlackServer(config: SlackConfig, deps: SlackServerDeps): Promise<number> {
  const { commands, logger } = deps;
  const stopSweeper = startContainerSweeper(deps.engine, logger);
  let app: RunningSlackApp;
  try {
    app = await startSlackApp(config, {
      commands,
      pingEngine: createEnginePing(deps.engine),
      ...(deps.host === undefined ? {} : { host: deps.host }),
    });
  } catch (error) {
    stopSweeper();
    const message = error instanceof Error ? error.message : String(error);
    deps.stderr.write(`pid1: the Slack app could not start on port ${config.port}: ${message}\n`);
    return 3;
  }
  deps.onListening?.(app.port);
  await deps.stopRequested;

  const inFlight = commands.inFlight?.size ?? 0;
  logger.info({ commands: inFlight }, 'stopping: cancelling checks, then closing the server');
  stopSweeper();
  deps.shutdown.abort();
  await deps.queue.close();
  await commands.inFlight?.drain(shutdownReplyWaitMs);
  await app.stop();
  logger.info('stopped');
  return 0;
}
