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
 * Creates the probe container in the target's PID namespace. The target need not run yet, so the
 * caller can create the probe while the target starts.
 */
export async function createProbe(
  engine: Engine,
  targetId: string,
  spec: Omit<ContainerSpec, 'entrypoint' | 'cmd' | 'env' | 'tty' | 'hostConfig'>,
  timing: ProbeTiming,
  signal?: AbortSignal,
): Promise<Docker.Container> {
  return createSandboxedContainer(
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
}

/**
 * Starts the probe and returns what it observed once it printed `done`. The probe keeps running
 * and reporting PID 1's signal masks through the returned session until the target stops or the
 * probe is removed.
 */
export async function runProbe(
  engine: Engine,
  container: Docker.Container,
  signal?: AbortSignal,
): Promise<ProbeOutcome> {
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
