import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/diagnosis/check-options.js';
import type { Report } from '../../src/diagnosis/report-schema.js';
import { escapeMrkdwn } from '../../src/slack/blocks/mrkdwn-escape.js';
import { createEngine } from '../../src/docker/engine.js';
import { buttonClickPayload, isReport } from './support/payloads.js';
import {
  interactivityBody,
  postSigned,
  signingSecret,
  slashCommandBody,
  type TimedResponse,
} from './support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const form = { contentType: 'application/x-www-form-urlencoded' } as const;
const checkUsage =
  'Usage: `/pid1 check IMAGE [--cmd "ARGS"] [--entrypoint "ARGS"] [--env KEY=VALUE]... [--tty | --no-tty] [--grace SECONDS] [--full-grace]`';
const rateLimitPattern =
  /^:raised_hand: You have started 6 checks in the last minute, the limit for one user\. Please try again in (\d+) seconds?\.$/;

const engine = createEngine();

let standIn: SlackStandIn;
let app: TestApp;
/** Images passed to the diagnosis engine, one entry per check actually started. */
const startedChecks: string[] = [];

beforeAll(async () => {
  standIn = await startSlackStandIn();
  app = await startTestApp(standIn, {
    PID1_PULL: 'never',
    PID1_USER_CHECKS_PER_MINUTE: '6',
    PID1_DEMO_IMAGE: 'pid1-case/debian:bookworm',
  });
  const runCheck = app.commands.runCheck;
  app.commands.runCheck = (reference: string, options: CheckOptions): Promise<Report> => {
    startedChecks.push(reference);
    return runCheck(reference, options);
  };
});

afterAll(async () => {
  await app.stop();
  await standIn.close();
  const left = await engine.docker.listContainers({
    all: true,
    filters: { label: ['pid1.managed=true'] },
  });
  expect(left.filter((container) => app.createdContainers.includes(container.Id))).toEqual([]);
});

function ackText(response: TimedResponse): string {
  return String((JSON.parse(response.text) as Record<string, unknown>)['text']);
}

function logsOf(userId: string, message: string): Record<string, unknown>[] {
  return app.logs.filter((line) => line['userId'] === userId && line['msg'] === message);
}

/** Waits for the final reply on a response URL: a report, or a line starting with :x:. */
function finalReply(responseId: string): Promise<unknown> {
  return standIn.waitFor(
    (call) =>
      call.path === `/response/${responseId}` &&
      (isReport(call.body) || String(call.body['text']).startsWith(':x:')),
    90_000,
  );
}

