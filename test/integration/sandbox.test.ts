import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/diagnosis/check.js';
import { testCheckContext } from '../support/check-context.js';

const context = testCheckContext();

/** Inspects the check's containers by role while the probe runs. */
async function inspectByRole(checkId: string): Promise<Map<string, Docker.ContainerInspectInfo>> {
  const listed = await context.engine.docker.listContainers({
    all: true,
    filters: { label: [`pid1.check-id=${checkId}`] },
  });
  const byRole = new Map<string, Docker.ContainerInspectInfo>();
  for (const entry of listed) {
    const info = await context.engine.docker.getContainer(entry.Id).inspect();
    byRole.set(entry.Labels['pid1.role'] ?? '', info);
  }
  return byRole;
}

describe('sandbox of a check', () => {
  it('target and probe carry the sandbox settings', async () => {
    context.newCheckId = () => 'sandboxtest1';
    let seen: Promise<Map<string, Docker.ContainerInspectInfo>> | undefined;
    await check(
      'pid1-fixture/drops-sigterm',
      {
        onProgress: (step) => {
          if (step === 'stopping') seen = inspectByRole('sandboxtest1');
        },
      },
      context,
    );
    const byRole = await (seen as Promise<Map<string, Docker.ContainerInspectInfo>>);
    const target = byRole.get('target')?.HostConfig;
    const probe = byRole.get('probe')?.HostConfig;
    const mebibytes512 = 512 * 1024 * 1024;

    expect(target?.NetworkMode).toBe('none');
    expect(target?.CapDrop).toEqual(['NET_RAW', 'MKNOD', 'AUDIT_WRITE', 'SETFCAP']);
    expect(target?.CapAdd ?? []).toEqual([]);
    expect(target?.SecurityOpt).toEqual(['no-new-privileges']);
    expect(target?.PidsLimit).toBe(512);
    expect(target?.Memory).toBe(mebibytes512);
    expect(target?.MemorySwap).toBe(mebibytes512);
    expect(target?.NanoCpus).toBe(1_000_000_000);
    expect(target?.Init).toBe(false);
    expect(target?.Privileged).toBe(false);
    expect(target?.Binds ?? []).toEqual([]);
    expect(target?.LogConfig?.Type).toBe('json-file');
    expect(target?.PidMode ?? '').toBe('');

    expect(probe?.CapDrop).toEqual(['ALL']);
    expect(probe?.PidMode).toBe(`container:${byRole.get('target')?.Id}`);
    expect(probe?.NetworkMode).toBe('none');
    expect(probe?.Memory).toBe(mebibytes512);
    expect(probe?.Init).toBe(false);
    expect(probe?.Privileged).toBe(false);

    const labels = byRole.get('target')?.Config.Labels ?? {};
    expect(labels['pid1.managed']).toBe('true');
    expect(labels['pid1.role']).toBe('target');
    const created = Date.parse(byRole.get('target')?.Created ?? '') / 1000;
    const expiresAt = Number(labels['pid1.expires-at']);
    expect(expiresAt - created).toBeGreaterThanOrEqual(context.settings.checkTimeoutMs / 1000 + 29);
    expect(expiresAt - created).toBeLessThanOrEqual(context.settings.checkTimeoutMs / 1000 + 32);
  });
});
