import type { SlackMessage } from '../blocks/slack-message.js';

export interface ResponseUrlPayload extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  replace_original: boolean;
}

/** Milliseconds to wait for Slack to accept a post before giving up on it. */
const postTimeoutMs = 10_000;

/**
 * Posts a message to a response URL, as given in a signed request. Throws when the response URL
 * returns an error status, as an expired or used-up one does, or does not respond in time.
 */
export async function postToResponseUrl(
  responseUrl: string,
  payload: ResponseUrlPayload,
): Promise<void> {
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(postTimeoutMs),
  });
  // Drain the body so the connection can be reused.
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`the response URL returned HTTP ${response.status}`);
}
