import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReport } from './support/payloads.js';
import { postSigned, slashCommandBody } from './support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './support/slack-stand-in.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const form = { contentType: 'application/x-www-form-urlencoded' } as const;

let standIn: SlackStandIn;
let app: TestApp;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  app = await startTestApp(standIn, {
    PID1_USER_CHECKS_PER_MINUTE: '1',
    PID1_MAX_CONCURRENT_CHECKS: '1',
    PID1_PULL: 'never',
  });
});

afterAll(async () => {
  await app.stop();
  await standIn.close();
});

async function slash(text: string, responseId: string, userId: string): Promise<string> {
  const response = await postSigned(
    app.eventsUrl,
    slashCommandBody(text, standIn.responseUrl(responseId), userId),
    form,
  );
  expect(response.status).toBe(200);
  expect(response.elapsedMs).toBeLessThan(3000);
  return String((JSON.parse(response.text) as Record<string, unknown>)['text']);
}

function reportPosted(responseId: string): Promise<unknown> {
  return standIn.waitFor(
    (call) => call.path === `/response/${responseId}` && isReport(call.body),
    90_000,
  );
}

describe('check limits', () => {
  it('second check within a minute is rate limited', async () => {
    expect(await slash('check pid1-case/nginx', 'rate-1', 'URATE')).toBe(
      ':hourglass_flowing_sand: Checking `pid1-case/nginx`… The report replaces this message.',
    );
    const second = await slash('check pid1-case/nginx', 'rate-2', 'URATE');
    expect(second).toMatch(
      /^:raised_hand: You have started 1 check in the last minute, the limit for one user\. Please try again in (59|60) seconds\.$/,
    );
    await reportPosted('rate-1');
  });

  it('check waiting for a slot shows its queue position', async () => {
    await slash('check pid1-case/tutorial-sleep', 'queue-1', 'UQUEUE1');
    const waiting = await slash('check pid1-case/nginx', 'queue-2', 'UQUEUE2');
    expect(waiting).toBe(
      ':hourglass: The check of `pid1-case/nginx` is waiting for a free slot: position 1 in the queue.',
    );
    await reportPosted('queue-1');
    await reportPosted('queue-2');
  });

  it('missing image under PID1_PULL=never reports why', async () => {
    const ack = await slash('check pid1-case/not-built', 'missing', 'UMISSING');
    // The check fails within milliseconds, so under load its reply can be the acknowledgement.
    let reply = ack;
    if (!ack.startsWith(':x:')) {
      const post = await standIn.waitFor(
        (call) => call.path === '/response/missing' && String(call.body['text']).startsWith(':x:'),
      );
      expect(post.body['replace_original']).toBe(true);
      reply = String(post.body['text']);
    }
    expect(reply).toBe(
      ":x: The check of `pid1-case/not-built` could not run: Image 'docker.io/pid1-case/not-built:latest' is not on this Docker engine: pull it first, or set PID1_PULL=missing.",
    );

    const failed = app.logs.find(
      (line) => line['msg'] === 'check could not run' && line['userId'] === 'UMISSING',
    );
    expect(failed?.['code']).toBe('image-not-found');
  });

  it('dead response URL falls back to chat.postEphemeral', async () => {
    standIn.setResponseUrlStatus(404);
    try {
      await slash('check pid1-case/nginx', 'dead', 'UDEAD');
      const fallback = await standIn.waitFor((call) => call.kind === 'chat.postEphemeral', 90_000);
      expect(fallback.body['channel']).toBe('C1234');
      expect(fallback.body['user']).toBe('UDEAD');
      expect(isReport(fallback.body)).toBe(true);
      expect(fallback.authorization).toBe('Bearer xoxb-1234-5678-testtoken');
    } finally {
      standIn.setResponseUrlStatus(200);
    }
  });
});
