import type { ExplainAnswer } from '../../knowledge/explain.js';
import type { Topic } from '../../knowledge/topic.js';
import { explainTopicActionId } from './action-ids.js';
import { blockLimits, truncateMrkdwn, truncatePlain } from './block-limits.js';
import { escapeMrkdwn, inlineCode } from './mrkdwn-escape.js';
import type { MessageBlock, SlackMessage } from './slack-message.js';

/** Maximum explain buttons under one reply; further topics are named in text only. */
const maxTopicButtons = 5;

function section(text: string): MessageBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateMrkdwn(text, blockLimits.sectionText) },
  };
}

function context(text: string): MessageBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncateMrkdwn(text, blockLimits.sectionText) }],
  };
}

function topicButtons(topicIds: readonly string[]): MessageBlock[] {
  const unique = [...new Set(topicIds)].filter((id) => id.length <= blockLimits.buttonValue);
  if (unique.length === 0) return [];
  const elements = unique.slice(0, maxTopicButtons).map((id, index) => ({
    type: 'button' as const,
    action_id: explainTopicActionId(index),
    text: {
      type: 'plain_text' as const,
      text: truncatePlain(`Explain ${id}`, blockLimits.buttonText),
    },
    value: id,
  }));
  return [{ type: 'actions', elements }];
}

/** Groups lines into as few sections as Slack's 3,000-character section limit allows. */
function sectionsOfLines(lines: string[]): MessageBlock[] {
  const blocks: MessageBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + 1 + line.length > blockLimits.sectionText) {
      blocks.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') blocks.push(section(current));
  return blocks;
}

function topicBlocks(topic: Topic, related: readonly Topic[]): MessageBlock[] {
  const blocks: MessageBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncatePlain(topic.title, blockLimits.headerText) },
    },
    section(topic.body),
  ];
  if (related.length > 0) {
    blocks.push(
      context(`Related topics: ${related.map((entry) => inlineCode(entry.id)).join(', ')}`),
    );
    blocks.push(...topicButtons(related.map((entry) => entry.id)));
  }
  return blocks;
}

/**
 * Builds the reply to `explain`: the topic list, one topic with buttons for its related topics,
 * the best search hits, or suggestions when nothing matched. Topic text comes from pid1's own
 * `prompts/` and is sent as written; the user's query is escaped.
 */
export function buildExplainMessage(answer: ExplainAnswer): SlackMessage {
  switch (answer.kind) {
    case 'list': {
      const lines = answer.topics.map((topic) => `• ${inlineCode(topic.id)}: ${topic.title}`);
      const blocks = [
        section('*Topics.* Run `/pid1 explain TOPIC` for one, or ask a question in words.'),
        ...sectionsOfLines(lines),
        context('Example: `/pid1 explain why does my container take 10 seconds to stop`'),
      ];
      return { text: `pid1 topics: ${answer.topics.map((topic) => topic.id).join(', ')}`, blocks };
    }
    case 'topic':
      return {
        text: `${answer.topic.title}: ${answer.topic.summary}`,
        blocks: topicBlocks(answer.topic, answer.related),
      };
    case 'search': {
      const [best, ...others] = answer.topics;
      if (best === undefined) return { text: `No topic matches '${escapeMrkdwn(answer.query)}'.` };
      const blocks = [
        context(`Best match for '${escapeMrkdwn(answer.query)}':`),
        ...topicBlocks(best, []),
      ];
      if (others.length > 0) {
        blocks.push(
          section(
            others.map((topic) => `*Also relevant: ${topic.title}.* ${topic.summary}`).join('\n'),
          ),
        );
      }
      const nextIds = [...others.map((topic) => topic.id), ...best.related].filter(
        (id) => id !== best.id,
      );
      blocks.push(...topicButtons(nextIds));
      return { text: `${best.title}: ${best.summary}`, blocks };
    }
    case 'not-found': {
      const query = `'${escapeMrkdwn(answer.query)}'`;
      const hint = 'Run `/pid1 explain` to list the topics.';
      if (answer.suggestions.length === 0) return { text: `No topic matches ${query}. ${hint}` };
      const names = answer.suggestions.map((id) => inlineCode(id)).join(', ');
      const text = `No topic matches ${query}. Did you mean ${names}? ${hint}`;
      return { text, blocks: [section(text), ...topicButtons(answer.suggestions)] };
    }
  }
}
