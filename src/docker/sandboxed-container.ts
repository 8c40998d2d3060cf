import type Docker from 'dockerode';
import { Pid1Error } from '../errors.js';
import type { Engine } from './engine.js';
import { toEngineError } from './engine-error.js';

/** Image, command and labels of one sandboxed container. Its HostConfig comes from sandbox.ts. */
export interface ContainerSpec {
  name: string;
  image: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
  env: string[];
  tty: boolean;
  labels: Record<string, string>;
  hostConfig: Docker.HostConfig;
}

const enforcedFields = [
  'Memory',
  'MemorySwap',
  'PidsLimit',
  'NanoCpus',
  'NetworkMode',
  'Init',
  'Privileged',
] as const;

/**
 * Lists the sandbox settings that the engine did not keep: the stored HostConfig must match what
 * was requested, since an engine without cgroup support for a limit silently drops it.
 */
export function droppedSettings(requested: Docker.HostConfig, stored: Docker.HostConfig): string[] {
  const dropped: string[] = [];
  for (const field of enforcedFields) {
    if (requested[field] !== undefined && stored[field] !== requested[field]) dropped.push(field);
  }
  const storedCapDrop = new Set(
    ((stored.CapDrop ?? []) as string[]).map((cap) => cap.replace(/^CAP_/, '')),
  );
  if (
    ((requested.CapDrop ?? []) as string[]).some(
      (cap) => !storedCapDrop.has(cap.replace(/^CAP_/, '')),
    )
  )
    dropped.push('CapDrop');
  if (((stored.CapAdd ?? []) as string[]).length > 0) dropped.push('CapAdd');
  const securityOptions = (stored.SecurityOpt ?? []) as string[];
  if (!securityOptions.some((option) => option.startsWith('no-new-privileges')))
    dropped.push('SecurityOpt');
  if (requested.PidMode !== undefined && stored.PidMode !== requested.PidMode)
    dropped.push('PidMode');
  return dropped;
}

/**
 * Creates a container and reads it back, removing it again and failing when the engine dropped a
 * limit. The caller owns the returned container and must remove it.
 */
export async function createSandboxedContainer(
  engine: Engine,
  spec: ContainerSpec,
  signal?: AbortSignal,
): Promise<Docker.Container> {
  const options: Docker.ContainerCreateOptions = {
    name: spec.name,
    Image: spec.image,
    Env: spec.env,
    Labels: spec.labels,
    Tty: spec.tty,
    OpenStdin: spec.tty,
    StdinOnce: false,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    NetworkDisabled: true,
    HostConfig: spec.hostConfig,
    abortSignal: signal,
  };
  if (spec.entrypoint !== null) options.Entrypoint = spec.entrypoint;
  if (spec.cmd !== null) options.Cmd = spec.cmd;
  const container = await engine.docker.createContainer(options);
  try {
    const stored = await container.inspect({ abortSignal: signal });
    const dropped = droppedSettings(spec.hostConfig, stored.HostConfig);
    if (dropped.length > 0) {
      throw new Pid1Error(
        'engine-failed',
        `The Docker engine did not keep the sandbox settings ${dropped.join(', ')} of container ${spec.name}, so pid1 will not run it: use an engine with cgroup support for these limits (rootless engines need cgroup v2).`,
      );
    }
    return container;
  } catch (error) {
    await container.remove({ force: true }).catch(() => undefined);
    throw error instanceof Pid1Error
      ? error
      : toEngineError(error, `reading back container ${spec.name}`, engine.socket);
  }
}

/** Removes containers by id, forcing running ones, ignoring those already gone. */
export async function removeContainers(engine: Engine, ids: string[]): Promise<string[]> {
  const failures: string[] = [];
  await Promise.all(
    ids.map(async (id) => {
      try {
        await engine.docker
          .getContainer(id)
          .remove({ force: true, v: true, abortSignal: AbortSignal.timeout(15_000) });
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status !== 404 && status !== 409) failures.push(id);
      }
    }),
  );
  return failures;
}
