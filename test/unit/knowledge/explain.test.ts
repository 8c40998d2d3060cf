import { describe, expect, test } from 'vitest';
import { explain } from '../../../src/knowledge/explain.js';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { maxQueryChars } from '../../../src/knowledge/topic-search-index.js';

const kb = loadKnowledgeBase();

describe('explain', () => {
  test('no query lists every topic', () => {
    for (const query of [undefined, '', '   ']) {
      const answer = explain(query, kb);
      expect(answer.kind).toBe('list');
      if (answer.kind === 'list') expect(answer.topics).toHaveLength(kb.topics.length);
    }
  });

  test('topic id returns the topic with related topics', () => {
    const answer = explain('zombies', kb);
    expect(answer.kind).toBe('topic');
    if (answer.kind !== 'topic') return;
    expect(answer.topic.id).toBe('zombies');
    expect(answer.related.map((topic) => topic.id)).toEqual(answer.topic.related);
  });

  test('alias in any case returns the topic', () => {
    const answer = explain('Exit Code 137', kb);
    expect(answer.kind).toBe('topic');
    if (answer.kind === 'topic') expect(answer.topic.id).toBe('docker-stop');
  });

  test('unrelated text is not answered', () => {
    for (const question of ['banana bread recipe', 'weather today']) {
      const answer = explain(question, kb);
      expect(answer.kind).toBe('not-found');
    }
  });

  test('question returns the best topic first', () => {
    const answer = explain('why does my container take 10 seconds to stop', kb);
    expect(answer.kind).toBe('search');
    if (answer.kind !== 'search') return;
    expect(answer.query).toBe('why does my container take 10 seconds to stop');
    expect(answer.topics[0]?.id).toBe('docker-stop');
    expect(answer.topics.length).toBeLessThanOrEqual(2);
  });

  test('close second hit is included', () => {
    const [first, second] = kb.search('how to change the signal docker sends on stop', 2);
    expect(second!.score / first!.score).toBeGreaterThanOrEqual(0.75);
    const answer = explain('how to change the signal docker sends on stop', kb);
    expect(answer.kind).toBe('search');
    if (answer.kind !== 'search') return;
    expect(answer.topics.map((topic) => topic.id)).toEqual(['stopsignal', 'docker-stop']);
  });

  test('distant second hit is left out', () => {
    const [first, second] = kb.search('what does exit code 137 mean', 2);
    expect(second!.score / first!.score).toBeLessThan(0.75);
    const answer = explain('what does exit code 137 mean', kb);
    expect(answer.kind).toBe('search');
    if (answer.kind !== 'search') return;
    expect(answer.topics.map((topic) => topic.id)).toEqual(['docker-stop']);
  });

  test('misspelt word gets suggestions', () => {
    const answer = explain('zombei', kb);
    expect(answer).toEqual({ kind: 'not-found', query: 'zombei', suggestions: ['zombies'] });
  });

  test('swapped letters get suggestions', () => {
    const answer = explain('sigtrem', kb);
    expect(answer.kind).toBe('not-found');
    if (answer.kind === 'not-found') expect(answer.suggestions).toContain('signals');
  });

  test('unrelated word gets no suggestions', () => {
    expect(explain('xylophone', kb)).toEqual({
      kind: 'not-found',
      query: 'xylophone',
      suggestions: [],
    });
  });

  test('stop words only are not found', () => {
    expect(explain('what is it', kb).kind).toBe('not-found');
  });

  test('very long query is cut and answered', () => {
    const query = `${'zombies '.repeat(2_000)}and orphans`;
    const answer = explain(query, kb);
    expect(answer.kind).toBe('search');
    if (answer.kind !== 'search') return;
    expect(answer.query.length).toBeLessThanOrEqual(maxQueryChars);
    expect(answer.topics[0]?.id).toBe('zombies');
  });

  test('long query of distinct words stays fast', () => {
    const words = Array.from({ length: 400 }, (_, index) => `word${index}x`).join(' ');
    const started = performance.now();
    expect(() => explain(words, kb)).not.toThrow();
    // Wall-clock time on a shared test machine, so the bound only catches a runaway search.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test.each([
    ['emoji and zero-width joiner', '🧟‍♂️ zombie 🧟'],
    ['unpaired surrogates', '\uD800 signals \uDFFF'],
    ['control characters', 'sig\u0000term\u0007 \u001b[31mstop'],
    ['right-to-left text', '\u202Eسیگنال SIGTERM'],
    ['full-width letters', 'ＳＩＧＴＥＲＭ'],
    ['combining marks only', '\u0301\u0302\u0303'],
    ['surrogate pair cut at the limit', `${'a'.repeat(maxQueryChars - 1)}😀`],
  ])('odd input does not throw: %s', (_name, query) => {
    expect(() => explain(query, kb)).not.toThrow();
    expect(() => kb.suggest(query)).not.toThrow();
  });

  test('full-width letters find the topic', () => {
    const answer = explain('ＳＩＧＴＥＲＭ', kb);
    expect(answer.kind).toBe('topic');
    if (answer.kind !== 'topic') return;
    expect(answer.topic.id).toBe('signals');
  });
});
