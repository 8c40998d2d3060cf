import { capOutput, type DemoResult } from './demo-result.js';
import type { DemoSession } from './demo-session.js';
import { findPid1Command } from './process-table.js';
import { listProcesses } from './process-listing.js';
import { isMissingExecutable } from './start-failure.js';

/**
 * Starts a shell as PID 1 the way `docker run -it IMAGE bash` does (TTY and open stdin, so the
 * shell waits for input instead of exiting) and lists the processes with `docker exec ps -ef`.
 * The listing comes from a second process in the same container, so it shows the real PID 1 and
 * not a shell started only to run ps. Images without bash, such as BusyBox, get `sh` instead.
 */
export async function runBashDemo(session: DemoSession): Promise<DemoResult> {
  let shell = 'bash';
  let container;
  try {
    container = await session.start({ command: [shell], tty: true, withInit: false });
  } catch (error) {
    if (!isMissingExecutable(error)) throw error;
    shell = 'sh';
    container = await session.start({ command: [shell], tty: true, withInit: false });
  }

  const listing = await listProcesses(container, session.signal);
  const pid1 = findPid1Command(listing.output);
  const fallback = shell === 'bash' ? '' : ' The image has no bash, so the demo ran sh.';
  return {
    scenario: 'bash',
    title: 'A shell as PID 1',
    steps: [
      { command: `docker run -it ${session.image} ${shell}`, output: '' },
      {
        command: `docker exec CONTAINER ${listing.command.join(' ')}`,
        output: capOutput(listing.output),
      },
    ],
    summary:
      `PID 1 is ${pid1 === null ? 'not in the listing' : `'${pid1}'`}: the shell the container was started with, ` +
      'with no init in front of it. It stays alive only because the TTY keeps its stdin open, and it has to reap ' +
      `orphans and handle SIGTERM itself.${fallback}`,
  };
}
