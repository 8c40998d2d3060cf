import type { ExplainAnswer } from '../knowledge/explain.js';
import type { Topic } from '../knowledge/topic.js';

/**
 * Renders the result of `explain` as plain text for a terminal. Topic bodies are Slack mrkdwn:
 * `*bold*` and `_italic_` lose their markers, inline `code` keeps its backticks, and code
 * blocks lose their fences and are indented by four spaces, with their content unchanged.
 */
export function renderExplainText(answer: ExplainAnswer): string {
  switch (answer.kind) {
    case 'list':
      return renderTopicList(answer.topics);
    case 'topic':
      return renderTopic(
        answer.topic,
        answer.related.map((topic) => topic.id),
      );
    case 'search':
      return renderSearch(answer.topics);
    case 'not-found':
      return renderNotFound(answer.suggestions);
  }
}

function renderTopicList(topics: readonly Topic[]): string {
  const width = Math.max(...topics.map((topic) => topic.id.length));
  const lines = topics.map((topic) => `  ${topic.id.padEnd(width)}  ${topic.title}`);
  return [
    'Topics:',
    ...lines,
    '',
    'Run "pid1 explain TOPIC" for one topic, or ask a question in words:',
    '  pid1 explain why does my container take 10 seconds to stop',
    '',
  ].join('\n');
}

function renderTopic(topic: Topic, relatedIds: readonly string[]): string {
  const lines = [topic.title, '='.repeat(topic.title.length), '', mrkdwnToText(topic.body)];
  if (relatedIds.length > 0) lines.push('', `Related topics: ${relatedIds.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function renderSearch(topics: readonly Topic[]): string {
  const [best, ...others] = topics;
  if (best === undefined) return '';
  const parts = [renderTopic(best, best.related)];
  for (const other of others) {
    parts.push(`Also relevant: ${other.title} (pid1 explain ${other.id})\n  ${other.summary}\n`);
  }
  return parts.join('\n');
}

function renderNotFound(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return 'Run "pid1 explain" to list the topics.\n';
  return `Did you mean: ${suggestions.join(', ')}?\nRun "pid1 explain TOPIC" to read one.\n`;
}

/** Converts Slack mrkdwn to plain text, as described on `renderExplainText`. */
export function mrkdwnToText(mrkdwn: string): string {
  const output: string[] = [];
  let inCodeBlock = false;
  for (const line of mrkdwn.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      inCodeBlock = !inCodeBlock;
      continue;
    }
    output.push(inCodeBlock ? `    ${line}` : stripEmphasis(line));
  }
  return output.join('\n');
}

/** Removes `*bold*` and `_italic_` markers outside inline code spans. */
function stripEmphasis(line: string): string {
  return line
    .split(/(`[^`]*`)/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
            .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2'),
    )
    .join('');
}