describe('replayed requests', () => {
  it('replayed help is answered once', async () => {
    const body = slashCommandBody('help', standIn.responseUrl('replay-help'), 'UREPLAY1');
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await postSigned(app.eventsUrl, body, { ...form, timestamp });
    const replay = await postSigned(app.eventsUrl, body, { ...form, timestamp });

    expect(first.status).toBe(200);
    expect(ackText(first)).toContain('/pid1 check IMAGE');
    expect(replay.status).toBe(200);
    expect(replay.text).toBe('');
    expect(logsOf('UREPLAY1', 'command received')).toHaveLength(1);
  });

  it('concurrent copies are answered once', async () => {
    const body = slashCommandBody('explain zombies', standIn.responseUrl('replay-x'), 'UREPLAY2');
    const timestamp = Math.floor(Date.now() / 1000);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => postSigned(app.eventsUrl, body, { ...form, timestamp })),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.filter((response) => response.text !== '')).toHaveLength(1);
    expect(logsOf('UREPLAY2', 'command received')).toHaveLength(1);
  });

  it('replayed check starts one check', async () => {
    const image = 'pid1-fixture/tini-front';
    const body = slashCommandBody(`check ${image}`, standIn.responseUrl('replay-check'), 'URC');
    const timestamp = Math.floor(Date.now() / 1000);
    const before = startedChecks.length;
    const first = await postSigned(app.eventsUrl, body, { ...form, timestamp });
    const replay = await postSigned(app.eventsUrl, body, { ...form, timestamp });

    expect(ackText(first)).toBe(
      ':hourglass_flowing_sand: Checking `pid1-fixture/tini-front`… The report replaces this message.',
    );
    expect(replay.status).toBe(200);
    expect(replay.text).toBe('');
    await finalReply('replay-check');
    expect(startedChecks.length - before).toBe(1);
    expect(logsOf('URC', 'check finished')).toHaveLength(1);
  });

  it('replayed button click runs once', async () => {
    const payload = buttonClickPayload({
      actionId: 'pid1_explain_topic',
      value: 'zombies',
      responseUrl: standIn.responseUrl('replay-click'),
      userId: 'UREPLAY3',
    });
    const body = interactivityBody(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await postSigned(app.eventsUrl, body, { ...form, timestamp });
    const replay = await postSigned(app.eventsUrl, body, { ...form, timestamp });

    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.text).toBe('');
    await standIn.waitFor((call) => call.path === '/response/replay-click');
    // Give a second delivery time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(standIn.calls.filter((call) => call.path === '/response/replay-click')).toHaveLength(1);
  });

  it('new timestamp is a new request', async () => {
    const body = slashCommandBody('help', standIn.responseUrl('replay-new'), 'UREPLAY4');
    const now = Math.floor(Date.now() / 1000);
    const first = await postSigned(app.eventsUrl, body, { ...form, timestamp: now - 1 });
    const second = await postSigned(app.eventsUrl, body, { ...form, timestamp: now });

    expect(ackText(first)).toContain('/pid1 check IMAGE');
    expect(ackText(second)).toContain('/pid1 check IMAGE');
    expect(logsOf('UREPLAY4', 'command received')).toHaveLength(2);
  });

  it('replay log has no secret or signature', () => {
    const replays = app.logs.filter((line) =>
      String(line['msg']).startsWith('ignored a replayed Slack request'),
    );
    expect(replays.length).toBeGreaterThanOrEqual(4);
    expect(replays[0]).toMatchObject({ level: 40, userId: 'UREPLAY1', type: '/pid1' });
    expect(typeof replays[0]?.['requestTimestamp']).toBe('number');
    const raw = app.rawLog.filter((line) => line.includes('ignored a replayed')).join('\n');
    expect(raw).not.toContain('v0=');
    expect(raw).not.toContain(signingSecret);
    expect(raw).not.toContain('xoxb-');
  });
});

describe('flood from one user', () => {
  it('30 checks: 6 run, 24 get a retry time', async () => {
    const image = 'pid1-fixture/tini-front';
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        postSigned(
          app.eventsUrl,
          slashCommandBody(`check ${image}`, standIn.responseUrl(`flood-${index}`), 'UFLOOD'),
          form,
        ),
      ),
    );
    const texts = responses.map(ackText);
    const limited = texts.filter((text) => rateLimitPattern.test(text));
    const accepted = texts.filter((text) => !rateLimitPattern.test(text));
    const waits = limited.map((text) => Number(rateLimitPattern.exec(text)?.[1]));
    console.info(`flood of 30 checks: ${accepted.length} accepted, ${limited.length} rate-limited`);
    console.info(`first rate-limit message: ${limited[0] ?? '(none)'}`);

    expect(Math.max(...responses.map((response) => response.elapsedMs))).toBeLessThan(3000);
    expect(limited).toHaveLength(24);
    expect(accepted).toHaveLength(6);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
    }
    expect(logsOf('UFLOOD', 'check rejected by the per-user rate limit')).toHaveLength(24);

    const acceptedIds = responses.flatMap((response, index) =>
      rateLimitPattern.test(ackText(response)) ? [] : [`flood-${index}`],
    );
    await Promise.all(acceptedIds.map(finalReply));
    expect(logsOf('UFLOOD', 'check finished')).toHaveLength(6);
  });

  it('demos share the limit with checks', async () => {
    const texts: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      const check = await postSigned(
        app.eventsUrl,
        slashCommandBody(
          'check pid1-fixture/tini-front',
          standIn.responseUrl(`mix-check-${index}`),
          'UMIX',
        ),
        form,
      );
      texts.push(ackText(check));
    }
    const demos = await Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        postSigned(
          app.eventsUrl,
          slashCommandBody('demo sleep', standIn.responseUrl(`mix-demo-${index}`), 'UMIX'),
          form,
        ),
      ),
    );
    const demoTexts = demos.map(ackText);

    expect(texts.filter((text) => rateLimitPattern.test(text))).toHaveLength(0);
    expect(demoTexts.filter((text) => rateLimitPattern.test(text))).toHaveLength(2);
    expect(logsOf('UMIX', 'demo rejected by the per-user rate limit')).toHaveLength(2);

    await Promise.all([0, 1, 2, 3].map((index) => finalReply(`mix-check-${index}`)));
    const acceptedDemos = demoTexts.flatMap((text, index) =>
      rateLimitPattern.test(text) ? [] : [`mix-demo-${index}`],
    );
    await Promise.all(
      acceptedDemos.map((id) =>
        standIn.waitFor(
          (call) => call.path === `/response/${id}` && call.body['blocks'] !== undefined,
          90_000,
        ),
      ),
    );
  });
});

