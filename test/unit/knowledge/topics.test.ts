import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findPromptsDir } from '../../../src/knowledge/find-prompts-dir.js';
import { findingTopics, topicForFinding } from '../../../src/knowledge/finding-topics.js';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';

const kb = loadKnowledgeBase();

const requiredTopicIds = [
  'pid1',
  'environments',
  'cmd-entrypoint',
  'shell-form',
  'entrypoint-scripts',
  'signals',
  'docker-stop',
  'stopsignal',
  'zombies',
  'tini',
  'dumb-init',
  'docker-init',
  'systemd',
  'package-managers',
  'kubernetes',
  'best-practices',
  'experiments',
];

// Finding ids of the check report, each with the topic that explains it.
const expectedFindingTopics = {
  'stop-signal-ignored': 'signals',
  'package-manager-pid1': 'package-managers',
  'start-failed': 'cmd-entrypoint',
  'exits-immediately': 'cmd-entrypoint',
  'shell-wraps-app': 'entrypoint-scripts',
  'orphans-not-reaped': 'zombies',
  'shell-form-command': 'shell-form',
  'systemd-pid1': 'systemd',
};

/** Lines of a mrkdwn body outside ``` code blocks. */
function proseLines(body: string): string[] {
  let inCode = false;
  return body.split('\n').filter((line) => {
    if (line.trimStart().startsWith('```')) {
      inCode = !inCode;
      return false;
    }
    return !inCode;
  });
}

describe('prompts folder', () => {
  test('every file becomes a topic', () => {
    const files = readdirSync(findPromptsDir()).filter((name) => name.endsWith('.md'));
    expect(kb.topics.map((topic) => `${topic.id}.md`).sort()).toEqual(files.sort());
  });

  test.each(requiredTopicIds)('topic %s exists', (id) => {
    expect(kb.get(id)?.id).toBe(id);
  });
});

describe.each(kb.topics.map((topic) => [topic.id, topic] as const))('topic %s', (_id, topic) => {
  test('body fits one Slack section', () => {
    expect(topic.body.length).toBeLessThan(3_000);
    expect(topic.body.length).toBeLessThanOrEqual(2_800);
  });

  test('body is Slack mrkdwn', () => {
    const prose = proseLines(topic.body);
    expect(prose.filter((line) => /^\s*#/.test(line))).toEqual([]);
    expect(prose.filter((line) => /^\s*\|.*\|\s*$/.test(line))).toEqual([]);
    expect(prose.filter((line) => line.includes('**'))).toEqual([]);
    expect(prose.filter((line) => /\[[^\]]+\]\([^)]+\)/.test(line))).toEqual([]);
  });

  test('code fences are balanced', () => {
    const fences = topic.body.split('\n').filter((line) => line.trimStart().startsWith('```'));
    expect(fences.length % 2).toBe(0);
  });

  test('related ids name other topics', () => {
    for (const id of topic.related) {
      expect(id).not.toBe(topic.id);
      expect(kb.get(id)?.id).toBe(id);
    }
  });

  test('summary and title are filled', () => {
    expect(topic.title.trim()).not.toBe('');
    expect(topic.summary.trim()).not.toBe('');
  });
});

describe('finding topics', () => {
  test('map covers the report findings', () => {
    expect(findingTopics).toEqual(expectedFindingTopics);
  });

  test.each(Object.entries(findingTopics))(
    'finding %s maps to an existing topic',
    (finding, id) => {
      expect(kb.get(id)?.id).toBe(id);
      expect(topicForFinding(finding)).toBe(id);
    },
  );

  test('unknown finding falls back to pid1', () => {
    expect(topicForFinding('no-such-finding')).toBe('pid1');
    expect(topicForFinding('toString')).toBe('pid1');
    expect(kb.get('pid1')?.id).toBe('pid1');
  });
});
