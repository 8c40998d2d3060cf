import { describe, expect, test } from 'vitest';
import { explain } from '../../../src/knowledge/explain.js';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { mrkdwnToText, renderExplainText } from '../../../src/render/explain-text.js';

const kb = loadKnowledgeBase();

describe('mrkdwnToText', () => {
  test('bold and italic lose their markers', () => {
    expect(mrkdwnToText('*PID 1* is _special_, see *this*.')).toBe('PID 1 is special, see this.');
  });

  test('inline code keeps its text', () => {
    expect(mrkdwnToText('run `ps -o *,_x_` and *look*')).toBe('run `ps -o *,_x_` and look');
  });

  test('lone asterisks and snake_case stay', () => {
    expect(mrkdwnToText('2 * 3 = 6 and SIG_DFL or stop_grace_period')).toBe(
      '2 * 3 = 6 and SIG_DFL or stop_grace_period',
    );
  });

  test('code blocks are indented without fences', () => {
    expect(mrkdwnToText('Run:\n```\necho *hi*\n```\nDone')).toBe('Run:\n    echo *hi*\nDone');
  });
});

describe('renderExplainText', () => {
  test('list shows every topic id', () => {
    const text = renderExplainText(explain(undefined, kb));
    for (const topic of kb.topics) expect(text).toContain(`  ${topic.id}`);
    expect(text).toContain('pid1 explain TOPIC');
  });

  test('topic shows title, body and related ids', () => {
    const text = renderExplainText(explain('zombies', kb));
    expect(text.startsWith('Zombies, orphans and reaping\n====')).toBe(true);
    expect(text).toContain('A zombie is a process that has exited');
    expect(text).not.toContain('*zombie*');
    expect(text).toContain('Related topics: pid1, tini, docker-init, kubernetes');
  });

  test('search shows a close second topic as a pointer', () => {
    const text = renderExplainText(explain('how to change the signal docker sends on stop', kb));
    expect(text.startsWith('STOPSIGNAL for apps')).toBe(true);
    expect(text).toContain('Also relevant: docker stop, the grace period');
    expect(text).toContain('(pid1 explain docker-stop)');
  });

  test('not found shows suggestions', () => {
    expect(renderExplainText(explain('zombei', kb))).toBe(
      'Did you mean: zombies?\nRun "pid1 explain TOPIC" to read one.\n',
    );
  });

  test('not found without suggestions points to the list', () => {
    expect(renderExplainText(explain('xylophone', kb))).toBe(
      'Run "pid1 explain" to list the topics.\n',
    );
  });
});
