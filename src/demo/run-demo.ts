import { toEngineError } from '../docker/engine-error.js';
import { ensureImage } from '../docker/image-store.js';
import { Pid1Error, quoteForMessage } from '../errors.js';
import { runBashDemo } from './bash-demo.js';
import type { DemoDeps, DemoResult } from './demo-result.js';
import { findDemoScenario } from './demo-scenarios.js';
import { DemoSession } from './demo-session.js';
import { runInitDemo } from './init-demo.js';
import { runSignalsDemo } from './signals-demo.js';
import { runSleepDemo } from './sleep-demo.js';
import { runZombiesDemo } from './zombies-demo.js';

export { demoScenarios } from './demo-scenarios.js';
export type { DemoDeps, DemoResult, DemoStep } from './demo-result.js';

const runners: Record<string, (session: DemoSession) => Promise<DemoResult>> = {
  bash: runBashDemo,
  sleep: runSleepDemo,
  init: runInitDemo,
  zombies: runZombiesDemo,
  signals: runSignalsDemo,
};

const imageIdPattern = /^(sha256:)?[0-9a-f]{12,64}$/;

/**
 * Runs the demo `scenarioName` against the demo image (PID1_DEMO_IMAGE), pulling it first when
 * the pull policy allows. The demo, pulling excluded, must finish within the check time limit
 * (PID1_CHECK_TIMEOUT_SECONDS). Its containers are removed on every path.
 *
 * Throws a Pid1Error: `invalid-argument` for an unknown scenario, `image-not-found` or a pull
 * error for a missing image, `engine-unreachable` or `engine-failed` for the engine, and
 * `check-timed-out` or `check-cancelled` when the demo did not finish.
 */
export async function runDemo(scenarioName: string, deps: DemoDeps): Promise<DemoResult> {
  const scenario = findDemoScenario(scenarioName);
  const runner = runners[scenario.id];
  if (runner === undefined) throw new Error(`no runner for demo scenario ${scenario.id}`);

  const image = deps.settings.demoImage;
  try {
    await ensureImage(deps.engine, image, {
      policy: deps.settings.pull,
      pullTimeoutMs: deps.settings.pullTimeoutMs,
      isImageId: imageIdPattern.test(image),
      signal: deps.signal,
    });
  } catch (error) {
    if (!(error instanceof Pid1Error) || error.code === 'engine-unreachable') throw error;
    throw new Pid1Error(
      error.code,
      `${error.message.replace(/\.$/, '')}. The demos run PID1_DEMO_IMAGE: set it to an image this engine has, such as pid1-fixture/base.`,
      { cause: error },
    );
  }

  const timeoutMs = deps.settings.checkTimeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = deps.signal === undefined ? timeout : AbortSignal.any([deps.signal, timeout]);
  const session = new DemoSession(deps, image, timeoutMs, signal);
  try {
    return await runner(session);
  } catch (error) {
    if (timeout.aborted) {
      throw new Pid1Error(
        'check-timed-out',
        `Demo ${quoteForMessage(scenario.id)} timed out after ${Math.round(timeoutMs / 1000)} s: check the Docker engine's load, or raise PID1_CHECK_TIMEOUT_SECONDS.`,
      );
    }
    if (deps.signal?.aborted === true) {
      throw new Pid1Error('check-cancelled', `Demo ${quoteForMessage(scenario.id)} was cancelled.`);
    }
    throw toEngineError(error, `running demo ${quoteForMessage(scenario.id)}`, deps.engine.socket);
  } finally {
    const failures = await session.removeAll();
    if (failures.length > 0) {
      deps.logger?.warn(
        { scenario: scenario.id, containerIds: failures },
        'could not remove demo containers; the sweeper removes them once their pid1.expires-at label passes',
      );
    }
  }
}
