export interface StopSignal {
  /** Resolves on the first SIGTERM or SIGINT. */
  stopped: Promise<void>;
  /** Removes the signal handlers, restoring Node's default of exiting on the signal. */
  dispose(): void;
}

/** Waits for SIGTERM or SIGINT, so that the server can cancel its checks before it exits. */
export function listenForStopSignal(): StopSignal {
  let dispose: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      dispose();
      resolve();
    };
    dispose = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return { stopped, dispose };
}
