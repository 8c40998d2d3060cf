import type { CheckStep } from '../../diagnosis/check-options.js';
import { inlineCode } from './mrkdwn-escape.js';
import type { SlackMessage } from './slack-message.js';

/** Builds the first reply to a check, sent within Slack's 3-second acknowledgement window. */
export function checkingMessage(image: string): SlackMessage {
  return {
    text: `:hourglass_flowing_sand: Checking ${inlineCode(image)}… The report replaces this message.`,
  };
}

/** Tells the user that the check waits for a free slot, and its position in the queue. */
export function queuedMessage(image: string, position: number): SlackMessage {
  return {
    text: `:hourglass: The check of ${inlineCode(image)} is waiting for a free slot: position ${position} in the queue.`,
  };
}

/** Says which step of the check is running; null for steps too short to be worth a message. */
export function stepMessage(
  image: string,
  step: CheckStep,
  graceSeconds: number,
): SlackMessage | null {
  const name = inlineCode(image);
  switch (step) {
    case 'pulling':
      return { text: `:arrow_down: Pulling ${name}…` };
    case 'starting':
      return { text: `:arrow_forward: Starting ${name}…` };
    case 'probing':
      return { text: `:mag: Reading PID 1, its children and its signal handlers in ${name}…` };
    case 'stopping':
      return {
        text: `:stop_sign: Sent the stop signal to ${name}; waiting up to ${graceSeconds} s for PID 1 to exit…`,
      };
    case 'cleaning-up':
      return null;
  }
}
