import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topic } from './topic.js';
import { parseTopicFile } from './parse-topic-file.js';
import { findPromptsDir } from './find-prompts-dir.js';
import { KnowledgeBaseError } from './knowledge-base-error.js';
import { createTopicSearchIndex, type TopicSearchHit } from './topic-search-index.js';

/** The explanation topics of `prompts/`, with lookup by name and full-text search. */
export interface KnowledgeBase {
  /** Every topic, sorted by id. */
  readonly topics: readonly Topic[];
  /** Looks a topic up by id or alias. Case is ignored, and spaces and underscores match hyphens. */
  get(idOrAlias: string): Topic | undefined;
  /** Ranks topics by relevance to a free-text question, best first, at most `limit`. */
  search(question: string, limit: number): TopicSearchHit[];
  /** Returns ids of topics whose id or alias is close to `word`, for "did you mean". */
  suggest(word: string): string[];
}

/**
 * Loads and validates every `*.md` topic file of `dir` (default: the repository's `prompts/`).
 * Throws a KnowledgeBaseError naming the file and field when a file is invalid, two topics share
 * an id or alias, or a `related` id names no topic.
 */
export function loadKnowledgeBase(dir: string = findPromptsDir()): KnowledgeBase {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  if (files.length === 0) {
    throw new KnowledgeBaseError(`${dir} contains no topic files (*.md).`);
  }

  const topicFiles = files.map((name) => {
    const file = path.join(dir, name);
    return { file, topic: parseTopicFile(file, readFileSync(file, 'utf8')) };
  });
  return createKnowledgeBase(topicFiles);
}

/** Builds a knowledge base from topics that each passed `parseTopicFile`. */
export function createKnowledgeBase(
  topicFiles: readonly { file: string; topic: Topic }[],
): KnowledgeBase {
  const byName = new Map<string, { file: string; topic: Topic }>();
  for (const entry of topicFiles) {
    const names = [
      { field: 'id', name: entry.topic.id },
      ...entry.topic.aliases.map((name, index) => ({ field: `aliases[${index}]`, name })),
    ];
    for (const { field, name } of names) {
      const key = toLookupKey(name);
      const owner = byName.get(key);
      if (owner !== undefined && owner !== entry) {
        throw new KnowledgeBaseError(
          `${entry.file}: front matter field "${field}" ("${name}") is already the id or an alias of topic "${owner.topic.id}" in ${owner.file}.`,
          { file: entry.file, field },
        );
      }
      byName.set(key, entry);
    }
  }

  for (const { file, topic } of topicFiles) {
    topic.related.forEach((relatedId, index) => {
      if (relatedId === topic.id || !topicFiles.some((entry) => entry.topic.id === relatedId)) {
        throw new KnowledgeBaseError(
          `${file}: front matter field "related[${index}]" names "${relatedId}", which is not the id of another topic.`,
          { file, field: `related[${index}]` },
        );
      }
    });
  }

  const topics = topicFiles.map((entry) => entry.topic).sort((a, b) => a.id.localeCompare(b.id));
  const searchIndex = createTopicSearchIndex(topics);

  return {
    topics,
    get: (idOrAlias) => byName.get(toLookupKey(idOrAlias))?.topic,
    search: (question, limit) => searchIndex.search(question, limit),
    suggest: (word) => searchIndex.suggest(word),
  };
}

/** Normalises a name for lookup: NFKC, lowercase, runs of spaces or underscores as one hyphen. */
function toLookupKey(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}
