import { setTimeout as sleep } from 'node:timers/promises';
import { capOutput, type DemoResult } from './demo-result.js';
import type { DemoSession } from './demo-session.js';
import { listProcesses } from './process-listing.js';
import { findZombieRows } from './process-table.js';
import { countNoun } from '../text/count-noun.js';

/**
 * The shell forks a subshell that starts `sleep 0.2` in the background and exits, so that sleep is
 * orphaned and re-parented to PID 1. The shell then replaces itself with `sleep 300`, a PID 1
 * that never calls wait(), so the orphan stays a zombie once it exits.
 */
const orphanScript = '(sleep 0.2 &); exec sleep 300';

/** Milliseconds to wait for the orphan to exit before listing the processes. */
const orphanSettleMs = 1000;

/** Runs the same orphan under a PID 1 that never reaps and under docker-init (`--init`). */
export async function runZombiesDemo(session: DemoSession): Promise<DemoResult> {
  const command = ['sh', '-c', orphanScript];
  const { withoutInit: bare, withInit } = await session.startWithAndWithoutInit(command);
  await sleep(orphanSettleMs, undefined, { signal: session.signal });

  const bareListing = await listProcesses(bare, session.signal);
  const initListing = await listProcesses(withInit, session.signal);
  const bareZombies = findZombieRows(bareListing.output).length;
  const initZombies = findZombieRows(initListing.output).length;
  const quoted = `sh -c '${orphanScript}'`;
  return {
    scenario: 'zombies',
    title: 'Orphans with and without an init',
    steps: [
      { command: `docker run -d ${session.image} ${quoted}`, output: '' },
      {
        command: `docker exec CONTAINER ${bareListing.command.join(' ')}`,
        output: capOutput(bareListing.output),
      },
      { command: `docker run -d --init ${session.image} ${quoted}`, output: '' },
      {
        command: `docker exec CONTAINER ${initListing.command.join(' ')}`,
        output: capOutput(initListing.output),
      },
    ],
    summary:
      `Without an init: ${countNoun(bareZombies, 'zombie')}, because sleep is PID 1, inherits the orphan and never waits for it. ` +
      `With --init: ${countNoun(initZombies, 'zombie')}, because docker-init (tini) is PID 1 and reaps every orphan it inherits. ` +
      'Each zombie keeps its PID until PID 1 reaps it, and the container has a limited number of PIDs.',
  };
}
