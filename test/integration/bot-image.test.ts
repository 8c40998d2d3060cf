import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/diagnosis/report-schema.js';
import { createEngine } from '../../src/docker/engine.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/src/cli/main.js');
const botImage = 'pid1-bot:local';
const dummyCredentials = ['SLACK_APP_TOKEN=xapp-1-dummy', 'SLACK_BOT_TOKEN=xoxb-dummy'];
const engine = createEngine();

function hasImage(reference: string): boolean {
  return spawnSync('docker', ['image', 'inspect', reference], { stdio: 'ignore' }).status === 0;
}

/** Returns why the Node base of the bot's image cannot be made here, or undefined when it can. */
function nodeBaseMissingReason(): string | undefined {
  if (!existsSync('/usr/bin/node')) return '/usr/bin/node is missing';
  const major = execFileSync('/usr/bin/node', ['-p', 'process.versions.node.split(".")[0]'], {
    encoding: 'utf8',
  }).trim();
  if (major !== '20') return `/usr/bin/node is Node ${major}, not 20`;
  if (!existsSync('/usr/lib/node_modules/npm/bin/npm-cli.js'))
    return '/usr/lib/node_modules/npm is missing';
  if (!existsSync('/usr/bin/tini-static')) return '/usr/bin/tini-static is missing';
  if (hasImage('pid1-node-base:20') || hasImage('pid1-case/debian-min:bookworm')) return undefined;
  const canDebootstrap = existsSync('/usr/sbin/debootstrap') && process.getuid?.() === 0;
  return canDebootstrap
    ? undefined
    : 'pid1-case/debian-min:bookworm is missing and debootstrap cannot run';
}

const skipReason = nodeBaseMissingReason();
const suiteName =
  skipReason === undefined
    ? 'bot image'
    : `bot image (skipped: the Node base cannot be made: ${skipReason})`;

describe.skipIf(skipReason !== undefined)(suiteName, () => {
  const containerName = `pid1-bot-image-test-${randomBytes(4).toString('hex')}`;

  beforeAll(() => {
    const build = spawnSync('bash', [path.join(repo, 'scripts/build-bot-image.sh')], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (build.status !== 0) {
      throw new Error(`scripts/build-bot-image.sh exited ${build.status}:\n${build.stderr}`);
    }
  }, 600_000);

  afterAll(async () => {
    await engine.docker
      .getContainer(containerName)
      .remove({ force: true })
      .catch(() => undefined);
  });

  it('self-check reports healthy', () => {
    const run = spawnSync(
      process.execPath,
      [cli, 'check', botImage, '--json', ...dummyCredentials.flatMap((pair) => ['--env', pair])],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report.verdict).toBe('healthy');
    expect(report.pid1?.executable).toBe('tini');
    expect(report.pid1?.kind).toBe('init');
    expect(report.stop?.graceful).toBe(true);
    expect(report.zombies?.reaped).toBe(true);
    expect(report.findings).toEqual([]);
  });

  it('image config runs tini as non-root', async () => {
    const info = await engine.docker.getImage(botImage).inspect();
    expect(info.Config.Entrypoint).toEqual(['tini', '--']);
    expect(info.Config.Cmd).toEqual(['node', 'dist/src/cli/main.js', 'serve']);
    expect(info.Config.User).toBe('node');
    expect(info.Config.Healthcheck?.Test?.[0]).toBe('CMD');
  });

  it('bot stops with exit 0 on docker stop', async () => {
    const container = await engine.docker.createContainer({
      name: containerName,
      Image: botImage,
      Env: dummyCredentials,
      HostConfig: { NetworkMode: 'none', SecurityOpt: ['no-new-privileges'] },
    });
    await container.start();

    // Wait until the bot has installed its signal handlers and is retrying Slack.
    const listeningBy = Date.now() + 20_000;
    let logs = '';
    while (Date.now() < listeningBy) {
      logs = (await container.logs({ stdout: true, stderr: true })).toString('utf8');
      if (logs.includes('connecting to Slack in Socket Mode')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(logs).toContain('connecting to Slack in Socket Mode');
    // Socket Mode cannot connect without network, and the bot must keep running.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await container.inspect()).State.Running).toBe(true);

    const stopStartedAt = performance.now();
    await container.stop({ t: 10 });
    const stopSeconds = (performance.now() - stopStartedAt) / 1000;
    const state = (await container.inspect()).State;
    logs = (await container.logs({ stdout: true, stderr: true })).toString('utf8');
    console.info(`pid1-bot:local stopped ${stopSeconds.toFixed(2)} s after docker stop`);

    expect(state.ExitCode).toBe(0);
    expect(state.OOMKilled).toBe(false);
    expect(stopSeconds).toBeLessThan(5);
    expect(logs).toContain('"msg":"stopped"');
  });
});
