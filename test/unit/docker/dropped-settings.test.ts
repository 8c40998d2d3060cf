import { describe, expect, it } from 'vitest';
import { probeHostConfig, targetHostConfig } from '../../../src/docker/sandbox.js';
import { droppedSettings } from '../../../src/docker/sandboxed-container.js';

describe('droppedSettings', () => {
  it('kept settings report nothing', () => {
    const requested = targetHostConfig();
    expect(droppedSettings(requested, { ...requested })).toEqual([]);
  });

  it('dropped memory swap is named', () => {
    const requested = targetHostConfig();
    expect(droppedSettings(requested, { ...requested, MemorySwap: -1 })).toEqual(['MemorySwap']);
  });

  it('missing PID limit and init are named', () => {
    const requested = targetHostConfig();
    expect(droppedSettings(requested, { ...requested, PidsLimit: 0, Init: true })).toEqual([
      'PidsLimit',
      'Init',
    ]);
  });

  it('capabilities given back are named', () => {
    const requested = probeHostConfig('abc');
    expect(
      droppedSettings(requested, { ...requested, CapDrop: [], CapAdd: ['SYS_ADMIN'] }),
    ).toEqual(['CapDrop', 'CapAdd']);
  });

  it('missing no-new-privileges is named', () => {
    const requested = targetHostConfig();
    expect(droppedSettings(requested, { ...requested, SecurityOpt: [] })).toEqual(['SecurityOpt']);
  });

  it('engine CAP_ prefixes still match', () => {
    const requested = targetHostConfig();
    const stored = {
      ...requested,
      CapDrop: ['CAP_NET_RAW', 'CAP_MKNOD', 'CAP_AUDIT_WRITE', 'CAP_SETFCAP'],
    };
    expect(droppedSettings(requested, stored)).toEqual([]);
  });
});
