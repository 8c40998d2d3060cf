import type { Engine } from '../../docker/engine.js';

/** Milliseconds `/healthz` waits for the Docker engine to respond to a ping. */
const pingTimeoutMs = 2000;

/** Returns a function that resolves to whether the Docker engine responds to `ping` in time. */
export function createEnginePing(engine: Engine): () => Promise<boolean> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), pingTimeoutMs);
    });
    try {
      return await Promise.race([engine.docker.ping().then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
}
