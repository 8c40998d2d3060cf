import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sweepExpiredContainers } from '../../src/docker/sweeper.js';
import { testCheckContext } from '../support/check-context.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/src/cli/main.js');
const context = testCheckContext();

const images = [
  'pid1-fixture/drops-sigterm',
  'pid1-fixture/tini-front',
  'pid1-fixture/wraps-app',
  'pid1-fixture/orphan-maker',
];

/** Kills in one run; `npm run test:chaos` raises it for the long version. */
const killCount = Number(process.env['PID1_CHAOS_KILLS'] ?? 20);

/**
 * Starts `pid1 check`, or with `bot` the bot's console running one check, kills it with SIGKILL
 * after `delayMs`, and resolves once it is gone.
 */
function killCheckAfter(image: string, delayMs: number, bot: boolean): Promise<void> {
  return new Promise((resolve) => {
    const args = bot ? [cli, 'serve', '--console'] : [cli, 'check', image, '--json'];
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'ignore', 'ignore'] });
    if (bot) child.stdin.write(`/pid1 check ${image}\n`);
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function managedContainers(): Promise<string[]> {
  const containers = await context.engine.docker.listContainers({
    all: true,
    filters: { label: ['pid1.managed=true'] },
  });
  return containers.map((container) => container.Id);
}

describe('SIGKILL during checks', () => {
  it(`${killCount} kills of CLI and bot leave nothing`, async () => {
    // Kill moments spread over a check's life: creating, starting, probing, stopping, removing.
    // Every other pair of runs kills the bot's console instead of the CLI.
    const delays = Array.from({ length: killCount }, (_, index) => 150 + ((index * 7919) % 3_000));
    for (let index = 0; index < delays.length; index += 2) {
      const pair = [index, index + 1].filter((run) => run < delays.length);
      await Promise.all(
        pair.map((run) =>
          killCheckAfter(
            images[run % images.length] as string,
            delays[run] as number,
            run % 4 >= 2,
          ),
        ),
      );
    }
    const left = await managedContainers();
    // Nothing has expired yet, so a sweep now keeps the containers of the killed checks.
    const early = await sweepExpiredContainers(context.engine);
    expect(early.removed).toEqual([]);
    // A sweep after expiry: the clock is moved past every expires-at label instead of waiting.
    const late = await sweepExpiredContainers(
      context.engine,
      Date.now() + (context.settings.checkTimeoutMs + 60_000),
    );
    expect(late.failed).toEqual([]);
    expect(late.removed.length).toBe(left.length);
    expect(await managedContainers()).toEqual([]);
  });
});
