import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksOf, buttonClickPayload, isReport } from './support/payloads.js';
import { eventBody, interactivityBody, postSigned } from './support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const json = { contentType: 'application/json' } as const;

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

function mention(
  text: string,
  ts: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { type: 'app_mention', user: 'U1234', text, ts, channel: 'C1234', event_ts: ts, ...extra };
}

function directMessage(
  text: string,
  ts: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    channel_type: 'im',
    user: 'U1234',
    text,
    ts,
    channel: 'D1234',
    event_ts: ts,
    ...extra,
  };
}

async function sendEvent(event: Record<string, unknown>, eventId: string): Promise<void> {
  const response = await postSigned(app.eventsUrl, eventBody(event, eventId), json);
  expect(response.status).toBe(200);
  expect(response.elapsedMs).toBeLessThan(3000);
}

describe('mentions and direct messages', () => {
  it('mention with explain replies in its thread', async () => {
    await sendEvent(mention('<@UBOT> explain zombies', '1700000100.000100'), 'Ev-mention-1');
    const reply = await standIn.waitFor(
      (call) => call.kind === 'chat.postMessage' && call.body['thread_ts'] === '1700000100.000100',
    );
    expect(reply.body['channel']).toBe('C1234');
    expect(String(reply.body['text'])).toMatch(/^Zombies, orphans and reaping: /);
    expect(blocksOf(reply.body)[0]?.text?.text).toBe('Zombies, orphans and reaping');
  });

  it('mention inside a thread replies in that thread', async () => {
    await sendEvent(
      mention('<@UBOT> help', '1700000101.000200', { thread_ts: '1700000100.000100' }),
      'Ev-mention-2',
    );
    const reply = await standIn.waitFor(
      (call) =>
        call.kind === 'chat.postMessage' &&
        String(call.body['text']).startsWith('*pid1* runs a container image'),
    );
    expect(reply.body['thread_ts']).toBe('1700000100.000100');
  });

  it('mention with check posts progress, then the report', async () => {
    await sendEvent(mention('<@UBOT> check pid1-case/nginx', '1700000102.000300'), 'Ev-mention-3');
    const first = await standIn.waitFor(
      (call) => call.kind === 'chat.postMessage' && call.body['thread_ts'] === '1700000102.000300',
    );
    expect(first.body['text']).toBe(
      ':hourglass_flowing_sand: Checking `pid1-case/nginx`… The report replaces this message.',
    );
    const update = await standIn.waitFor(
      (call) => call.kind === 'chat.update' && isReport(call.body),
      90_000,
    );
    expect(update.body['channel']).toBe('C1234');
    expect(update.body['ts']).toBe(first.result?.['ts']);
    // A report in a thread is seen by everyone, so it has no share button.
    expect(JSON.stringify(update.body)).not.toContain('pid1_share_report');
  });

  it('free-text question in a DM gets an explanation', async () => {
    await sendEvent(directMessage('what is a zombie process?', '1700000200.000100'), 'Ev-dm-1');
    const reply = await standIn.waitFor(
      (call) => call.kind === 'chat.postMessage' && call.body['thread_ts'] === '1700000200.000100',
    );
    expect(reply.body['channel']).toBe('D1234');
    const blocks = blocksOf(reply.body);
    expect(blocks[0]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: "Best match for 'what is a zombie process?':" }],
    });
  });

  it('DM with a special mention echoes it escaped', async () => {
    await sendEvent(directMessage('explain <!channel> please', '1700000201.000100'), 'Ev-dm-2');
    const reply = await standIn.waitFor(
      (call) => call.kind === 'chat.postMessage' && call.body['thread_ts'] === '1700000201.000100',
    );
    const raw = JSON.stringify(reply.body);
    expect(raw).not.toContain('<!channel>');
    expect(raw).toContain('&lt;!channel&gt;');
  });

  it('DM from a bot or an edit is ignored', async () => {
    await sendEvent(directMessage('help', '1700000202.000100', { bot_id: 'BBOT' }), 'Ev-dm-3');
    await sendEvent(
      directMessage('help', '1700000203.000100', { subtype: 'message_changed' }),
      'Ev-dm-4',
    );
    await sendEvent(directMessage('help', '1700000204.000100'), 'Ev-dm-5');
    await standIn.waitFor(
      (call) => call.kind === 'chat.postMessage' && call.body['thread_ts'] === '1700000204.000100',
    );
    const threads = standIn.calls.map((call) => call.body['thread_ts']);
    expect(threads).not.toContain('1700000202.000100');
    expect(threads).not.toContain('1700000203.000100');
  });

  it('retried event is answered once', async () => {
    await sendEvent(directMessage('help', '1700000205.000100'), 'Ev-dm-6');
    await sendEvent(directMessage('help', '1700000205.000100'), 'Ev-dm-6');
    await standIn.waitFor(
      (call) => call.kind === 'chat.postMessage' && call.body['thread_ts'] === '1700000205.000100',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      standIn.calls.filter((call) => call.body['thread_ts'] === '1700000205.000100').length,
    ).toBe(1);
  });

  it('re-run of a thread report edits it in place', async () => {
    const payload = buttonClickPayload({
      actionId: 'pid1_rerun_check',
      value: 'check pid1-case/nginx',
      responseUrl: standIn.responseUrl('thread-rerun'),
      isEphemeral: false,
      messageTs: '1700000300.000100',
    });
    const response = await postSigned(app.eventsUrl, interactivityBody(payload), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(200);
    const update = await standIn.waitFor(
      (call) =>
        call.kind === 'chat.update' &&
        call.body['ts'] === '1700000300.000100' &&
        isReport(call.body),
      90_000,
    );
    expect(update.body['channel']).toBe('C1234');
    expect(standIn.calls.filter((call) => call.path === '/response/thread-rerun')).toEqual([]);
  });
});
