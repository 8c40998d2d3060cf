import type { Report, Severity } from '../../diagnosis/report-schema.js';
import { actionIds } from './action-ids.js';
import { blockLimits, codeBlock, truncateMrkdwn, truncatePlain } from './block-limits.js';
import { blocksPerFinding, findingBlocks } from './finding-blocks.js';
import { escapeMrkdwn, inlineCode } from './mrkdwn-escape.js';
import { processTreeLines } from './process-tree.js';
import {
  findingCounts,
  imageSummary,
  pid1Summary,
  runSummary,
  stopSummary,
  verdictLine,
  zombieSummary,
} from './report-facts.js';
import type { MessageBlock, SlackMessage } from './slack-message.js';

export interface ReportMessageOptions {
  /** Command text after `/pid1` that repeats the check; null leaves out the re-run button. */
  rerunCommand: string | null;
  /** Adds the button that posts the report in the channel, for replies visible only to the user. */
  shareButton: boolean;
  /** Slack user id of the user who shared this copy in the channel. */
  sharedBy?: string;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const slackUserId = /^[UW][A-Z0-9]{2,30}$/;

function section(text: string): MessageBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateMrkdwn(text, blockLimits.sectionText) },
  };
}

function field(title: string, body: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: truncateMrkdwn(`*${title}*\n${body}`, blockLimits.fieldText) };
}

function actionsBlock(report: Report, options: ReportMessageOptions): MessageBlock | null {
  const elements: Extract<MessageBlock, { type: 'actions' }>['elements'] = [];
  if (options.rerunCommand !== null && options.rerunCommand.length <= blockLimits.buttonValue) {
    elements.push({
      type: 'button',
      action_id: actionIds.rerunCheck,
      text: { type: 'plain_text', text: 'Re-run check' },
      value: options.rerunCommand,
    });
  }
  if (options.shareButton) {
    elements.push({
      type: 'button',
      action_id: actionIds.shareReport,
      text: { type: 'plain_text', text: 'Share in channel' },
      value: report.checkId,
    });
  }
  return elements.length === 0 ? null : { type: 'actions', elements };
}

/**
 * Builds the Block Kit message of a report: verdict, facts, process tree, each finding with its
 * fix, and the buttons. Findings are sorted by severity. When they do not fit in Slack's 50
 * blocks, the message shows as many as fit and a note with the number left out. No text exceeds
 * its block's limit, so Slack never rejects the message for its size.
 */
export function buildReportMessage(report: Report, options: ReportMessageOptions): SlackMessage {
  const head: MessageBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncatePlain(`pid1 check: ${report.image.reference}`, blockLimits.headerText),
      },
    },
  ];
  if (options.sharedBy !== undefined && slackUserId.test(options.sharedBy)) {
    head.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Shared by <@${options.sharedBy}>` }],
    });
  }
  head.push(section(verdictLine(report)));
  head.push({
    type: 'section',
    fields: [
      field('Image', imageSummary(report)),
      field('Ran', runSummary(report)),
      field('PID 1', pid1Summary(report)),
      field('Stop', stopSummary(report.stop)),
      field('Zombies', zombieSummary(report.zombies)),
      field('Check', `${inlineCode(report.checkId)}, ${(report.durationMs / 1000).toFixed(1)} s`),
    ],
  });
  if (report.processes.length > 0) {
    const title = '*Processes* (PID, state, command)\n';
    head.push(
      section(
        title +
          codeBlock(
            processTreeLines(report.processes).join('\n'),
            blockLimits.sectionText - title.length,
          ),
      ),
    );
  }

  const actions = actionsBlock(report, options);
  const findings = [...report.findings].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity],
  );
  const tail = actions === null ? [] : [actions];
  const divider = findings.length > 0 ? 1 : 0;
  const room = blockLimits.blocksPerMessage - head.length - tail.length - divider;
  const fitsAll = findings.length * blocksPerFinding <= room;
  // One block is kept free for the note with the number of findings left out.
  const shown = fitsAll ? findings.length : Math.max(0, Math.floor((room - 1) / blocksPerFinding));

  const body: MessageBlock[] = divider === 1 ? [{ type: 'divider' }] : [];
  findings.slice(0, shown).forEach((finding, index) => body.push(...findingBlocks(finding, index)));
  if (shown < findings.length) {
    const left = findings.length - shown;
    body.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${left} more finding${left === 1 ? '' : 's'} not shown because a Slack message holds at most ${blockLimits.blocksPerMessage} blocks. Run ${inlineCode(`pid1 check ${report.image.reference} --json`)} for the full report.`,
        },
      ],
    });
  }

  const verdictText =
    report.verdict === 'healthy'
      ? 'healthy'
      : `problems found (${findingCounts(report) || 'see the report'})`;
  const text = truncateMrkdwn(
    `pid1 check of ${escapeMrkdwn(report.image.reference)}: ${verdictText}`,
    blockLimits.fallbackText,
  );
  return { text, blocks: [...head, ...body, ...tail] };
}
