import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnosis/report-schema.js';
import { buildReportMessage } from '../../src/slack/blocks/report-blocks.js';
import type { MessageBlock } from '../../src/slack/blocks/slack-message.js';
import { hostileFinding, sampleReport } from './support/sample-report.js';

interface TextObject {
  type: string;
  text: string;
}

/** Lists every text object in the blocks with the limit Slack applies to it. */
function textsWithLimits(blocks: MessageBlock[]): { text: string; limit: number; where: string }[] {
  const found: { text: string; limit: number; where: string }[] = [];
  blocks.forEach((block, index) => {
    const where = `block ${index} (${block.type})`;
    if (block.type === 'header') found.push({ text: block.text.text, limit: 150, where });
    if (block.type === 'section') {
      if (block.text !== undefined) found.push({ text: block.text.text, limit: 3000, where });
      for (const field of block.fields ?? [])
        found.push({ text: field.text, limit: 2000, where: `${where} field` });
      if (block.accessory?.type === 'button') {
        found.push({ text: block.accessory.text.text, limit: 75, where: `${where} button text` });
        found.push({
          text: block.accessory.value ?? '',
          limit: 2000,
          where: `${where} button value`,
        });
      }
    }
    if (block.type === 'context') {
      for (const element of block.elements)
        found.push({ text: (element as TextObject).text, limit: 3000, where });
    }
    if (block.type === 'actions') {
      for (const element of block.elements) {
        if (element.type !== 'button') continue;
        found.push({ text: element.text.text, limit: 75, where: `${where} button text` });
        found.push({ text: element.value ?? '', limit: 2000, where: `${where} button value` });
      }
    }
  });
  return found;
}

describe('report blocks', () => {
  it('healthy report has verdict, facts and buttons', () => {
    const message = buildReportMessage(sampleReport(), {
      rerunCommand: 'check nginx:1.27',
      shareButton: true,
    });
    expect(message.text).toBe('pid1 check of docker.io/library/nginx:1.27: healthy');
    expect(message.blocks?.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'actions',
    ]);
    expect(message.blocks?.[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: ':white_check_mark: *Healthy.* PID 1 exits on SIGQUIT within the grace and reaps orphans.',
      },
    });
    const facts = message.blocks?.[2];
    expect(facts?.type === 'section' ? facts.fields?.map((field) => field.text) : []).toEqual([
      '*Image*\n`docker.io/library/nginx:1.27`\nid `2ca67386e022`\nSTOPSIGNAL `SIGQUIT`',
      '*Ran*\n`/docker-entrypoint.sh nginx -g daemon off;` without a TTY',
      '*PID 1*\n`nginx` (app)\n`nginx: master process nginx -g daemon off;`',
      '*Stop*\nSIGQUIT → PID 1 exited after 0.13 s, exit code 0 (graceful).',
      '*Zombies*\nReaped (0 zombies seen).',
      '*Check*\n`abc123def456`, 1.2 s',
    ]);
    expect(message.blocks?.[3]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Processes* (PID, state, command)\n```1 S nginx: master process nginx -g daemon off;\n└─ 7 S nginx: worker process```',
      },
    });
  });

  it('many long findings stay within Slack limits', () => {
    const severities: Finding['severity'][] = ['info', 'warning', 'error'];
    const findings = Array.from({ length: 40 }, (_, index) =>
      hostileFinding(index, severities[index % 3] ?? 'info'),
    );
    const processes = Array.from({ length: 400 }, (_, index) => ({
      pid: index + 1,
      ppid: index,
      state: 'S',
      executable: 'sh',
      command: `sh -c 'sleep ${index}' <!channel>`,
      argv: ['sh', '-c', `sleep ${index}`],
      lasting: true,
    }));
    const report = sampleReport({
      verdict: 'problems',
      findings,
      processes,
      image: { ...sampleReport().image, reference: `registry.example.com/${'a'.repeat(300)}:1` },
      stop: { ...sampleReport().stop!, detail: 'd'.repeat(5000) },
    });
    const message = buildReportMessage(report, {
      rerunCommand: `check ${'x'.repeat(3000)}`,
      shareButton: true,
    });
    const blocks = message.blocks ?? [];

    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const { text, limit, where } of textsWithLimits(blocks)) {
      expect(text.length, where).toBeLessThanOrEqual(limit);
      expect((text.match(/```/g) ?? []).length % 2, `${where} has an unclosed code block`).toBe(0);
    }
    const facts = blocks.find((block) => block.type === 'section' && block.fields !== undefined);
    expect(facts?.type === 'section' ? facts.fields?.length : 0).toBeLessThanOrEqual(10);
    expect(message.text.length).toBeLessThanOrEqual(3000);

    const raw = JSON.stringify(blocks);
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('<!here>');
    expect(raw).not.toContain('<@U999>');

    const shownIds = blocks.flatMap((block) =>
      block.type === 'section' && block.text !== undefined
        ? (/`(finding-\d+)`/.exec(block.text.text)?.slice(1) ?? [])
        : [],
    );
    expect(shownIds.length).toBe(21);
    // Errors come first: every third finding, starting at index 2, is an error.
    expect(shownIds.slice(0, 13)).toEqual(
      findings.filter((finding) => finding.severity === 'error').map((finding) => finding.id),
    );
    const note = blocks.at(-2);
    expect(note).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `19 more findings not shown because a Slack message holds at most 50 blocks. Run \`pid1 check registry.example.com/${'a'.repeat(300)}:1 --json\` for the full report.`,
        },
      ],
    });
    // The re-run command is over the 2,000-character button value limit, so its button is left out.
    const actions = blocks.at(-1);
    expect(
      actions?.type === 'actions' ? actions.elements.map((element) => element.action_id) : [],
    ).toEqual(['pid1_share_report']);
  });

  it('shared copy names the sharer and has no actions', () => {
    const report = sampleReport({ verdict: 'problems', findings: [hostileFinding(1, 'error')] });
    const message = buildReportMessage(report, {
      rerunCommand: null,
      shareButton: false,
      sharedBy: 'U1234',
    });
    expect(message.blocks?.[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U1234>' }],
    });
    expect(message.blocks?.some((block) => block.type === 'actions')).toBe(false);
  });

  it('sharer id that is no user id is left out', () => {
    const message = buildReportMessage(sampleReport(), {
      rerunCommand: null,
      shareButton: false,
      sharedBy: '<!channel>',
    });
    expect(JSON.stringify(message.blocks)).not.toContain('Shared by');
  });

  it('report without a run says so', () => {
    const report = sampleReport({
      verdict: 'problems',
      run: null,
      pid1: null,
      stop: null,
      zombies: null,
      processes: [],
    });
    const message = buildReportMessage(report, { rerunCommand: null, shareButton: false });
    const facts = message.blocks?.[2];
    expect(
      facts?.type === 'section' ? facts.fields?.slice(1, 5).map((field) => field.text) : [],
    ).toEqual([
      '*Ran*\nThe container was not started.',
      '*PID 1*\nNot measured: the container did not run.',
      '*Stop*\nNot measured: the container did not run.',
      '*Zombies*\nNot measured: the container did not run.',
    ]);
  });
});
