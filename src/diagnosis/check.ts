import type Docker from 'dockerode';
import { Pid1Error, quoteForMessage } from '../errors.js';
import { readContainerLogs } from '../docker/container-logs.js';
import { toEngineError } from '../docker/engine-error.js';
import { imageConfigOf } from '../docker/image-config.js';
import { ensureImage } from '../docker/image-store.js';
import { containerLabels } from '../docker/labels.js';
import { runProbe } from '../docker/run-probe.js';
import { createSandboxedContainer, removeContainers } from '../docker/sandboxed-container.js';
import { targetHostConfig } from '../docker/sandbox.js';
import { startTarget } from '../docker/start-target.js';
import { measureStop } from '../docker/stop-probe.js';
import type { CheckContext } from './check-context.js';
import type { CheckOptions } from './check-options.js';
import { isInteractiveShell } from './classify-pid1.js';
import { severityRank } from './findings/finding-catalogue.js';
import { runtimeFindings } from './findings/runtime-findings.js';
import type { RuntimeFacts } from './findings/runtime-facts.js';
import { staticFindings } from './findings/static-findings.js';
import { enforceAllowedImages, enforceRegistryPolicy } from './image-policy.js';
import { parseImageReference } from './image-reference.js';
import { interpretProbe } from './interpret-probe.js';
import {
  reportSchema,
  type Finding,
  type ImageInfo,
  type Report,
  type StopResult,
} from './report-schema.js';
import { normalizeSignal } from './signal-mask.js';
import { earlyStopReason } from './stop-decision.js';
import { validateCheckOptions } from './validate-options.js';

const maxLogBytes = 4 * 1024;
const maxLogLines = 20;
const maxLogLineChars = 200;

interface PreparedRun {
  checkId: string;
  image: ImageInfo;
  imageName: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
  argv: string[];
  tty: boolean;
  stopSignal: string;
}

function lastLogLines(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-maxLogLines)
    .map((line) => (line.length > maxLogLineChars ? `${line.slice(0, maxLogLineChars)}…` : line));
}

function secondsBetween(startedAt: string | undefined, finishedAt: string | undefined): number {
  const start = Date.parse(startedAt ?? '');
  const end = Date.parse(finishedAt ?? '');
  return Number.isFinite(start) && Number.isFinite(end) && end >= start ? (end - start) / 1000 : 0;
}

async function earlyExitOf(
  container: Docker.Container,
  tty: boolean,
  signal: AbortSignal,
): Promise<RuntimeFacts['earlyExit']> {
  const state = (await container.inspect({ abortSignal: signal })).State;
  if (state.Running) return null;
  const logs = await readContainerLogs(container, {
    tty,
    tailLines: maxLogLines,
    maxBytes: maxLogBytes,
    signal,
  });
  return {
    exitCode: state.ExitCode,
    secondsAfterStart: secondsBetween(state.StartedAt, state.FinishedAt),
    logLines: lastLogLines(logs),
  };
}

function stopDetail(
  stop: Omit<StopResult, 'detail'>,
  earlyReason: string | null,
  liveChildren: number,
): string {
  if (stop.reason === 'stopped-waiting-early') {
    return `${earlyReason ?? 'PID 1 dropped the signal'}, and it was still running ${stop.seconds.toFixed(1)} s after ${stop.signal}`;
  }
  if (stop.reason === 'killed-after-grace') {
    return `PID 1 was still running when the ${stop.graceSeconds} s grace ran out; SIGKILL ended it with exit code ${stop.exitCode ?? 'unknown'}`;
  }
  const children =
    liveChildren > 0
      ? `; ${liveChildren} other process(es) ran at the last look, and the kernel killed any still running with SIGKILL when PID 1 exited`
      : '';
  return `PID 1 exited ${stop.seconds.toFixed(2)} s after ${stop.signal} with exit code ${stop.exitCode ?? 'unknown'}${children}`;
}

/** Builds the report from the facts, ordering findings by severity and validating the result. */
function buildReport(
  run: PreparedRun,
  facts: RuntimeFacts,
  findings: Finding[],
  durationMs: number,
  env: string[],
): Report {
  const unique = new Map<string, Finding>();
  for (const finding of findings) if (!unique.has(finding.id)) unique.set(finding.id, finding);
  const ordered = [...unique.values()].sort(
    (a, b) => severityRank[b.severity] - severityRank[a.severity],
  );
  const healthy =
    facts.stop?.graceful === true &&
    facts.zombies?.reaped === true &&
    ordered.every((finding) => finding.severity === 'info');
  return reportSchema.parse({
    schemaVersion: 1,
    checkId: run.checkId,
    image: facts.image,
    run: {
      command: run.argv,
      tty: run.tty,
      env: env.map((entry) => entry.slice(0, entry.indexOf('='))),
    },
    verdict: healthy ? 'healthy' : 'problems',
    pid1: facts.pid1,
    processes: facts.processes,
    stop: facts.stop,
    zombies: facts.zombies,
    findings: ordered,
    durationMs: Math.round(durationMs),
  });
}

/**
 * Runs one check of `reference`: reads the image config, starts the target in the sandbox, reads
 * its PID namespace from a probe, measures the stop, and removes every container it made.
 * Throws a Pid1Error when the check cannot run (bad input, policy, engine, pull, time limit).
 */
