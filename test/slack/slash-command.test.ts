import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpMessage } from '../../src/slack/blocks/usage-message.js';
import {
  botToken,
  postSigned,
  signatureOf,
  signingSecret,
  slashCommandBody,
} from './support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const form = { contentType: 'application/x-www-form-urlencoded' } as const;
const checkUsage =
  'Usage: `/pid1 check IMAGE [--cmd "ARGS"] [--entrypoint "ARGS"] [--env KEY=VALUE]... [--tty | --no-tty] [--grace SECONDS] [--full-grace]`';

let standIn: SlackStandIn;
let app: TestApp;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  app = await startTestApp(standIn);
});

afterAll(async () => {
  await app.stop();
  await standIn.close();
});

async function slash(
  text: string,
  responseId = 'slash',
): Promise<{ status: number; body: Record<string, unknown>; elapsedMs: number }> {
  const response = await postSigned(
    app.eventsUrl,
    slashCommandBody(text, standIn.responseUrl(responseId)),
    form,
  );
  return {
    status: response.status,
    body: JSON.parse(response.text) as Record<string, unknown>,
    elapsedMs: response.elapsedMs,
  };
}

describe('/pid1 over signed HTTP', () => {
  it('help answers in the acknowledgement', async () => {
    const reply = await slash('help');
    expect(reply.status).toBe(200);
    expect(reply.elapsedMs).toBeLessThan(3000);
    expect(reply.body['response_type']).toBe('ephemeral');
    expect(reply.body['text']).toBe(helpMessage().text);
    expect(String(reply.body['text'])).toMatch(
      /^\*pid1\* runs a container image, stops it and reports what its PID 1 did with the stop signal and with orphaned processes, and what to change\.\n/,
    );
  });

  it('empty text shows the help', async () => {
    const reply = await slash('');
    expect(reply.body['text']).toBe(helpMessage().text);
  });

  it('check --help shows the check usage', async () => {
    const reply = await slash('check --help');
    expect(String(reply.body['text'])).toBe(helpMessage('check').text);
  });

  it('explain TOPIC returns the topic blocks', async () => {
    const reply = await slash('explain zombies');
    expect(reply.elapsedMs).toBeLessThan(3000);
    const blocks = reply.body['blocks'] as { type: string; text?: { text: string } }[];
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Zombies, orphans and reaping' },
    });
    expect(blocks[1]?.type).toBe('section');
    expect(String(reply.body['text'])).toMatch(/^Zombies, orphans and reaping: /);
  });

  it('explain without a topic lists the topics', async () => {
    const reply = await slash('explain');
    expect(String(reply.body['text'])).toMatch(/^pid1 topics: /);
    expect(String(reply.body['text'])).toContain('zombies');
  });

  it('unknown sub-command gets the usage', async () => {
    const reply = await slash('frobnicate now');
    expect(reply.body['response_type']).toBe('ephemeral');
    expect(String(reply.body['text']).split('\n').slice(0, 3)).toEqual([
      ":warning: Unknown sub-command 'frobnicate'.",
      'Usage:',
      '`/pid1 check IMAGE [--cmd "ARGS"] [--entrypoint "ARGS"] [--env KEY=VALUE]... [--tty | --no-tty] [--grace SECONDS] [--full-grace]`',
    ]);
  });

  it('unknown option gets the check usage', async () => {
    const reply = await slash('check nginx --bogus');
    expect(reply.body['text']).toBe(`:warning: Unknown option '--bogus'.\n${checkUsage}`);
  });

  it('check without an image gets the check usage', async () => {
    const reply = await slash('check');
    expect(reply.body['text']).toBe(
      `:warning: Name the image to check, as in \`/pid1 check nginx:1.27\`.\n${checkUsage}`,
    );
  });

  it('shell operator in check is rejected', async () => {
    const reply = await slash('check nginx --cmd "sleep 1" ; rm -rf /');
    expect(reply.body['text']).toBe(
      `:warning: Shell operator ';' is not allowed: pid1 runs no shell, so quote it if it is part of an argument.\n${checkUsage}`,
    );
  });

  it('bad image reference answers at once', async () => {
    const reply = await slash('check Ubuntu:22.04', 'bad-image');
    expect(reply.elapsedMs).toBeLessThan(3000);
    expect(reply.body).toEqual({
      response_type: 'ephemeral',
      text: ":warning: Image reference 'Ubuntu:22.04' is invalid: repository names must be lowercase.",
    });
    expect(standIn.calls.filter((call) => call.path === '/response/bad-image')).toEqual([]);
  });

  it('echoed special mentions are escaped', async () => {
    const reply = await slash('explain <!channel> and <@U999> & <!here>');
    const raw = JSON.stringify(reply.body);
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('<@U999>');
    expect(raw).not.toContain('<!here>');
    expect(raw).toContain('&lt;!channel&gt; and &lt;@U999&gt; &amp; &lt;!here&gt;');
  });

  it('escaped command text is escaped once when echoed', async () => {
    // Slack sends &, < and > escaped in command text; pid1 must not escape them twice.
    const quoted = await slash('check "&lt;!channel&gt;"');
    expect(quoted.body['text']).toBe(
      ":warning: Image reference '&lt;!channel&gt;' is invalid: the path component '&lt;!channel&gt;' may contain only lowercase letters, digits and single '.', '_', '__' or '-' separators between them.",
    );
    const unquoted = await slash('check &lt;!channel&gt;');
    expect(unquoted.body['text']).toBe(
      `:warning: Shell operator '&lt;' is not allowed: pid1 runs no shell, so quote it if it is part of an argument.\n${checkUsage}`,
    );
  });
});

describe('request verification', () => {
  it('forged signature gets 401', async () => {
    const before = standIn.calls.length;
    const body = slashCommandBody('help', standIn.responseUrl('forged'));
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await postSigned(app.eventsUrl, body, {
      ...form,
      timestamp,
      signature: signatureOf('not-the-secret', timestamp, body),
    });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
    expect(standIn.calls.length).toBe(before);
  });

  it('stale timestamp gets 401', async () => {
    const body = slashCommandBody('help', standIn.responseUrl('stale'));
    const response = await postSigned(app.eventsUrl, body, {
      ...form,
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(response.status).toBe(401);
  });

  it('missing signature gets 401', async () => {
    const response = await fetch(app.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: slashCommandBody('help', standIn.responseUrl('unsigned')),
    });
    expect(response.status).toBe(401);
  });
});

describe('health and logs', () => {
  it('healthz reports engine and Slack', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ engine: 'reachable', slack: 'ok', mode: 'http' });
  });

  it('logs one line per command, without secrets', async () => {
    await slash('help', 'logged');
    const received = app.logs.filter((line) => line['msg'] === 'command received');
    expect(received.length).toBeGreaterThan(0);
    expect(received.at(-1)).toMatchObject({
      userId: 'U1234',
      source: 'slash-command',
      command: 'help',
    });
    const log = app.rawLog.join('\n');
    expect(log).not.toContain(botToken);
    expect(log).not.toContain(signingSecret);
  });
});
