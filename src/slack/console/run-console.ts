import { createInterface } from 'node:readline';
import type { CommandDeps } from '../commands/command-deps.js';
import { handleCommand } from '../commands/handle-command.js';
import { ThrottledResponder } from '../responders/throttled-responder.js';
import { ConsoleSink } from './console-sink.js';

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Shows a prompt and the welcome text; off when the input is a script or a test. */
  interactive: boolean;
  /** Ends the console after the command that is running, like the end of the input. */
  stopRequested?: Promise<void>;
}

const exitWords = new Set(['exit', 'quit']);

/** Console progress pacing: every step is worth a line, so nothing is merged or dropped. */
const consoleThrottle = { minIntervalMs: 0, maxProgress: 100 };

/**
 * Runs the local console: reads `/pid1 …` lines (the `/pid1` may be left out) and prints each
 * reply as text, with the same command handling as Slack. Commands run one at a time. Ends on
 * `exit`, `quit`, the end of the input or `stopRequested`.
 */
export async function runConsole(deps: CommandDeps, io: ConsoleIo): Promise<void> {
  const lines = createInterface({ input: io.input, terminal: false });
  void io.stopRequested?.then(() => lines.close());
  if (io.interactive) {
    io.output.write(
      'pid1 console: type /pid1 help, or exit to leave. Replies are what Slack would show.\n',
    );
    io.output.write('pid1> ');
  }
  for await (const line of lines) {
    const text = line.trim().replace(/^\/pid1(?:\s+|$)/i, '');
    if (exitWords.has(text.toLowerCase())) break;
    if (line.trim() !== '') {
      const request = {
        text,
        userId: 'console',
        source: 'console' as const,
        replyIsPrivate: false,
        freeTextIsQuestion: false,
      };
      await handleCommand(
        request,
        new ThrottledResponder(new ConsoleSink(io.output), consoleThrottle, deps.now),
        deps,
      );
    }
    if (io.interactive) io.output.write('pid1> ');
  }
  lines.close();
}
