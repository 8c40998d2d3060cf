import { Writable } from 'node:stream';
import type Docker from 'dockerode';
import { pino } from 'pino';
import { loadSettings } from '../../../src/config/settings.js';
import { CheckQueue } from '../../../src/diagnosis/check-queue.js';
import { createEngine } from '../../../src/docker/engine.js';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { startSlackApp, type RunningSlackApp } from '../../../src/slack/app/start-slack-app.js';
import type { CommandDeps } from '../../../src/slack/commands/command-deps.js';
import { createCommandDeps } from '../../../src/slack/commands/create-command-deps.js';
import { createEnginePing } from '../../../src/slack/http/engine-ping.js';
import type { SlackConfig } from '../../../src/slack/slack-config.js';
import { botToken, signingSecret } from './signed-request.js';
import type { SlackStandIn } from './slack-stand-in.js';

export interface TestApp {
  baseUrl: string;
  eventsUrl: string;
  app: RunningSlackApp;
  commands: CommandDeps;
  /** Every log line the app wrote, as parsed JSON. */
  logs: Record<string, unknown>[];
  /** Every log line as written, to search for secrets. */
  rawLog: string[];
  /** Ids of the containers this app created, so that a test can check its own clean-up. */
  createdContainers: string[];
  stop(): Promise<void>;
}

/**
 * Starts the Slack app in HTTP mode on 127.0.0.1 with a free port, talking to the stand-in, with
 * the real diagnosis engine and knowledge base. Logs go to memory instead of stderr.
 */
export async function startTestApp(
  standIn: SlackStandIn,
  env: NodeJS.ProcessEnv = {},
): Promise<TestApp> {
  const rawLog: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line === '') continue;
        rawLog.push(line);
        logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const logger = pino({ level: 'debug', base: { service: 'pid1' } }, sink);
  const settings = loadSettings({ ...process.env, ...env });
  const engine = createEngine();
  const createdContainers: string[] = [];
  const createContainer = engine.docker.createContainer.bind(engine.docker);
  engine.docker.createContainer = (async (options: Docker.ContainerCreateOptions) => {
    const container = await createContainer(options);
    createdContainers.push(container.id);
    return container;
  }) as typeof engine.docker.createContainer;
  const queue = new CheckQueue(settings.maxConcurrentChecks);
  const shutdown = new AbortController();
  const commands = createCommandDeps({
    settings,
    engine,
    queue,
    knowledge: loadKnowledgeBase(),
    logger,
    shutdownSignal: shutdown.signal,
  });
  const config: SlackConfig = {
    mode: 'http',
    signingSecret,
    botToken,
    port: 0,
    apiUrl: standIn.apiUrl,
  };
  const app = await startSlackApp(config, {
    commands,
    pingEngine: createEnginePing(engine),
    host: '127.0.0.1',
  });
  const baseUrl = `http://127.0.0.1:${app.port}`;
  return {
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    app,
    commands,
    logs,
    rawLog,
    createdContainers,
    stop: async () => {
      shutdown.abort();
      await queue.close();
      await commands.inFlight?.drain(5000);
      await app.stop();
    },
  };
}
