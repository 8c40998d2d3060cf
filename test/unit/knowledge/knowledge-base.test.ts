import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findPromptsDir } from '../../../src/knowledge/find-prompts-dir.js';
import { KnowledgeBaseError } from '../../../src/knowledge/knowledge-base-error.js';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function makeDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pid1-topics-'));
  temporaryDirs.push(dir);
  return dir;
}

function topicFile(fields: Record<string, string>, body = 'Body text.'): string {
  const defaults: Record<string, string> = {
    title: 'A title',
    aliases: '[]',
    related: '[]',
    summary: 'One line.',
  };
  const yaml = Object.entries({ ...defaults, ...fields })
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}\n`;
}

/** Writes files into a new folder and returns the error that loading it throws. */
function loadError(files: Record<string, string>): KnowledgeBaseError {
  const dir = makeDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error;
    throw error;
  }
  throw new Error('loadKnowledgeBase accepted broken topic files');
}

describe('loadKnowledgeBase validation', () => {
  test('missing field names file and field', () => {
    const error = loadError({
      'a.md': '---\nid: a\ntitle: A\naliases: []\nrelated: []\n---\nBody\n',
    });
    expect(error.file).toMatch(/a\.md$/);
    expect(error.field).toBe('summary');
    expect(error.message).toContain('a.md: front matter field "summary" is invalid');
  });

  test('wrong field type names the item', () => {
    const error = loadError({ 'a.md': topicFile({ id: 'a', aliases: '[ok, 12, {x: 1}]' }) });
    expect(error.field).toBe('aliases[1]');
  });

  test('unknown field is rejected', () => {
    const error = loadError({ 'a.md': topicFile({ id: 'a', alias: '[x]' }) });
    expect(error.field).toBe('alias');
    expect(error.message).toContain('a.md');
  });

  test('invalid YAML names the file', () => {
    const error = loadError({ 'a.md': '---\nid: a\ntitle: [unclosed\n---\nBody\n' });
    expect(error.message).toMatch(/a\.md: front matter is not valid YAML/);
  });

  test('missing front matter is rejected', () => {
    const error = loadError({ 'a.md': 'Just text\n' });
    expect(error.message).toContain('a.md: missing front matter');
  });

  test('multi-line summary is rejected', () => {
    const error = loadError({ 'a.md': topicFile({ id: 'a', summary: '"two\\nlines"' }) });
    expect(error.field).toBe('summary');
    expect(error.message).toContain('must be a single line');
  });

  test('id must match the file name', () => {
    const error = loadError({ 'a.md': topicFile({ id: 'b' }) });
    expect(error.field).toBe('id');
    expect(error.message).toContain('must be named b.md');
  });

  test('id must be kebab-case', () => {
    const error = loadError({ 'A_B.md': topicFile({ id: 'A_B' }) });
    expect(error.field).toBe('id');
  });

  test('empty body is rejected', () => {
    const error = loadError({ 'a.md': topicFile({ id: 'a' }, '') });
    expect(error.field).toBe('body');
  });

  test('body over the Slack limit is rejected', () => {
    const error = loadError({ 'a.md': topicFile({ id: 'a' }, 'x'.repeat(3_001)) });
    expect(error.field).toBe('body');
    expect(error.message).toContain('3001 characters');
  });

  test('duplicate alias names both topics', () => {
    const error = loadError({
      'a.md': topicFile({ id: 'a', aliases: '[Shared Name]' }),
      'b.md': topicFile({ id: 'b', aliases: '[other, shared_name]' }),
    });
    expect(error.file).toMatch(/b\.md$/);
    expect(error.field).toBe('aliases[1]');
    expect(error.message).toContain('topic "a"');
  });

  test('alias equal to another id is rejected', () => {
    const error = loadError({
      'a.md': topicFile({ id: 'a' }),
      'b.md': topicFile({ id: 'b', aliases: '[A]' }),
    });
    expect(error.field).toBe('aliases[0]');
  });

  test('dangling related id is rejected', () => {
    const error = loadError({
      'a.md': topicFile({ id: 'a', related: '[b, missing]' }),
      'b.md': topicFile({ id: 'b' }),
    });
    expect(error.file).toMatch(/a\.md$/);
    expect(error.field).toBe('related[1]');
    expect(error.message).toContain('"missing"');
  });

  test('self reference in related is rejected', () => {
    const error = loadError({ 'a.md': topicFile({ id: 'a', related: '[a]' }) });
    expect(error.field).toBe('related[0]');
  });

  test('empty folder is rejected', () => {
    const error = loadError({});
    expect(error.message).toContain('contains no topic files');
  });

  test('valid folder loads with CRLF and BOM', () => {
    const dir = makeDir();
    const text = `\uFEFF${topicFile({ id: 'a', aliases: '[Alpha Topic]' })}`.replace(/\n/g, '\r\n');
    writeFileSync(path.join(dir, 'a.md'), text);
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const kb = loadKnowledgeBase(dir);
    expect(kb.topics.map((topic) => topic.id)).toEqual(['a']);
    expect(kb.get('alpha topic')?.id).toBe('a');
    expect(kb.topics[0]?.body).toBe('Body text.');
  });
});

describe('KnowledgeBase lookup', () => {
  const kb = loadKnowledgeBase();

  test('get ignores case and spacing', () => {
    expect(kb.get('ZOMBIES')?.id).toBe('zombies');
    expect(kb.get('  Docker   Stop ')?.id).toBe('docker-stop');
    expect(kb.get('docker_stop')?.id).toBe('docker-stop');
    expect(kb.get('SIGTERM')?.id).toBe('signals');
    expect(kb.get('exec "$@"')?.id).toBe('entrypoint-scripts');
  });

  test('get returns undefined for unknown names', () => {
    expect(kb.get('')).toBeUndefined();
    expect(kb.get('no such topic')).toBeUndefined();
  });

  test('topics are sorted by id', () => {
    const ids = kb.topics.map((topic) => topic.id);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('findPromptsDir', () => {
  const repoPrompts = findPromptsDir();

  test('finds prompts from the source folder', () => {
    expect(path.basename(repoPrompts)).toBe('prompts');
  });

  test('finds prompts from a build folder', () => {
    const repoRoot = path.dirname(repoPrompts);
    expect(findPromptsDir(path.join(repoRoot, 'dist', 'src', 'knowledge'))).toBe(repoPrompts);
  });

  test('reports a folder without prompts', () => {
    const dir = makeDir();
    mkdirSync(path.join(dir, 'nested'));
    expect(() => findPromptsDir(path.join(dir, 'nested'))).toThrow(/No prompts\/ folder/);
  });
});
