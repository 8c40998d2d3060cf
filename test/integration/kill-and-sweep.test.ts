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

/** Starts `pid1 check`, kills it with SIGKILL after `delayMs`, and resolves once it is gone. */
function killCheckAfter(image: string, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'check', image, '--json'], { stdio: 'ignore' });
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
  it('20 kills leave nothing after a sweep', async () => {
    // Kill moments spread over a check's life: creating, starting, probing, stopping, removing.
    const delays = Array.from({ length: 20 }, (_, index) => 150 + ((index * 7919) % 3_000));
    for (let index = 0; index < delays.length; index += 2) {
      await Promise.all([
        killCheckAfter(images[index % images.length] as string, delays[index] as number),
        killCheckAfter(images[(index + 1) % images.length] as string, delays[index + 1] as number),
      ]);
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
