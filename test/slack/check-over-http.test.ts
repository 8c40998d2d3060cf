import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/docker/engine.js';
import { blocksOf, buttonClickPayload, buttonsOf, isReport } from './support/payloads.js';
import { interactivityBody, postSigned, slashCommandBody } from './support/signed-request.js';
import {
  startSlackStandIn,
  type RecordedCall,
  type SlackStandIn,
} from './support/slack-stand-in.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const form = { contentType: 'application/x-www-form-urlencoded' } as const;

let standIn: SlackStandIn;
let app: TestApp;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  app = await startTestApp(standIn, {
    PID1_DEMO_IMAGE: 'pid1-case/debian:bookworm',
    PID1_PULL: 'never',
  });
});

afterAll(async () => {
  await app.stop();
  await standIn.close();
  // Only this app's containers count, because other test runs may share the engine.
  const left = await createEngine().docker.listContainers({
    all: true,
    filters: { label: ['pid1.managed=true'] },
  });
  expect(app.createdContainers.length).toBeGreaterThan(0);
  expect(left.filter((container) => app.createdContainers.includes(container.Id))).toEqual([]);
});

interface TimedCheck {
  ack: Record<string, unknown>;
  ackMs: number;
  report: RecordedCall;
  reportMs: number;
  posts: RecordedCall[];
}

/** Sends `/pid1 TEXT`, then waits for the report on the response URL; times both from the send. */
async function checkOverHttp(
  text: string,
  responseId: string,
  userId = 'U1234',
): Promise<TimedCheck> {
  const startedAt = Date.now();
  const response = await postSigned(
    app.eventsUrl,
    slashCommandBody(text, standIn.responseUrl(responseId), userId),
    form,
  );
  expect(response.status).toBe(200);
  // The final reply is the report, or the reason the check could not run, which then fails the test.
  const report = await standIn.waitFor(
    (call) =>
      call.path === `/response/${responseId}` &&
      (isReport(call.body) || /^:(x|warning):/.test(String(call.body['text']))),
    90_000,
  );
  expect(isReport(report.body), String(report.body['text'])).toBe(true);
  return {
    ack: JSON.parse(response.text) as Record<string, unknown>,
    ackMs: response.elapsedMs,
    report,
    reportMs: report.receivedAt - startedAt,
    posts: standIn.calls.filter((call) => call.path === `/response/${responseId}`),
  };
}

function sectionTexts(body: Record<string, unknown>): string[] {
  return blocksOf(body).flatMap((block) =>
    block.type === 'section' && block.text !== undefined ? [block.text.text] : [],
  );
}

