import { earlyExitOf } from './early-exit.js';
import type { PreparedRun } from './prepared-run.js';
import { stopDetail } from './stop-detail.js';
import type Docker from 'dockerode';
import { Pid1Error } from '../errors.js';
import { toEngineError } from '../docker/engine-error.js';
import { containerLabels } from '../docker/labels.js';
import { createProbe, runProbe } from '../docker/run-probe.js';
import { createSandboxedContainer } from '../docker/sandboxed-container.js';
import { targetHostConfig } from '../docker/sandbox.js';
import { startTarget } from '../docker/start-target.js';
import { measureStop } from '../docker/stop-probe.js';
import type { CheckContext } from './check-context.js';
import type { CheckOptions } from './check-options.js';
import type { RuntimeFacts } from './findings/runtime-facts.js';
import { decodeMasks, interpretProbe } from './interpret-probe.js';
import { earlyStopReason } from './stop-decision.js';

/**
 * Starts the target, reads its PID namespace from a probe and measures the stop. Every container
 * it creates is pushed to `created` at once, so the caller can remove it on any path.
 */
export async function observeTarget(
  run: PreparedRun,
  options: CheckOptions,
  context: CheckContext,
  signal: AbortSignal,
  created: Docker.Container[],
  log: CheckContext['logger'],
): Promise<RuntimeFacts> {
  const { engine, settings } = context;
  const facts: RuntimeFacts = {
    image: run.image,
    entrypoint: run.entrypoint,
    cmd: run.cmd,
    startFailure: null,
    earlyExit: null,
    pid1: null,
    processes: [],
    processesTruncated: false,
    stop: null,
    zombies: null,
  };
  if (run.argv.length === 0) {
    facts.startFailure = {
      reason: 'the image has neither ENTRYPOINT nor CMD',
      engineMessage: 'no command specified',
    };
    return facts;
  }
  options.onProgress?.('starting');
  const labels = (role: 'target' | 'probe') =>
    containerLabels(run.checkId, role, context.now(), settings.checkTimeoutMs);
  const target = await createSandboxedContainer(
    engine,
    {
      name: `pid1-${run.checkId}-target`,
      image: run.imageName,
      entrypoint:
        options.entrypoint === undefined
          ? null
          : options.entrypoint.length > 0
            ? options.entrypoint
            : [''],
      cmd: options.cmd !== undefined && options.cmd.length > 0 ? options.cmd : null,
      env: options.env ?? [],
      tty: run.tty,
      labels: labels('target'),
      hostConfig: targetHostConfig(),
    },
    signal,
  ).catch((error: unknown) => {
    if (error instanceof Pid1Error) throw error;
    const engineError = toEngineError(error, 'creating the target container', engine.socket);
    if (engineError.code === 'engine-unreachable' || signal.aborted) throw engineError;
    facts.startFailure = {
      reason: engineError.message.replace(/^.*?: /, ''),
      engineMessage: engineError.message,
    };
    return null;
  });
  if (target === null) return facts;
  created.push(target);
  log.debug({ event: 'target.created', containerId: target.id }, 'target created');

  // The probe is created while the target starts. Creating it needs only the target's container,
  // because the engine joins the PID namespace when the probe starts.
  const probeCreated = createProbe(
    engine,
    target.id,
    { name: `pid1-${run.checkId}-probe`, image: settings.probeImage, labels: labels('probe') },
    context.probeTiming,
    signal,
  ).then((container) => {
    created.push(container);
    return container;
  });
  probeCreated.catch(() => undefined);
  const started = await startTarget(engine, target, signal);
  if (!started.started) {
    await probeCreated.catch(() => undefined);
    facts.startFailure = { reason: started.reason, engineMessage: started.engineMessage };
    return facts;
  }

  options.onProgress?.('probing');
  // A target that exits at once makes the probe fail to start, and the inspect below shows why.
  const probe = await runProbe(engine, await probeCreated, signal);
  if (probe.ran) Object.assign(facts, interpretProbe(probe.observation));
  // A probe that printed `done` saw PID 1 alive: the kernel kills the probe when PID 1 exits.
  if (!probe.ran || !probe.observation.complete) {
    facts.earlyExit = await earlyExitOf(target, run.tty, signal);
    if (facts.earlyExit !== null) return facts;
    const why = probe.ran ? 'it stopped before printing all its results' : probe.reason;
    throw new Pid1Error(
      'engine-failed',
      `The probe could not read the target's processes: ${why}.`,
    );
  }

  options.onProgress?.('stopping');
  const graceSeconds = options.graceSeconds ?? settings.graceSeconds;
  // The decision to stop waiting uses the masks the probe reads while the stop is under way,
  // so an app that installed its handler after the probe's first look is still waited for.
  let earlyReason: string | null = null;
  const earlyCheck =
    options.fullGrace === true
      ? null
      : {
          afterMs: context.dropConfirmationSeconds * 1000,
          stillDropped: () => {
            const latest = decodeMasks(probe.session.latestMasks());
            const pid1 =
              facts.pid1 === null ? null : { ...facts.pid1, signals: latest ?? facts.pid1.signals };
            earlyReason = earlyStopReason(pid1, run.stopSignal);
            return earlyReason !== null;
          },
        };
  const measured = await measureStop(
    engine,
    target,
    run.stopSignal,
    graceSeconds * 1000,
    earlyCheck,
    signal,
  ).finally(() => probe.session.close());
  if (measured.exitedBefore) {
    facts.earlyExit = await earlyExitOf(target, run.tty, signal);
    return facts;
  }
  const reason = !measured.killed
    ? 'exited'
    : measured.stoppedEarly
      ? 'stopped-waiting-early'
      : 'killed-after-grace';
  // An init waits for its children before it exits. For any other PID 1, the kernel's SIGKILL of
  // the namespace may cut the children's shutdown short, so the detail points that out.
  const waitsForChildren = ['init', 'supervisor', 'systemd'].includes(facts.pid1?.kind ?? '');
  const liveChildren = waitsForChildren
    ? 0
    : facts.processes.filter((entry) => entry.pid !== 1 && entry.state !== 'Z').length;
  const stop = {
    signal: run.stopSignal,
    graceful: reason === 'exited',
    seconds: Math.round(measured.seconds * 100) / 100,
    exitCode: measured.exitCode,
    reason,
    graceSeconds,
  } as const;
  facts.stop = { ...stop, detail: stopDetail(stop, earlyReason, liveChildren) };
  return facts;
}
