import type { Command } from 'commander';
import { loadSettings, type Settings } from '../config/settings.js';
import { CheckQueue } from '../diagnosis/check-queue.js';
import { createEngine } from '../docker/engine.js';
import { Pid1Error } from '../errors.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { createLogger } from '../logging/logger.js';
import { runSlackServer } from '../slack/app/run-slack-server.js';
import { listenForStopSignal } from '../slack/app/stop-signal.js';
import { createCommandDeps } from '../slack/commands/create-command-deps.js';
import { runConsole } from '../slack/console/run-console.js';
import { hasSlackCredentials, loadSlackConfig } from '../slack/slack-config.js';

export interface ServeIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Resolves when the server or console should stop; defaults to the first SIGTERM or SIGINT. */
  stopRequested?: Promise<void>;
  /** Interface the HTTP server listens on; all interfaces when unset. */
  host?: string;
  /** Receives the running app's port once it listens, for tests that start on port 0. */
  onListening?: (port: number) => void;
}

export const missingCredentialsMessage =
  'pid1: no Slack credentials and no terminal for the local console. Set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (HTTP mode), or SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode); or run pid1 serve in a terminal, or with --console, for the local console.\n';

/**
 * Runs `pid1 serve` and returns its exit code. It runs the local console when `--console` is
 * given, or when no Slack credential is set and stdin is a terminal. With neither credentials
 * nor a terminal it exits 2 with a message naming the variables. Otherwise it runs the Slack
 * app until SIGTERM or SIGINT. An invalid setting exits 2, a server that cannot start exits 3.
 */
export async function runServe(options: { console?: boolean }, io: ServeIo): Promise<number> {
  const withSlack = hasSlackCredentials(io.env);
  const useConsole = options.console === true || (!withSlack && io.stdin.isTTY === true);
  if (!useConsole && !withSlack) {
    io.stderr.write(missingCredentialsMessage);
    return 2;
  }

  let settings: Settings;
  let slackConfig: ReturnType<typeof loadSlackConfig> | undefined;
  try {
    settings = loadSettings(io.env);
    if (!useConsole) slackConfig = loadSlackConfig(io.env);
  } catch (error) {
    if (!(error instanceof Pid1Error)) throw error;
    io.stderr.write(`pid1: ${error.message}\n`);
    return 2;
  }

  // In the console, info lines on stderr would land between the replies; LOG_LEVEL still wins.
  const consoleLevel =
    io.env['LOG_LEVEL'] === undefined || io.env['LOG_LEVEL'] === '' ? 'warn' : settings.logLevel;
  const logger = createLogger(useConsole ? consoleLevel : settings.logLevel);
  let engine: ReturnType<typeof createEngine>;
  try {
    engine = createEngine(io.env);
  } catch (error) {
    if (!(error instanceof Pid1Error)) throw error;
    io.stderr.write(`pid1: ${error.message}\n`);
    return 2;
  }
  const queue = new CheckQueue(settings.maxConcurrentChecks);
  const shutdown = new AbortController();
  let knowledge: KnowledgeBase;
  try {
    knowledge = loadKnowledgeBase();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`pid1: the explanation topics could not be loaded: ${message}\n`);
    return 3;
  }
  const shutdownSignal = shutdown.signal;
  const commands = createCommandDeps({
    settings,
    engine,
    queue,
    knowledge,
    logger,
    shutdownSignal,
  });

  const stopSignal = io.stopRequested === undefined ? listenForStopSignal() : undefined;
  const stopRequested =
    io.stopRequested ?? stopSignal?.stopped ?? new Promise<void>(() => undefined);
  try {
    if (slackConfig === undefined) {
      // Ctrl-C cancels a running check, whose containers are then removed, and ends the console.
      void stopRequested.then(() => shutdown.abort());
      const interactive = io.stdin.isTTY === true;
      await runConsole(commands, {
        input: io.stdin,
        output: io.stdout,
        interactive,
        stopRequested,
      });
      await queue.close();
      return 0;
    }

    return await runSlackServer(slackConfig, {
      commands,
      queue,
      engine,
      logger,
      shutdown,
      stopRequested,
      stderr: io.stderr,
      ...(io.host === undefined ? {} : { host: io.host }),
      ...(io.onListening === undefined ? {} : { onListening: io.onListening }),
    });
  } finally {
    stopSignal?.dispose();
  }
}

/** Milliseconds `pid1 serve` waits after its shutdown before it ends the process. */
const exitAfterShutdownMs = 500;

/** Registers `pid1 serve`. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'run the Slack app (HTTP mode with SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, Socket Mode with SLACK_APP_TOKEN and SLACK_BOT_TOKEN); with no Slack credentials in a terminal, a local console that takes /pid1 commands',
    )
    .option(
      '--console',
      'run the local console even with Slack credentials or when stdin is not a terminal, reading commands line by line',
    )
    .action(async (options: { console?: boolean }) => {
      process.exitCode = await runServe(options, {
        env: process.env,
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
      });
      // The Slack SDK keeps retry timers of apps.connections.open and Web API calls after
      // app.stop(), which would keep Node running for minutes. runServe has finished the
      // shutdown by now, so exit once the timer fires unless Node has exited on its own.
      setTimeout(() => process.exit(), exitAfterShutdownMs).unref();
    });
}
