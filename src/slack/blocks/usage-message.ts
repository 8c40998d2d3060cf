import { escapeMrkdwn } from './mrkdwn-escape.js';
import type { SlackMessage } from './slack-message.js';

export const checkUsageLine =
  '`/pid1 check IMAGE [--cmd "ARGS"] [--entrypoint "ARGS"] [--env KEY=VALUE]... [--tty | --no-tty] [--grace SECONDS] [--full-grace]`';

const usageLines = [
  `${checkUsageLine}\n    Runs IMAGE, stops it as \`docker stop\` does and reports what PID 1 did. \`--cmd\` replaces the image's CMD, \`--entrypoint\` its ENTRYPOINT, \`--grace\` sets the seconds to wait after the stop signal, and \`--full-grace\` waits them out even when PID 1 has visibly dropped the signal.`,
  '`/pid1 explain [TOPIC or question]`\n    Explains a topic such as `zombies` or `signals`, or answers a question. Without an argument, lists the topics.',
  '`/pid1 demo SCENARIO`\n    Runs a side-by-side demo. Without an argument, lists the scenarios.',
  '`/pid1 help`\n    Shows this message.',
];

/** Builds the help message: what pid1 does and each sub-command, or the usage of `check` alone. */
export function helpMessage(subcommand: 'check' | null = null): SlackMessage {
  if (subcommand === 'check') return { text: usageLines[0] ?? checkUsageLine };
  const intro =
    '*pid1* runs a container image, stops it and reports what its PID 1 did with the stop signal and with orphaned processes, and what to change.';
  const mentions = 'You can also mention @pid1 with the same words, or send it a direct message.';
  return { text: [intro, '', ...usageLines, '', mentions].join('\n') };
}

/**
 * Replies to a command pid1 could not parse: the reason, escaped because it quotes what the user
 * typed, then the usage of `check`, of every sub-command, or none.
 */
export function usageErrorMessage(reason: string, usage: 'all' | 'check' | null): SlackMessage {
  const warning = `:warning: ${escapeMrkdwn(reason)}`;
  if (usage === null) return { text: warning };
  const lines = usage === 'check' ? `Usage: ${checkUsageLine}` : `Usage:\n${usageLines.join('\n')}`;
  return { text: `${warning}\n${lines}` };
}
