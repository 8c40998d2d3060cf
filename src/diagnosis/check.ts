import { buildReport } from './build-report.js';
import { observeTarget } from './observe-target.js';
import type { PreparedRun } from './prepared-run.js';
import type Docker from 'dockerode';
import { Pid1Error, quoteForMessage } from '../errors.js';
import { toEngineError } from '../docker/engine-error.js';
import { imageConfigOf } from '../docker/image-config.js';
import { ensureImage, inspectImage } from '../docker/image-store.js';
import { removeContainers } from '../docker/sandboxed-container.js';
import type { CheckContext } from './check-context.js';
import type { CheckOptions } from './check-options.js';
import { isInteractiveShell } from './classify-pid1.js';
import { runtimeFindings } from './findings/runtime-findings.js';
import { staticFindings } from './findings/static-findings.js';
import { enforceAllowedImages, enforceRegistryPolicy } from './image-policy.js';
import { parseImageReference } from './image-reference.js';
import { type Report } from './report-schema.js';
import { normalizeSignal } from './signal-mask.js';
import { validateCheckOptions } from './validate-options.js';

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

  const probeReady = ensureImage(engine, settings.probeImage, {
    policy: settings.pull === 'never' ? 'never' : 'missing',
    pullTimeoutMs: settings.pullTimeoutMs,
    isImageId: false,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  }).catch((error: unknown) => {
    if (error instanceof Pid1Error && error.code === 'engine-unreachable') throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Pid1Error(
      'probe-image-missing',
      `The probe image ${quoteForMessage(settings.probeImage)} is not available (${message}): build or pull it, or set PID1_PROBE_IMAGE to a busybox image the engine has.`,
    );
  });
  probeReady.catch(() => undefined);

  // Bare hex such as `c4643efd9273` names a local image by id when one matches, as in docker.
  const localById =
    imageReference.mayBeImageId && imageReference.imageId === null
      ? await inspectImage(engine, imageReference.raw, options.signal)
      : null;
  const inspect =
    localById ??
    (await ensureImage(engine, imageReference.engineName, {
      policy: settings.pull,
      pullTimeoutMs: settings.pullTimeoutMs,
      isImageId: imageReference.imageId !== null,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      beforePull: async () => {
        await enforceRegistryPolicy(imageReference, settings.allowedRegistries);
        options.onProgress?.('pulling');
        log.info({ event: 'image.pull' }, 'pulling image');
      },
    }));
  await probeReady;

  const config = imageConfigOf(inspect);
  const entrypoint = options.entrypoint ?? config.entrypoint;
  const cmd =
    options.cmd !== undefined && options.cmd.length > 0
      ? options.cmd
      : options.entrypoint !== undefined
        ? null
        : config.cmd;
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0 && options.entrypoint !== undefined) {
    throw new Pid1Error(
      'invalid-option',
      '--entrypoint "" leaves nothing to run, because replacing the ENTRYPOINT also drops the image\'s CMD: add --cmd "PROGRAM ARGS".',
    );
  }
  const stopSignal = normalizeSignal(config.stopSignal ?? 'SIGTERM') ?? 'SIGTERM';
  const run: PreparedRun = {
    checkId,
    imageName: inspect.Id,
    image: {
      reference: localById === null ? imageReference.normalized : localById.Id,
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
  const commandParts = {
    entrypoint: config.entrypoint,
    cmd: config.cmd,
    entrypointOverridden: options.entrypoint !== undefined,
    cmdOverridden: options.cmd !== undefined && options.cmd.length > 0,
    imageShell: run.image.shell,
  };

  const timeLimit = AbortSignal.timeout(settings.checkTimeoutMs);
  const signal =
    options.signal === undefined ? timeLimit : AbortSignal.any([timeLimit, options.signal]);
  const created: Docker.Container[] = [];
  try {
    const facts = await observeTarget(run, options, context, signal, created, log);
    return buildReport(
      run,
      facts,
      [
        ...runtimeFindings(facts),
        ...staticFindings({ ...commandParts, stopGraceful: facts.stop?.graceful ?? null }),
      ],
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
