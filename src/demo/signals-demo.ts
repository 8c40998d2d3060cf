import type Docker from 'dockerode';
import { capOutput, type DemoResult, type DemoStep } from './demo-result.js';
import type { DemoSession } from './demo-session.js';

/**
 * Seconds `docker stop` waits after SIGTERM before it sends SIGKILL. Shorter than Docker's
 * default of 10 s so the demo stays quick; the difference it shows does not depend on it.
 */
export const demoGraceSeconds = 3;

/** Measured outcome of stopping one container. */
export interface StopMeasurement {
  seconds: number;
  exitCode: number | null;
}

async function measureStop(
  container: Docker.Container,
  signal: AbortSignal,
): Promise<StopMeasurement> {
  const startedAt = performance.now();
  await container.stop({ t: demoGraceSeconds, abortSignal: signal });
  const seconds = (performance.now() - startedAt) / 1000;
  const inspected = await container.inspect({ abortSignal: signal });
  return { seconds, exitCode: inspected.State.ExitCode ?? null };
}

function stopSteps(image: string, initFlag: string, measurement: StopMeasurement): DemoStep[] {
  return [
    { command: `docker run -d ${initFlag}${image} sleep 300`, output: '' },
    {
      command: `time docker stop -t ${demoGraceSeconds} CONTAINER`,
      output: capOutput(`stopped after ${measurement.seconds.toFixed(2)} s`),
    },
    {
      command: "docker inspect -f '{{.State.ExitCode}}' CONTAINER",
      output: String(measurement.exitCode ?? 'unknown'),
    },
  ];
}

/** Stops `sleep 300` as PID 1 and under docker-init, and compares stop time and exit code. */
export async function runSignalsDemo(session: DemoSession): Promise<DemoResult> {
  const command = ['sleep', '300'];
  const { withoutInit: bare, withInit } = await session.startWithAndWithoutInit(command);
  const [bareStop, initStop] = await Promise.all([
    measureStop(bare, session.signal),
    measureStop(withInit, session.signal),
  ]);

  return {
    scenario: 'signals',
    title: 'docker stop with and without an init',
    steps: [
      ...stopSteps(session.image, '', bareStop),
      ...stopSteps(session.image, '--init ', initStop),
    ],
    summary:
      `Without an init, sleep is PID 1 and the kernel drops SIGTERM because sleep has no handler for it, so docker ` +
      `stop waited the whole ${demoGraceSeconds} s grace period and sent SIGKILL: ${bareStop.seconds.toFixed(1)} s, ` +
      `exit code ${bareStop.exitCode ?? 'unknown'} (128 + 9). With --init, docker-init forwards SIGTERM to sleep, ` +
      `which dies at once: ${initStop.seconds.toFixed(1)} s, exit code ${initStop.exitCode ?? 'unknown'} (128 + 15). ` +
      `The grace period here is ${demoGraceSeconds} s. By default, docker stop waits 10 s.`,
  };
}