export async function check(
  reference: string,
  options: CheckOptions,
  context: CheckContext,
): Promise<Report> {
  const startedAt = performance.now();
  const { engine, settings } = context;
  const imageReference = parseImageReference(reference);
  validateCheckOptions(options, settings.checkTimeoutMs);
  enforceAllowedImages(imageReference, settings.allowedImages);
  const checkId = context.newCheckId();
  const log = context.logger.child({ checkId, image: imageReference.normalized });

  const inspect = await ensureImage(engine, imageReference.engineName, {
    policy: settings.pull,
    pullTimeoutMs: settings.pullTimeoutMs,
    isImageId: imageReference.imageId !== null,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    beforePull: async () => {
      await enforceRegistryPolicy(imageReference, settings.allowedRegistries);
      options.onProgress?.('pulling');
      log.info({ event: 'image.pull' }, 'pulling image');
    },
  });
  await ensureImage(engine, settings.probeImage, {
    policy: settings.pull === 'never' ? 'never' : 'missing',
    pullTimeoutMs: settings.pullTimeoutMs,
    isImageId: false,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  }).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    throw new Pid1Error(
      'probe-image-missing',
      `The probe image ${quoteForMessage(settings.probeImage)} is not available (${message}): build or pull it, or set PID1_PROBE_IMAGE to a busybox image the engine has.`,
    );
  });

  const config = imageConfigOf(inspect);
  const entrypoint = options.entrypoint ?? config.entrypoint;
  const cmd =
    options.cmd !== undefined && options.cmd.length > 0
      ? options.cmd
      : options.entrypoint !== undefined
        ? null
        : config.cmd;
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  const stopSignal = normalizeSignal(config.stopSignal ?? 'SIGTERM') ?? 'SIGTERM';
  const run: PreparedRun = {
    checkId,
    imageName: inspect.Id,
    image: {
      reference: imageReference.normalized,
      id: inspect.Id,
      entrypoint: config.entrypoint,
      cmd: config.cmd,
      stopSignal: config.stopSignal,
      user: config.user,
      shell: config.shell,
    },
    entrypoint,
    cmd,
    argv,
    tty: options.tty ?? isInteractiveShell(argv),
    stopSignal,
  };
  const found = staticFindings({
    entrypoint: config.entrypoint,
    cmd: config.cmd,
    entrypointOverridden: options.entrypoint !== undefined,
    cmdOverridden: options.cmd !== undefined && options.cmd.length > 0,
    imageShell: run.image.shell,
  });

  const timeLimit = AbortSignal.timeout(settings.checkTimeoutMs);
  const signal =
    options.signal === undefined ? timeLimit : AbortSignal.any([timeLimit, options.signal]);
  const created: Docker.Container[] = [];
  try {
    const facts = await observe(run, options, context, signal, created, log);
    return buildReport(
      run,
      facts,
      [...runtimeFindings(facts), ...found],
      performance.now() - startedAt,
      options.env ?? [],
    );
  } catch (error) {
    if (timeLimit.aborted) {
      throw new Pid1Error(
        'check-timed-out',
        `The check of ${quoteForMessage(imageReference.normalized)} timed out after ${settings.checkTimeoutMs / 1000} s: its containers were removed; raise PID1_CHECK_TIMEOUT_SECONDS or lower --grace.`,
      );
    }
    if (options.signal?.aborted === true) {
      throw new Pid1Error(
        'check-cancelled',
        `The check of ${quoteForMessage(imageReference.normalized)} was cancelled; its containers were removed.`,
      );
    }
    throw toEngineError(
      error,
      `checking ${quoteForMessage(imageReference.normalized)}`,
      engine.socket,
    );
  } finally {
    options.onProgress?.('cleaning-up');
    const failed = await removeContainers(
      engine,
      created.map((container) => container.id),
    );
    if (failed.length > 0)
      log.warn(
        { event: 'cleanup.failed', containers: failed },
        'could not remove containers; the sweeper will',
      );
  }
}

async function observe(
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

  const started = await startTarget(engine, target, signal);
  if (!started.started) {
    facts.startFailure = { reason: started.reason, engineMessage: started.engineMessage };
    return facts;
  }
  facts.earlyExit = await earlyExitOf(target, run.tty, signal);
  if (facts.earlyExit !== null) return facts;

  options.onProgress?.('probing');
  const probe = await runProbe(
    engine,
    target.id,
    { name: `pid1-${run.checkId}-probe`, image: settings.probeImage, labels: labels('probe') },
    context.probeTiming,
    (container) => created.push(container),
    signal,
  );
  if (probe.ran) Object.assign(facts, interpretProbe(probe.observation));
  facts.earlyExit = await earlyExitOf(target, run.tty, signal);
  if (facts.earlyExit !== null) return facts;
  if (!probe.ran || !probe.observation.complete) {
    const why = probe.ran ? 'it stopped before printing all its results' : probe.reason;
    throw new Pid1Error(
      'engine-failed',
      `The probe could not read the target's processes: ${why}.`,
    );
  }

  options.onProgress?.('stopping');
  const graceSeconds = options.graceSeconds ?? settings.graceSeconds;
  const earlyReason =
    options.fullGrace === true ? null : earlyStopReason(facts.pid1, run.stopSignal);
  const deadlineMs =
    Math.min(graceSeconds, earlyReason === null ? graceSeconds : context.dropConfirmationSeconds) *
    1000;
  const measured = await measureStop(engine, target, run.stopSignal, deadlineMs, signal);
  if (measured.exitedBefore) {
    facts.earlyExit = await earlyExitOf(target, run.tty, signal);
    return facts;
  }
  const reason = !measured.killed
    ? 'exited'
    : earlyReason !== null && deadlineMs < graceSeconds * 1000
      ? 'stopped-waiting-early'
      : 'killed-after-grace';
  const liveChildren = facts.processes.filter(
    (entry) => entry.pid !== 1 && entry.state !== 'Z',
  ).length;
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
