import type Docker from 'dockerode';
import { toEngineError } from '../docker/engine-error.js';
import { containerLabels } from '../docker/labels.js';
import { demoHostConfig } from '../docker/sandbox.js';
import { createSandboxedContainer, removeContainers } from '../docker/sandboxed-container.js';
import type { DemoDeps } from './demo-result.js';

/** A demo container request. `command` replaces the image's ENTRYPOINT and CMD. */
export interface DemoContainerRequest {
  command: string[];
  tty: boolean;
  withInit: boolean;
}

/**
 * The containers of one demo run. Every container it creates carries the `demo` role labels and
 * the demo HostConfig, and `removeAll` removes each of them.
 */
export class DemoSession {
  private readonly containerIds: string[] = [];
  private containerCount = 0;
  private readonly checkId: string;
  private readonly createdAtMs: number;

  constructor(
    readonly deps: DemoDeps,
    readonly image: string,
    readonly timeoutMs: number,
    readonly signal: AbortSignal,
  ) {
    this.checkId = deps.newCheckId();
    this.createdAtMs = deps.now();
  }

  /** Creates a container for `request` without starting it. */
  async create(request: DemoContainerRequest): Promise<Docker.Container> {
    // Counted before the first await, so containers created concurrently get distinct names.
    this.containerCount += 1;
    const name = `pid1-demo-${this.checkId}-${this.containerCount}`;
    const container = await createSandboxedContainer(
      this.deps.engine,
      {
        name,
        image: this.image,
        // The command replaces the ENTRYPOINT too, so an image with its own ENTRYPOINT still
        // runs exactly the program the demo shows as PID 1.
        entrypoint: request.command.slice(0, 1),
        cmd: request.command.slice(1),
        env: [],
        tty: request.tty,
        labels: containerLabels(this.checkId, 'demo', this.createdAtMs, this.timeoutMs),
        hostConfig: demoHostConfig(request.withInit),
      },
      this.signal,
    ).catch((error: unknown) => {
      throw toEngineError(error, `creating demo container ${name}`, this.deps.engine.socket);
    });
    // NOTE: a create request aborted by the time limit may still create a container whose id never
    // arrives here. Its labels let the sweeper remove it once pid1.expires-at passes.
    this.containerIds.push(container.id);
    return container;
  }

  /** Creates and starts a container for `request`. */
  async start(request: DemoContainerRequest): Promise<Docker.Container> {
    const container = await this.create(request);
    await container.start({ abortSignal: this.signal });
    return container;
  }

  /**
   * Starts `command` twice, concurrently: once as PID 1 and once under docker-init (`--init`).
   * Waits for both to settle before throwing the first failure, so `removeAll` removes each
   * container that was created.
   */
  async startWithAndWithoutInit(
    command: string[],
  ): Promise<{ withoutInit: Docker.Container; withInit: Docker.Container }> {
    const [withoutInit, withInit] = await Promise.allSettled([
      this.start({ command, tty: false, withInit: false }),
      this.start({ command, tty: false, withInit: true }),
    ]);
    if (withoutInit.status === 'rejected') throw withoutInit.reason;
    if (withInit.status === 'rejected') throw withInit.reason;
    return { withoutInit: withoutInit.value, withInit: withInit.value };
  }

  /** Removes every container of this session; returns the ids that could not be removed. */
  async removeAll(): Promise<string[]> {
    return removeContainers(this.deps.engine, this.containerIds);
  }
}
