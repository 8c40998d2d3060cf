import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { registerExplainCommand } from '../../../src/cli/explain-command.js';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';

const kb = loadKnowledgeBase();

/** Runs `pid1 explain ...args` on a fresh program and captures what it writes. */
async function runExplain(args: string[]) {
  const output = { stdout: '', stderr: '', exitCode: undefined as number | undefined };
  const program = new Command('pid1').exitOverride();
  registerExplainCommand(program, {
    loadKnowledgeBase: () => kb,
    writeOut: (text) => {
      output.stdout += text;
    },
    writeErr: (text) => {
      output.stderr += text;
    },
    setExitCode: (code) => {
      output.exitCode = code;
    },
  });
  await program.parseAsync(['explain', ...args], { from: 'user' });
  return output;
}

describe('pid1 explain', () => {
  test('no words lists the topics', async () => {
    const result = await runExplain([]);
    expect(result.stdout).toContain('Topics:');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBeUndefined();
  });

  test('words join into one query', async () => {
    const result = await runExplain(['docker', 'stop']);
    expect(result.stdout.startsWith('docker stop, the grace period')).toBe(true);
    expect(result.exitCode).toBeUndefined();
  });

  test('question prints the best topic', async () => {
    const result = await runExplain(['why', 'is', 'my', 'pod', 'slow', 'to', 'terminate']);
    expect(result.stdout.startsWith('PID 1 in Kubernetes')).toBe(true);
    expect(result.stderr).toBe('');
  });

  test('unknown word exits 2 with one stderr line', async () => {
    const result = await runExplain(['zombei']);
    expect(result.stdout).toBe('Did you mean: zombies?\nRun "pid1 explain TOPIC" to read one.\n');
    expect(result.stderr).toBe(
      `No topic matches 'zombei'. Run "pid1 explain" to list the topics.\n`,
    );
    expect(result.exitCode).toBe(2);
  });

  test('hostile word is escaped on stderr', async () => {
    const result = await runExplain(['\u001b[2Jqqq\nzzz']);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.exitCode).toBe(2);
  });
});