describe('check over HTTP', () => {
  let sleepReport: RecordedCall;

  it('healthy image: ack, then the report', async () => {
    const result = await checkOverHttp('check pid1-case/nginx', 'nginx');
    console.info(
      `pid1-case/nginx: ack ${result.ackMs.toFixed(0)} ms, report ${result.reportMs} ms`,
    );
    expect(result.ackMs).toBeLessThan(3000);
    expect(result.ack).toEqual({
      response_type: 'ephemeral',
      text: ':hourglass_flowing_sand: Checking `pid1-case/nginx`… The report replaces this message.',
    });
    const body = result.report.body;
    expect(body['response_type']).toBe('ephemeral');
    expect(body['replace_original']).toBe(true);
    expect(body['text']).toBe('pid1 check of docker.io/pid1-case/nginx:latest: healthy');
    expect(blocksOf(body)[0]?.text?.text).toBe('pid1 check: docker.io/pid1-case/nginx:latest');
    expect(sectionTexts(body)[0]).toBe(
      ':white_check_mark: *Healthy.* PID 1 exits on SIGQUIT within the grace and reaps orphans.',
    );
    expect(result.posts.length).toBeLessThanOrEqual(5);
    expect(result.posts.at(-1)).toBe(result.report);

    const checkId = app.logs.find(
      (line) => line['msg'] === 'check finished' && line['image'] === 'pid1-case/nginx',
    )?.['checkId'];
    expect(typeof checkId).toBe('string');
    expect(buttonsOf(body)).toEqual([
      { actionId: 'pid1_rerun_check', value: 'check pid1-case/nginx' },
      { actionId: 'pid1_share_report', value: checkId },
    ]);
    const finished = app.logs.find(
      (line) => line['msg'] === 'check finished' && line['checkId'] === checkId,
    );
    expect(finished).toMatchObject({
      userId: 'U1234',
      command: 'check',
      source: 'slash-command',
      verdict: 'healthy',
    });
    expect(typeof finished?.['durationMs']).toBe('number');
  });

  it('image with problems: findings with fixes and buttons', async () => {
    const result = await checkOverHttp('check pid1-case/tutorial-sleep', 'sleep');
    console.info(
      `pid1-case/tutorial-sleep: ack ${result.ackMs.toFixed(0)} ms, report ${result.reportMs} ms`,
    );
    expect(result.ackMs).toBeLessThan(3000);
    expect(result.ack['text']).toBe(
      ':hourglass_flowing_sand: Checking `pid1-case/tutorial-sleep`… The report replaces this message.',
    );

    sleepReport = result.report;
    const body = result.report.body;
    expect(body['text']).toBe(
      'pid1 check of docker.io/pid1-case/tutorial-sleep:latest: problems found (1 error, 1 warning)',
    );

    const sections = sectionTexts(body);
    expect(sections[0]).toBe(':x: *Problems found:* 1 error, 1 warning.');
    expect(
      sections.some((text) => text.startsWith(':red_circle: *Error* `stop-signal-ignored`\n')),
    ).toBe(true);
    expect(
      sections.some((text) => text.startsWith(':warning: *Warning* `orphans-not-reaped`\n')),
    ).toBe(true);
    expect(sections.filter((text) => text.startsWith('*Fix*\n```')).length).toBe(2);

    const buttons = buttonsOf(body);
    expect(buttons.slice(0, 2)).toEqual([
      { actionId: 'pid1_explain_topic-0', value: 'signals' },
      { actionId: 'pid1_explain_topic-1', value: 'zombies' },
    ]);
    expect(buttons[2]).toEqual({
      actionId: 'pid1_rerun_check',
      value: 'check pid1-case/tutorial-sleep',
    });
    expect(buttons[3]?.actionId).toBe('pid1_share_report');

    expect(result.posts.length).toBeLessThanOrEqual(5);
    expect(
      result.posts
        .slice(0, -1)
        .every((post) => post.body['replace_original'] === true && !isReport(post.body)),
    ).toBe(true);
  });

  it('explain button sends the topic', async () => {
    const payload = buttonClickPayload({
      actionId: 'pid1_explain_topic-0',
      value: 'signals',
      responseUrl: standIn.responseUrl('explain-click'),
    });
    const response = await postSigned(app.eventsUrl, interactivityBody(payload), form);
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3000);
    const post = await standIn.waitFor((call) => call.path === '/response/explain-click');
    expect(post.body['response_type']).toBe('ephemeral');
    expect(post.body['replace_original']).toBe(false);
    expect(blocksOf(post.body)[0]?.type).toBe('header');
  });

  it('share button posts the report in the channel', async () => {
    const checkId =
      buttonsOf(sleepReport.body).find((button) => button.actionId === 'pid1_share_report')
        ?.value ?? '';
    const payload = buttonClickPayload({
      actionId: 'pid1_share_report',
      value: checkId,
      responseUrl: standIn.responseUrl('share-click'),
    });
    const response = await postSigned(app.eventsUrl, interactivityBody(payload), form);
    expect(response.status).toBe(200);
    const post = await standIn.waitFor((call) => call.path === '/response/share-click');
    expect(post.body['response_type']).toBe('in_channel');
    expect(post.body['replace_original']).toBe(false);
    const blocks = blocksOf(post.body);
    expect(blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U1234>' }],
    });
    expect(buttonsOf(post.body).map((button) => button.actionId)).toEqual([
      'pid1_explain_topic-0',
      'pid1_explain_topic-1',
    ]);
  });

  it('share of an unknown report says so', async () => {
    const payload = buttonClickPayload({
      actionId: 'pid1_share_report',
      value: 'gone',
      responseUrl: standIn.responseUrl('share-gone'),
    });
    await postSigned(app.eventsUrl, interactivityBody(payload), form);
    const post = await standIn.waitFor((call) => call.path === '/response/share-gone');
    expect(post.body).toEqual({
      text: ':warning: This report can no longer be shared: pid1 keeps reports in memory for 60 minutes and loses them when it restarts. Run the check again and share the new report.',
      response_type: 'ephemeral',
      replace_original: false,
    });
  });

  it('re-run button replaces the report', async () => {
    const payload = buttonClickPayload({
      actionId: 'pid1_rerun_check',
      value: 'check pid1-case/nginx',
      responseUrl: standIn.responseUrl('rerun-click'),
    });
    const response = await postSigned(app.eventsUrl, interactivityBody(payload), form);
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3000);
    const report = await standIn.waitFor(
      (call) => call.path === '/response/rerun-click' && isReport(call.body),
      90_000,
    );
    const posts = standIn.calls.filter((call) => call.path === '/response/rerun-click');
    expect(posts[0]?.body['text']).toBe(
      ':hourglass_flowing_sand: Checking `pid1-case/nginx`… The report replaces this message.',
    );
    expect(posts.every((post) => post.body['replace_original'] === true)).toBe(true);
    expect(posts.length).toBeLessThanOrEqual(5);
    expect(report.body['text']).toBe('pid1 check of docker.io/pid1-case/nginx:latest: healthy');
  });

  it('demo without a scenario lists them', async () => {
    const response = await postSigned(
      app.eventsUrl,
      slashCommandBody('demo', standIn.responseUrl('demo-list')),
      form,
    );
    const text = String((JSON.parse(response.text) as Record<string, unknown>)['text']);
    expect(text.split('\n')[0]).toBe(
      'Demo scenarios. Run one with `/pid1 demo SCENARIO`; it starts short-lived containers and shows what they print.',
    );
    expect(
      text
        .split('\n')
        .slice(1)
        .map((line) => line.split('`')[1]),
    ).toEqual(['bash', 'sleep', 'init', 'zombies', 'signals']);
  });

  it('demo with an unknown scenario suggests one', async () => {
    const response = await postSigned(
      app.eventsUrl,
      slashCommandBody('demo zombie', standIn.responseUrl('demo-typo')),
      form,
    );
    expect(JSON.parse(response.text)).toEqual({
      response_type: 'ephemeral',
      text: ":warning: Demo scenario 'zombie' is not known. Did you mean 'zombies'? Scenarios: bash, sleep, init, zombies, signals.",
    });
  });

  it('demo runs and replaces its progress', async () => {
    const response = await postSigned(
      app.eventsUrl,
      slashCommandBody('demo sleep', standIn.responseUrl('demo-sleep'), 'UDEMO'),
      form,
    );
    expect(response.elapsedMs).toBeLessThan(3000);
    expect((JSON.parse(response.text) as Record<string, unknown>)['text']).toBe(
      ':hourglass_flowing_sand: Running demo `sleep`… The result replaces this message.',
    );
    const result = await standIn.waitFor(
      (call) => call.path === '/response/demo-sleep' && blocksOf(call.body)[0]?.type === 'header',
      90_000,
    );
    expect(blocksOf(result.body)[0]?.text?.text).toBe('pid1 demo sleep: Another program as PID 1');
    expect(result.body['replace_original']).toBe(true);
    expect(blocksOf(result.body)[1]?.text?.text).toMatch(/^`\$ docker run /);
  });
});
