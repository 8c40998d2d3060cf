import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { missingCredentialsMessage, runServe } from '../../src/cli/serve-command.js';

interface ServeRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `pid1 serve` with the lines as stdin (not a terminal) and collects its output. */
async function serveWithInput(
  lines: string[],
  env: NodeJS.ProcessEnv,
  options: { console?: boolean } = {},
): Promise<ServeRun> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  stdin.end(lines.map((line) => `${line}\n`).join(''));
  const exitCode = await runServe(options, {
    env: { LOG_LEVEL: 'silent', ...env },
    stdin,
    stdout,
    stderr,
  });
  return { exitCode, stdout: out, stderr: err };
}

describe('pid1 serve without Slack', () => {
  it('no credentials and no terminal exits 2', async () => {
    const run = await serveWithInput(['help'], {});
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(missingCredentialsMessage);
    expect(run.stderr).toBe(
      'pid1: no Slack credentials and no terminal for the local console. Set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (HTTP mode), or SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode); or run pid1 serve in a terminal, or with --console, for the local console.\n',
    );
    expect(run.stdout).toBe('');
  });

  it('console replies to streamed lines', async () => {
    const run = await serveWithInput(
      [
        '/pid1 help',
        'explain zombies',
        '',
        'frobnicate',
        'check Ubuntu:22.04',
        'check pid1-case/tutorial-sleep',
        'quit',
        'help',
      ],
      {},
      { console: true },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');

    const out = run.stdout;
    expect(
      out.startsWith('pid1 runs a container image, stops it and reports what its PID 1 did'),
    ).toBe(true);
    expect(out).toContain('Zombies, orphans and reaping\n============================');
    expect(out).toContain("⚠ Unknown sub-command 'frobnicate'.\nUsage:\n");
    expect(out).toContain(
      "⚠ Image reference 'Ubuntu:22.04' is invalid: repository names must be lowercase.\n",
    );

    expect(out).toContain(
      '⏳ Checking `pid1-case/tutorial-sleep`… The report replaces this message.\n',
    );
    expect(out).toContain('pid1 check: docker.io/pid1-case/tutorial-sleep:latest\n');
    expect(out).toContain('✖ Problems found: 1 error, 1 warning.');
    expect(out).toContain('● Error `stop-signal-ignored`\nPID 1 did not stop on the stop signal\n');
    expect(out).toContain('\nFix\n    ');

    expect(out).toContain('[Explain signals]');
    expect(out).not.toContain('[Re-run check]');
    expect(out).not.toContain('[Share in channel]');

    // After quit, the last help line is not processed: the help text appears once.
    expect(out.split('runs a container image, stops it').length - 1).toBe(1);
  });

  it('console shows special mentions as typed', async () => {
    const run = await serveWithInput(['explain <!channel>'], {}, { console: true });
    expect(run.stdout).toBe(
      "No topic matches '<!channel>'. Run `/pid1 explain` to list the topics.\n\n",
    );
  });
});

describe('pid1 serve settings', () => {
  it.each([
    [
      { SLACK_BOT_TOKEN: 'abc' },
      'pid1: SLACK_BOT_TOKEN is invalid: it must be a bot token, which starts with xoxb-.\n',
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1-2' },
      'pid1: SLACK_SIGNING_SECRET is missing: set it to the Signing Secret from the app\'s "Basic Information" page, or set SLACK_APP_TOKEN to use Socket Mode.\n',
    ],
    [
      { SLACK_APP_TOKEN: 'xapp-1-2' },
      'pid1: SLACK_BOT_TOKEN is missing: set it to the Bot User OAuth Token (xoxb-…) from the app\'s "OAuth & Permissions" page.\n',
    ],
    [
      { SLACK_APP_TOKEN: 'xoxb-1-2', SLACK_BOT_TOKEN: 'xoxb-1-2' },
      'pid1: SLACK_APP_TOKEN is invalid: it must be an app-level token, which starts with xapp-.\n',
    ],
    [
      { SLACK_SIGNING_SECRET: 's3cr3t', SLACK_BOT_TOKEN: 'xoxb-1-2', PORT: 'http' },
      'pid1: PORT is invalid: it must be a port number from 0 to 65535.\n',
    ],
    [
      {
        SLACK_SIGNING_SECRET: 's3cr3t',
        SLACK_BOT_TOKEN: 'xoxb-1-2',
        SLACK_API_URL: 'ftp://example.invalid',
      },
      'pid1: SLACK_API_URL is invalid: it must be an http or https URL, such as https://slack.com/api/.\n',
    ],
  ])('%o is rejected in one line', async (env, message) => {
    const run = await serveWithInput([], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(message);
    expect(run.stderr).not.toContain('xoxb-1-2');
  });
});
