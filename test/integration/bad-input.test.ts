import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/src/cli/main.js');

/** A small seeded generator (mulberry32), so a failing input can be reproduced from its index. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const metacharacters = [
  '$(reboot)',
  '`id`',
  '; rm -rf /',
  '| cat /etc/passwd',
  '&& curl x',
  '> /tmp/x',
  '\\',
  '"',
  "'",
  '*',
  '?',
  '!',
];
const unicode = [
  'ñginx',
  'nginx\u200b',
  'ｎｇｉｎｘ',
  '😀',
  'nginx\u2028latest',
  'a\u0085b',
  'Ω:1',
];
const flags = ['--evil', '-rf', '--json=1', '--', '-', '--grace=-1', '--help-me'];

/** Builds `count` command lines that must each be rejected as invalid input. */
function badCommandLines(count: number): string[][] {
  const next = random(20_261_204);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const lines: string[][] = [];
  for (let index = 0; index < count; index += 1) {
    switch (index % 8) {
      case 0: {
        const bytes = Array.from({ length: 1 + Math.floor(next() * 40) }, () =>
          String.fromCharCode(1 + Math.floor(next() * 254)),
        );
        lines.push(['check', `${bytes.join('')} bad`]);
        break;
      }
      case 1:
        lines.push(['check', `nginx${pick(metacharacters)}`]);
        break;
      case 2:
        lines.push(['check', 'a'.repeat(513 + Math.floor(next() * 100_000))]);
        break;
      case 3:
        lines.push(['check', pick(unicode)]);
        break;
      case 4:
        lines.push(['check', pick(flags)]);
        break;
      case 5:
        lines.push([
          'check',
          'pid1-fixture/tini-front',
          '--grace',
          pick(['-1', 'abc', '0', '1e999', '60', 'NaN', '']),
        ]);
        break;
      case 6:
        lines.push([
          'check',
          'pid1-fixture/tini-front',
          '--env',
          pick(['=x', 'NOVALUE', ' A=1', 'A B=1', '']),
        ]);
        break;
      default:
        lines.push([
          'check',
          'pid1-fixture/tini-front',
          pick(['--cmd', '--entrypoint']),
          `sleep 1 ${pick(['|', ';', '&&', '>', '<', '&'])} id`,
        ]);
    }
  }
  return lines;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runCli(args: string[]): Promise<Run> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) =>
      resolve({ status, stdout, stderr, ms: performance.now() - startedAt }),
    );
  });
}

describe('bad input to pid1 check', () => {
  it('200 generated inputs exit 2 with one line', async () => {
    const lines = badCommandLines(200);
    const runs: Run[] = [];
    for (let start = 0; start < lines.length; start += 2) {
      runs.push(...(await Promise.all(lines.slice(start, start + 2).map(runCli))));
    }
    const failures = runs
      .map((run, index) => ({ run, index }))
      .filter(
        ({ run }) =>
          run.status !== 2 ||
          run.stderr.split('\n').length !== 2 ||
          /\n\s+at /.test(run.stderr) ||
          run.stdout !== '',
      );
    expect(
      failures.map(({ index, run }) => `#${index} exit ${run.status}: ${run.stderr.slice(0, 200)}`),
    ).toEqual([]);
    // Node's own start-up takes most of the time; the limit is the behaviour, with a margin for load.
    expect(Math.max(...runs.map((run) => run.ms))).toBeLessThan(2_000);
    expect(runs.every((run) => run.stderr.startsWith('pid1: '))).toBe(true);
  });
});
