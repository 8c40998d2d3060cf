import type { DemoResult } from '../../demo/demo-result.js';
import { demoScenarios } from '../../demo/demo-scenarios.js';
import { blockLimits, codeBlock, truncateMrkdwn, truncatePlain } from './block-limits.js';
import { escapeMrkdwn, inlineCode } from './mrkdwn-escape.js';
import type { MessageBlock, SlackMessage } from './slack-message.js';

/** Replies to `demo` without a scenario: each scenario with what it shows. */
export function demoListMessage(): SlackMessage {
  const lines = demoScenarios.map(
    (scenario) => `• \`${scenario.id}\`: ${escapeMrkdwn(scenario.description)}`,
  );
  return {
    text: `Demo scenarios. Run one with \`/pid1 demo SCENARIO\`; it starts short-lived containers and shows what they print.\n${lines.join('\n')}`,
  };
}

/** Builds the interim reply shown while a demo runs. */
export function demoRunningMessage(scenario: string): SlackMessage {
  return {
    text: `:hourglass_flowing_sand: Running demo ${inlineCode(scenario)}… The result replaces this message.`,
  };
}

/** Replies to a demo that waits for a free slot. */
export function demoQueuedMessage(scenario: string, position: number): SlackMessage {
  return {
    text: `:hourglass: Demo ${inlineCode(scenario)} is waiting for a free slot: position ${position} in the queue.`,
  };
}

/**
 * Builds the message of a demo run: its title, each docker command with what it printed, and
 * the summary. Command output comes from containers, so it is escaped and cut to fit a section.
 */
export function buildDemoMessage(result: DemoResult): SlackMessage {
  const blocks: MessageBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncatePlain(
          `pid1 demo ${result.scenario}: ${result.title}`,
          blockLimits.headerText,
        ),
      },
    },
  ];
  // Two blocks stay free: one for the summary and one for a note about steps left out.
  const maxSteps = blockLimits.blocksPerMessage - blocks.length - 2;
  for (const step of result.steps.slice(0, maxSteps)) {
    const heading = `${inlineCode(`$ ${step.command}`)}\n`;
    const output =
      step.output === '' ? '' : codeBlock(step.output, blockLimits.sectionText - heading.length);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncateMrkdwn(heading + output, blockLimits.sectionText) },
    });
  }
  if (result.steps.length > maxSteps) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${result.steps.length - maxSteps} more steps not shown. Run \`pid1 demo ${result.scenario}\` for all of them.`,
        },
      ],
    });
  }
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: truncateMrkdwn(escapeMrkdwn(result.summary), blockLimits.sectionText),
    },
  });
  return {
    text: truncateMrkdwn(
      `pid1 demo ${result.scenario}: ${escapeMrkdwn(result.title)}`,
      blockLimits.fallbackText,
    ),
    blocks,
  };
}
