import type { Finding, Severity } from '../../diagnosis/report-schema.js';
import { explainTopicActionId } from './action-ids.js';
import { blockLimits, codeBlock, truncateMrkdwn, truncatePlain } from './block-limits.js';
import { escapeMrkdwn, inlineCode } from './mrkdwn-escape.js';
import type { MessageBlock } from './slack-message.js';

const severityLabels: Record<Severity, string> = {
  error: ':red_circle: *Error*',
  warning: ':warning: *Warning*',
  info: ':information_source: *Info*',
};

/** Blocks one finding takes in a report. */
export const blocksPerFinding = 2;

/**
 * Builds the two blocks of one finding: severity, id, title and evidence with a button that
 * explains the finding's topic, then the fix as a code block.
 */
export function findingBlocks(finding: Finding, index: number): MessageBlock[] {
  const heading = `${severityLabels[finding.severity]} ${inlineCode(finding.id)}`;
  const text = `${heading}\n*${escapeMrkdwn(finding.title)}*\n${escapeMrkdwn(finding.evidence)}`;
  const summary: MessageBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateMrkdwn(text, blockLimits.sectionText) },
  };
  if (finding.topic.length <= blockLimits.buttonValue) {
    summary.accessory = {
      type: 'button',
      action_id: explainTopicActionId(index),
      text: {
        type: 'plain_text',
        text: truncatePlain(`Explain ${finding.topic}`, blockLimits.buttonText),
      },
      value: finding.topic,
    };
  }
  const fixHeading = '*Fix*\n';
  const fix: MessageBlock = {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: fixHeading + codeBlock(finding.fix, blockLimits.sectionText - fixHeading.length),
    },
  };
  return [summary, fix];
}
