import type { Command } from 'commander';
import { quoteForMessage } from '../errors.js';
import { explain } from '../knowledge/explain.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { renderExplainText } from '../render/explain-text.js';

/** Sources and sinks of `pid1 explain`: the topics, stdout, stderr and the exit code. */
export interface ExplainCommandIo {
  loadKnowledgeBase: () => KnowledgeBase;
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
  setExitCode: (code: number) => void;
}

const defaultIo: ExplainCommandIo = {
  loadKnowledgeBase: () => loadKnowledgeBase(),
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/**
 * Adds `pid1 explain [words...]` to `program`, which prints the rendered result. When no topic
 * matches, it prints suggestions, writes one line to stderr and sets exit code 2.
 */
export function registerExplainCommand(
  program: Command,
  io: Partial<ExplainCommandIo> = {},
): Command {
  const { loadKnowledgeBase: load, writeOut, writeErr, setExitCode } = { ...defaultIo, ...io };
  return program
    .command('explain')
    .description(
      'show a topic, such as zombies or docker-stop, or the topics that best match a question about PID 1 (no argument: list the topics)',
    )
    .argument('[words...]', 'a topic id or alias, or a question in words')
    .action((words: string[]) => {
      const query = words.join(' ');
      const answer = explain(query, load());
      writeOut(renderExplainText(answer));
      if (answer.kind === 'not-found') {
        writeErr(
          `No topic matches ${quoteForMessage(answer.query)}. Run "pid1 explain" to list the topics.\n`,
        );
        setExitCode(2);
      }
    });
}
