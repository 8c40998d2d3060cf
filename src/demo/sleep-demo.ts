import { capOutput, type DemoResult } from './demo-result.js';
import type { DemoSession } from './demo-session.js';
import { findPid1Command } from './process-table.js';
import { listProcesses } from './process-listing.js';

/** Starts `sleep 300` as PID 1 and lists the processes with `docker exec ps -ef`. */
export async function runSleepDemo(session: DemoSession): Promise<DemoResult> {
  const container = await session.start({ command: ['sleep', '300'], tty: false, withInit: false });
  const listing = await listProcesses(container, session.signal);
  const pid1 = findPid1Command(listing.output);
  return {
    scenario: 'sleep',
    title: 'Another program as PID 1',
    steps: [
      { command: `docker run -d ${session.image} sleep 300`, output: '' },
      {
        command: `docker exec CONTAINER ${listing.command.join(' ')}`,
        output: capOutput(listing.output),
      },
    ],
    summary:
      `PID 1 is ${pid1 === null ? 'not in the listing' : `'${pid1}'`}: whatever program the container starts becomes ` +
      'PID 1, even one that was never written to be an init. sleep installs no signal handlers, so as PID 1 it ' +
      'ignores SIGTERM (see the signals demo).',
  };
}
