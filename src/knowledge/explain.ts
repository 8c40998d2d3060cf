import type { Topic } from './topic.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { maxQueryChars } from './topic-search-index.js';

/** Result of `explain`, one variant per kind of match, from the most to the least certain. */
export type ExplainAnswer =
  /** No query: every topic. */
  | { kind: 'list'; topics: readonly Topic[] }
  /** The query is a topic's id or alias. */
  | { kind: 'topic'; topic: Topic; related: Topic[] }
  /** The best one or two topics for a free-text question. */
  | { kind: 'search'; query: string; topics: Topic[] }
  /** Nothing matched. `suggestions` are ids of topics with a similar name, possibly none. */
  | { kind: 'not-found'; query: string; suggestions: string[] };

/**
 * Minimum score of the second search hit, relative to the first, for it to be shown as well.
 * Chosen by hand on the question table of the unit tests, not derived from anything.
 */
const secondHitMinRatio = 0.75;

/**
 * Minimum score of the best hit for a free-text answer. Questions about the tutorial's subjects
 * score 8 or more on the unit tests' question table, while unrelated text ("banana bread recipe",
 * 0.9) only grazes a body through prefix or typo matching. Chosen by hand on that table.
 */
const minAnswerScore = 5;

/**
 * Resolves the query of `pid1 explain [QUERY]`. No query gives the topic list, an id or alias
 * gives that topic, and any other text is searched. Queries are cut to `maxQueryChars` characters.
 */
export function explain(query: string | undefined, kb: KnowledgeBase): ExplainAnswer {
  const text = (query ?? '').slice(0, maxQueryChars).trim();
  if (text === '') return { kind: 'list', topics: kb.topics };

  const topic = kb.get(text);
  if (topic !== undefined) {
    const related = topic.related.flatMap((id) => kb.get(id) ?? []);
    return { kind: 'topic', topic, related };
  }

  const [first, second] = kb.search(text, 2);
  if (first === undefined || first.score < minAnswerScore) {
    return { kind: 'not-found', query: text, suggestions: kb.suggest(text) };
  }
  const topics = [first.topic];
  if (second !== undefined && second.score >= first.score * secondHitMinRatio) {
    topics.push(second.topic);
  }
  return { kind: 'search', query: text, topics };
}
