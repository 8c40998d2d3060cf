import type Docker from 'dockerode';

export const memoryLimitBytes = 512 * 1024 * 1024;
export const pidsLimit = 512;
export const nanoCpus = 1_000_000_000;

/** Capabilities Docker grants by default that no production app here needs to keep. */
export const targetCapDrop = ['NET_RAW', 'MKNOD', 'AUDIT_WRITE', 'SETFCAP'];

function baseHostConfig(): Docker.HostConfig {
  return {
    NetworkMode: 'none',
    SecurityOpt: ['no-new-privileges'],
    PidsLimit: pidsLimit,
    Memory: memoryLimitBytes,
    MemorySwap: memoryLimitBytes,
    NanoCpus: nanoCpus,
    LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '1' } },
    // NOTE: explicit, because a daemon started with --init would otherwise put docker-init in
    // front of the image's command and hide the PID 1 being diagnosed.
    Init: false,
    Privileged: false,
    Binds: [],
    Mounts: [],
    AutoRemove: false,
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
  };
}

/**
 * HostConfig of a target: Docker's default capabilities less four, so images that start as root
 * and drop privileges (nginx, postgres) behave as in production, with no network and fixed limits.
 */
export function targetHostConfig(): Docker.HostConfig {
  return { ...baseHostConfig(), CapDrop: [...targetCapDrop], CapAdd: [] };
}

/** HostConfig of a probe: the target's limits, no capabilities, and the target's PID namespace. */
export function probeHostConfig(targetId: string): Docker.HostConfig {
  return { ...baseHostConfig(), CapDrop: ['ALL'], CapAdd: [], PidMode: `container:${targetId}` };
}

/** HostConfig of a demo container; the "with an init" half may set `Init: true`. */
export function demoHostConfig(withInit: boolean): Docker.HostConfig {
  return { ...targetHostConfig(), Init: withInit };
}