describe('identical concurrent checks', () => {
  it('three users share one run', async () => {
    const before = startedChecks.length;
    const users = ['USHARE1', 'USHARE2', 'USHARE3'];
    const responses = await Promise.all(
      users.map((userId) =>
        postSigned(
          app.eventsUrl,
          slashCommandBody(
            'check pid1-fixture/drops-sigterm --grace 2',
            standIn.responseUrl(`share-${userId}`),
            userId,
          ),
          form,
        ),
      ),
    );
    for (const response of responses) expect(response.elapsedMs).toBeLessThan(3000);
    await Promise.all(users.map((userId) => finalReply(`share-${userId}`)));

    expect(startedChecks.length - before).toBe(1);
    const checkIds = users.map((userId) => logsOf(userId, 'check finished')[0]?.['checkId']);
    expect(typeof checkIds[0]).toBe('string');
    expect(new Set(checkIds).size).toBe(1);
    const joined = users.filter((userId) => logsOf(userId, 'check finished')[0]?.['joined']);
    expect(joined).toHaveLength(2);
  });
});

describe('text never reaches a shell', () => {
  const marker = `/tmp/pid1-pwned-${process.pid}`;

  it.each([
    [`check nginx --cmd "sleep 1; touch ${marker}"`, "';'"],
    [`check nginx --cmd "sleep 1 && touch ${marker}"`, "'&&'"],
    [`check nginx --cmd "sleep 1 | touch ${marker}"`, "'|'"],
    [`check nginx --cmd "sleep 1 > ${marker}"`, "'>'"],
    [`check nginx --entrypoint "touch ${marker};"`, "';'"],
  ])('%s is rejected', async (text, operator) => {
    expect(existsSync(marker)).toBe(false);
    const before = startedChecks.length;
    // Slack delivers &, < and > escaped, and pid1 escapes them again when it echoes the text.
    const response = await postSigned(
      app.eventsUrl,
      slashCommandBody(escapeMrkdwn(text), standIn.responseUrl('shell'), 'USHELL'),
      form,
    );
    const option = text.includes('--cmd') ? '--cmd' : '--entrypoint';
    const value = /"([^"]*)"/.exec(text)?.[1] ?? '';
    const message = `${option} '${value}' is invalid: it contains the shell operator ${operator}, and pid1 never runs a shell; to use one, write it out: ${option} "sh -c '…'".`;

    expect(response.status).toBe(200);
    expect(ackText(response)).toBe(`:warning: ${escapeMrkdwn(message)}\n${checkUsage}`);
    expect(startedChecks.length).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(marker)).toBe(false);
  });

  it('the exact /tmp/pwned command is rejected', async () => {
    // Another program may have made /tmp/pwned, so the test checks that this request made none.
    const existedBefore = existsSync('/tmp/pwned');
    const response = await postSigned(
      app.eventsUrl,
      slashCommandBody(
        'check nginx --cmd "sleep 1; touch /tmp/pwned"',
        standIn.responseUrl('pwned'),
        'USHELL',
      ),
      form,
    );
    expect(ackText(response)).toBe(
      `:warning: --cmd 'sleep 1; touch /tmp/pwned' is invalid: it contains the shell operator ';', and pid1 never runs a shell; to use one, write it out: --cmd "sh -c '…'".\n${checkUsage}`,
    );
    expect(logsOf('USHELL', 'check finished')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync('/tmp/pwned')).toBe(existedBefore);
  });
});
