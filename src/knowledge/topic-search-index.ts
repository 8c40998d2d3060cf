import MiniSearch from 'minisearch';
import type { Topic } from './topic.js';
import { splitSearchText, toSearchTerms } from './search-terms.js';

/** Maximum characters of a question that are searched. Longer questions are cut. */
export const maxQueryChars = 500;

/** One search result: a topic and its minisearch (BM25+) relevance score. */
export interface TopicSearchHit {
  topic: Topic;
  score: number;
}

/** Full-text search over the topics, and "did you mean" suggestions for unknown words. */
export interface TopicSearchIndex {
  search(question: string, limit: number): TopicSearchHit[];
  suggest(word: string): string[];
}

// Names and the title weigh most because they are what people type. A body mentions many
// neighbouring topics in passing, so it weighs least.
const fieldBoosts = { title: 3, names: 3, summary: 2, body: 1 };
const maxSuggestions = 3;

/**
 * Builds the search index. Words of 3 or more characters also match as prefixes ("reap" finds
 * "reaped"). Words of 5 or more also match with edits on 20% of their characters, rounded
 * ("kubernetis"), so short words such as "pod" never match another short word such as "pid".
 */
export function createTopicSearchIndex(topics: readonly Topic[]): TopicSearchIndex {
  const topicsById = new Map(topics.map((topic) => [topic.id, topic]));

  const contentIndex = new MiniSearch<Topic>({
    fields: ['title', 'names', 'summary', 'body'],
    extractField: (topic, field) =>
      field === 'names' ? [topic.id, ...topic.aliases].join('\n') : topic[field as keyof Topic],
    tokenize: splitSearchText,
    processTerm: toSearchTerms,
    searchOptions: {
      boost: fieldBoosts,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    },
  });
  contentIndex.addAll(topics);

  // One document per name (id or alias), searched with more tolerance for typos.
  const nameIndex = new MiniSearch<{ id: number; topicId: string; name: string }>({
    fields: ['name'],
    storeFields: ['topicId'],
    tokenize: splitSearchText,
    processTerm: (word) => word.toLowerCase(),
    searchOptions: {
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 4 ? 0.34 : false),
      maxFuzzy: 3,
    },
  });
  nameIndex.addAll(
    topics
      .flatMap((topic) => [topic.id, ...topic.aliases].map((name) => ({ topic, name })))
      .map(({ topic, name }, index) => ({ id: index, topicId: topic.id, name })),
  );

  return {
    search(question, limit) {
      const text = cleanQuery(question);
      if (text === '' || limit <= 0) return [];
      return contentIndex
        .search(text)
        .slice(0, limit)
        .flatMap((result) => {
          const topic = topicsById.get(String(result.id));
          return topic === undefined ? [] : [{ topic, score: result.score }];
        });
    },

    suggest(word) {
      const text = cleanQuery(word);
      if (text === '') return [];
      const topicIds = new Set<string>();
      for (const result of nameIndex.search(text)) {
        topicIds.add(String(result['topicId']));
        if (topicIds.size === maxSuggestions) break;
      }
      return [...topicIds];
    },
  };
}

/**
 * Cuts the query to `maxQueryChars` and replaces control, format and unpaired surrogate
 * characters with spaces, after NFKC normalisation folds full-width and styled letters.
 */
function cleanQuery(query: string): string {
  return query
    .slice(0, maxQueryChars)
    .replace(/\p{Cs}/gu, ' ')
    .normalize('NFKC')
    .replace(/\p{C}/gu, ' ')
    .trim();
}
