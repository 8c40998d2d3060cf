import type Docker from 'dockerode';
import { Pid1Error, quoteForMessage } from '../errors.js';
import type { Engine } from './engine.js';
import { engineMessage, engineStatusCode, toEngineError } from './engine-error.js';

/** Returns the image's inspect data, or null when the engine has no such image. */
export async function inspectImage(
  engine: Engine,
  name: string,
  signal?: AbortSignal,
): Promise<Docker.ImageInspectInfo | null> {
  try {
    // NOTE: dockerode passes abortSignal on for image calls too; its typings lack the field.
    return await engine.docker
      .getImage(name)
      .inspect({ abortSignal: signal } as Docker.ImageInspectOptions);
  } catch (error) {
    if (engineStatusCode(error) === 404) return null;
    throw toEngineError(error, `inspecting image ${quoteForMessage(name)}`, engine.socket);
  }
}

/** Bytes of pull progress kept in memory at once; a longer line without a newline is an error. */
const maxProgressLineBytes = 64 * 1024;

function splitRepositoryAndTag(name: string): { fromImage: string; tag: string } {
  const at = name.indexOf('@');
  if (at >= 0) return { fromImage: name.slice(0, at), tag: name.slice(at + 1) };
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/'))
    return { fromImage: name.slice(0, colon), tag: name.slice(colon + 1) };
  return { fromImage: name, tag: 'latest' };
}

async function readPullProgress(stream: NodeJS.ReadableStream, name: string): Promise<void> {
  let buffered = '';
  for await (const chunk of stream) {
    buffered += chunk.toString();
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line !== '') {
        const event = JSON.parse(line) as { error?: string; errorDetail?: { message?: string } };
        const message = event.errorDetail?.message ?? event.error;
        if (message !== undefined) {
          throw new Pid1Error(
            'pull-failed',
            `Pulling image ${quoteForMessage(name)} failed: ${message}`,
          );
        }
      }
      newline = buffered.indexOf('\n');
    }
    if (buffered.length > maxProgressLineBytes) {
      throw new Pid1Error(
        'pull-failed',
        `Pulling image ${quoteForMessage(name)} failed: the engine sent an unreadable progress stream.`,
      );
    }
  }
}

/**
 * Pulls exactly one tag or digest of `name` (never every tag), giving up after `timeoutMs`.
 * The engine pulls with the host's network and credentials.
 */
export async function pullImage(
  engine: Engine,
  name: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const abort = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  const { fromImage, tag } = splitRepositoryAndTag(name);
  try {
    const stream = (await engine.docker.createImage({
      fromImage,
      tag,
      abortSignal: abort,
    })) as NodeJS.ReadableStream;
    await readPullProgress(stream, name);
  } catch (error) {
    if (error instanceof Pid1Error) throw error;
    if (timeout.aborted) {
      throw new Pid1Error(
        'pull-timed-out',
        `Pulling image ${quoteForMessage(name)} timed out after ${Math.round(timeoutMs / 1000)} s: check the registry, or raise PID1_PULL_TIMEOUT_SECONDS.`,
      );
    }
    if (signal?.aborted === true) throw signal.reason;
    const engineError = toEngineError(
      error,
      `pulling image ${quoteForMessage(name)}`,
      engine.socket,
    );
    if (engineError.code === 'engine-unreachable') throw engineError;
    throw new Pid1Error(
      'pull-failed',
      `Pulling image ${quoteForMessage(name)} failed: ${engineMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}

export type PullPolicy = 'missing' | 'always' | 'never';

/**
 * Makes sure the engine has `name`: uses a local image, pulls a missing one, or pulls anyway
 * under `always`. Image ids are never pulled. Returns the inspect data.
 */
export async function ensureImage(
  engine: Engine,
  name: string,
  options: {
    policy: PullPolicy;
    pullTimeoutMs: number;
    isImageId: boolean;
    signal?: AbortSignal;
    beforePull?: () => Promise<void>;
  },
): Promise<Docker.ImageInspectInfo> {
  const canPull = !options.isImageId && options.policy !== 'never';
  const local =
    options.policy === 'always' && canPull
      ? null
      : await inspectImage(engine, name, options.signal);
  if (local !== null) return local;
  if (!canPull) {
    const hint = options.isImageId
      ? 'build it or name it by repository and tag'
      : 'pull it first, or set PID1_PULL=missing';
    throw new Pid1Error(
      'image-not-found',
      `Image ${quoteForMessage(name)} is not on this Docker engine: ${hint}.`,
    );
  }
  await options.beforePull?.();
  await pullImage(engine, name, options.pullTimeoutMs, options.signal);
  const pulled = await inspectImage(engine, name, options.signal);
  if (pulled === null) {
    throw new Pid1Error(
      'pull-failed',
      `Pulling image ${quoteForMessage(name)} finished but the engine still has no such image.`,
    );
  }
  return pulled;
}
