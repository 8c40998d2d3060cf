import { setTimeout as sleep } from 'node:timers/promises';
import { readContainerLogs } from '../docker/container-logs.js';
import { engineMessage } from '../docker/engine-error.js';
import { capOutput, type DemoResult, type DemoStep } from './demo-result.js';
import type { DemoSession } from './demo-session.js';
import { listProcesses } from './process-listing.js';
import { isMissingExecutable } from './start-failure.js';

/** Milliseconds an /sbin/init that did start gets before the demo looks at it. */
const initSettleMs = 2000;

const explanation =
  'systemd as PID 1 needs a full image with systemd installed (slim images such as ubuntu and debian have no ' +
  '/sbin/init), plus write access to cgroups, tmpfs mounts on /run and capabilities such as SYS_ADMIN. The usual ' +
  'recipe is docker run --privileged, which pid1 never uses, because it gives the container the whole host. ' +
  'For one application, a small init such as tini or docker run --init reaps orphans and forwards signals without any of that.';

/**
 * Tries `/sbin/init` in the demo image with the demo sandbox, never privileged. Most images have
 * no such file. In one that has it, the steps show what it printed and which processes ran.
 */
export async function runInitDemo(session: DemoSession): Promise<DemoResult> {
  const run: DemoStep = {
    command: `docker run -d ${session.image} /sbin/init   # without --privileged`,
    output: '',
  };
  const steps: DemoStep[] = [run];
  let started = true;
  const container = await session.create({ command: ['/sbin/init'], tty: false, withInit: false });
  try {
    await container.start({ abortSignal: session.signal });
  } catch (error) {
    if (!isMissingExecutable(error)) throw error;
    started = false;
    run.output = capOutput(`docker: Error response from daemon: ${engineMessage(error)}`);
  }

  // NOTE: no image on the test engine has a working /sbin/init, so this branch has not been run.
  if (started) {
    await sleep(initSettleMs, undefined, { signal: session.signal });
    const state = (await container.inspect({ abortSignal: session.signal })).State;
    if (state.Running) {
      const listing = await listProcesses(container, session.signal);
      steps.push({
        command: `docker exec CONTAINER ${listing.command.join(' ')}`,
        output: capOutput(listing.output),
      });
    }
    const logs = await readContainerLogs(container, {
      tty: false,
      tailLines: 40,
      maxBytes: 4000,
      signal: session.signal,
    });
    const exit = state.Running ? '' : `\n(exited with code ${state.ExitCode})`;
    steps.push({ command: 'docker logs --tail 40 CONTAINER', output: capOutput(`${logs}${exit}`) });
  }

  const outcome = started
    ? '/sbin/init exists in this image and was started without privileges; the steps show how far it got.'
    : `${session.image} has no /sbin/init, so there is nothing to run as PID 1.`;
  return {
    scenario: 'init',
    title: 'systemd as PID 1',
    steps,
    summary: `${outcome} ${explanation}`,
  };
}
