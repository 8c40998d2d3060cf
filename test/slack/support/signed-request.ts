import { createHmac } from 'node:crypto';

export const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';
export const botToken = 'xoxb-1234-5678-testtoken';

/** Slack's request signature: `v0=` and the hex HMAC-SHA256 of `v0:TIMESTAMP:BODY`. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature, to forge one. */
  signature?: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
}

export interface TimedResponse {
  status: number;
  text: string;
  /** Milliseconds from sending the request to receiving the whole response. */
  elapsedMs: number;
}

/** Posts `body` to the app as Slack would, signed with the test signing secret. */
export async function postSigned(
  url: string,
  body: string,
  options: SignedPostOptions,
): Promise<TimedResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const startedAt = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signatureOf(signingSecret, timestamp, body),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, elapsedMs: performance.now() - startedAt };
}

/** Builds the form body of a `/pid1` slash command. */
export function slashCommandBody(text: string, responseUrl: string, userId = 'U1234'): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1234',
    team_domain: 'example',
    channel_id: 'C1234',
    channel_name: 'general',
    user_id: userId,
    user_name: 'tester',
    command: '/pid1',
    text,
    api_app_id: 'A1234',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1234.5678.abcd',
  }).toString();
}

/** Builds the form body of an interactivity request: `payload=` and the JSON payload. */
export function interactivityBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Builds the JSON body of an Events API request carrying `event`. */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1234',
    api_app_id: 'A1234',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1234', user_id: 'UBOT', is_bot: true }],
  });
}
