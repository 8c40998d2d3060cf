import type Docker from 'dockerode';
import { parseProbeOutput, type ProbeObservation } from '../diagnosis/probe-output.js';
import type { Engine } from './engine.js';
import { startOrFailure, toEngineError } from './engine-error.js';
import { ProbeSession } from './probe-session.js';
import { probeScript, type ProbeTiming } from './probe-script.js';
import { createSandboxedContainer, type ContainerSpec } from './sandboxed-container.js';
import { probeHostConfig } from './sandbox.js';

export type ProbeOutcome =
  | { ran: true; observation: ProbeObservation; session: ProbeSession }
  | { ran: false; reason: string };

/**
 * Runs the probe in the target's PID namespace and returns what it observed once it printed
 * `done`. The probe keeps running and reporting PID 1's signal masks through the returned session
 * until the target stops or the probe is removed. `track` receives the probe container as soon as
 * it exists, so that the caller can remove it on any path.
 */
export async function runProbe(
  engine: Engine,
  targetId: string,
  spec: Omit<ContainerSpec, 'entrypoint' | 'cmd' | 'env' | 'tty' | 'hostConfig'>,
  timing: ProbeTiming,
  track: (container: Docker.Container) => void,
  signal?: AbortSignal,
): Promise<ProbeOutcome> {
  const container = await createSandboxedContainer(
    engine,
    {
      ...spec,
      entrypoint: ['/bin/sh', '-c'],
      cmd: [probeScript(timing)],
      env: [],
      tty: false,
      hostConfig: probeHostConfig(targetId),
    },
    signal,
  ).catch((error: unknown) => {
    throw toEngineError(error, 'creating the probe container', engine.socket);
  });
  track(container);
  const failure = await startOrFailure(container, 'starting the probe', engine.socket, signal);
  if (failure !== null) return { ran: false, reason: failure };
  try {
    const stream = (await container.logs({
      follow: true,
      stdout: true,
      stderr: true,
      abortSignal: signal,
    })) as unknown as NodeJS.ReadableStream;
    const session = new ProbeSession(stream);
    await session.ready;
    return { ran: true, observation: parseProbeOutput(session.text), session };
  } catch (error) {
    throw toEngineError(
      signal?.aborted === true ? signal.reason : error,
      'running the probe',
      engine.socket,
    );
  }
}
