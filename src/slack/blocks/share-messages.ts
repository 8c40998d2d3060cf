import type { SlackMessage } from './slack-message.js';

/** Replies to "Share in channel" for a report that is no longer kept. */
export function reportExpiredMessage(maxAgeMinutes: number): SlackMessage {
  return {
    text: `:warning: This report can no longer be shared: pid1 keeps reports in memory for ${maxAgeMinutes} minutes and loses them when it restarts. Run the check again and share the new report.`,
  };
}

/** Replies to "Share in channel" when Slack did not accept the shared copy. */
export function shareFailedMessage(): SlackMessage {
  return {
    text: ':warning: Slack did not accept the shared report. Please try again in a moment.',
  };
}
