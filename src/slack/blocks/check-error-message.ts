import { Pid1Error } from '../../errors.js';
import { escapeMrkdwn, inlineCode } from './mrkdwn-escape.js';
import type { SlackMessage } from './slack-message.js';

/**
 * Replies to a check that could not run. A Pid1Error carries a message for the user, shown
 * escaped. Any other error is a bug, so the user gets the request id to report and the log gets
 * the details.
 */
export function checkErrorMessage(image: string, error: unknown, requestId: string): SlackMessage {
  if (error instanceof Pid1Error) {
    if (error.isInputError) return { text: `:warning: ${escapeMrkdwn(error.message)}` };
    return {
      text: `:x: The check of ${inlineCode(image)} could not run: ${escapeMrkdwn(error.message)}`,
    };
  }
  return {
    text: `:x: The check of ${inlineCode(image)} failed with an unexpected error. It is logged under request id ${inlineCode(requestId)}; please report it with that id.`,
  };
}

/** Replies to a command that failed with a bug, giving the id under which the error is logged. */
export function unexpectedErrorMessage(requestId: string): SlackMessage {
  return {
    text: `:x: pid1 failed to answer because of an unexpected error. It is logged under request id ${inlineCode(requestId)}; please report it with that id.`,
  };
}
