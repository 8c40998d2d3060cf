import { describe, expect, test } from 'vitest';
import { interpretProbe, targetProcesses } from '../../../src/diagnosis/interpret-probe.js';
import type {
  OrphanState,
  ProbeObservation,
  ProcessSample,
} from '../../../src/diagnosis/probe-output.js';

function sample(
  pid: number,
  ppid: number,
  comm: string,
  argv: string[],
  state = 'S',
  startTicks = 1000 + pid,
): ProcessSample {
  return { pid, ppid, state, comm, startTicks, argv };
}

const pid1 = sample(1, 0, 'python3', ['python3', 'app.py']);
const worker = sample(7, 1, 'python3', ['python3', 'worker.py']);
const grandchild = sample(9, 7, 'sleep', ['sleep', '30']);
const probe = sample(57, 0, 'sh', ['sh', '-c', 'probe']);
const probeChild = sample(58, 57, 'head', ['head', '-c', '1024']);
const orphan = sample(61, 1, 'sleep', ['sleep', '0.2']);

function observation(overrides: Partial<ProbeObservation> = {}): ProbeObservation {
  return {
    selfPid: 57,
    settled: { stableSamples: 4, samples: 5 },
    masksBefore: { caught: '0000000000004000', blocked: '0', ignored: '0' },
    masksAfter: { caught: '0000000000004000', blocked: '0', ignored: '0' },
    before: [pid1, worker, probe, probeChild],
    after: [pid1, worker, probe],
    truncated: false,
    orphanPid: 61,
    orphanStates: [],
    complete: true,
    ...overrides,
  };
}

const reapedOrphan: OrphanState[] = [
  { uptimeSeconds: 100, state: 'S', ppid: 1 },
  { uptimeSeconds: 100.2, state: 'Z', ppid: 1 },
  { uptimeSeconds: 100.25, state: 'gone', ppid: null },
];

const stuckOrphan: OrphanState[] = [
  { uptimeSeconds: 100, state: 'S', ppid: 1 },
  { uptimeSeconds: 100.2, state: 'Z', ppid: 1 },
];

describe('targetProcesses', () => {
  test('probe processes excluded', () => {
    const targets = targetProcesses([probe, probeChild, pid1, worker], null);
    expect(targets.map((entry) => entry.pid)).toEqual([1, 7]);
  });

  test('orphan excluded by pid', () => {
    const targets = targetProcesses([pid1, orphan, worker], 61);
    expect(targets.map((entry) => entry.pid)).toEqual([1, 7]);
  });

  test('descendants targets in pid order', () => {
    const targets = targetProcesses([grandchild, worker, pid1], null);
    expect(targets.map((entry) => entry.pid)).toEqual([1, 7, 9]);
  });

  test('no PID 1 gives nothing', () => {
    expect(targetProcesses([worker, probe], null)).toEqual([]);
  });
});

describe('interpretProbe PID 1', () => {
  test('PID 1 described', () => {
    const result = interpretProbe(observation());
    expect(result.pid1).toEqual({
      command: 'python3 app.py',
      executable: 'python3',
      kind: 'app',
      signals: { caught: ['SIGTERM'], blocked: [], ignored: [] },
    });
  });

  test('masks after preferred', () => {
    const result = interpretProbe(
      observation({
        masksBefore: { caught: '4000', blocked: '0', ignored: '0' },
        masksAfter: { caught: '0', blocked: '0', ignored: '4000' },
      }),
    );
    expect(result.pid1?.signals?.ignored).toEqual(['SIGTERM']);
    expect(result.pid1?.signals?.caught).toEqual([]);
  });

  test('masks before used as fallback', () => {
    const result = interpretProbe(
      observation({
        masksBefore: { caught: '4000', blocked: '0', ignored: '0' },
        masksAfter: null,
      }),
    );
    expect(result.pid1?.signals?.caught).toEqual(['SIGTERM']);
  });

  test('invalid mask gives null signals', () => {
    const result = interpretProbe(
      observation({ masksAfter: { caught: 'zz', blocked: '0', ignored: '0' } }),
    );
    expect(result.pid1?.signals).toBeNull();
  });

  test('empty argv uses comm', () => {
    const kernelLike = sample(1, 0, 'myinit', []);
    const result = interpretProbe(observation({ before: [kernelLike], after: [kernelLike] }));
    expect(result.pid1?.command).toBe('myinit');
    expect(result.processes[0]?.argv).toEqual(['myinit']);
  });

  test('long command cut at 512', () => {
    const long = sample(1, 0, 'python3', ['python3', 'x'.repeat(600)]);
    const result = interpretProbe(observation({ before: [long], after: [long] }));
    expect(result.pid1?.command).toHaveLength(513);
    expect(result.pid1?.command.endsWith('…')).toBe(true);
  });

  test('shell script PID 1 kind', () => {
    const script = sample(1, 0, 'entrypoint.sh', ['/bin/bash', '/app/entrypoint.sh']);
    const result = interpretProbe(observation({ before: [script], after: [script] }));
    expect(result.pid1?.kind).toBe('shell');
    expect(result.pid1?.executable).toBe('entrypoint.sh');
  });

  test('no snapshot gives nothing', () => {
    const result = interpretProbe(observation({ before: null, after: null }));
    expect(result.pid1).toBeNull();
    expect(result.processes).toEqual([]);
    expect(result.zombies).toBeNull();
  });

  test('snapshot without PID 1', () => {
    const result = interpretProbe(observation({ before: [probe], after: [probe] }));
    expect(result.pid1).toBeNull();
    expect(result.processes).toEqual([]);
  });
});

describe('interpretProbe processes', () => {
  test('latest snapshot listed', () => {
    const result = interpretProbe(observation({ after: [pid1, probe] }));
    expect(result.processes.map((entry) => entry.pid)).toEqual([1]);
  });

  test('process entry fields', () => {
    const result = interpretProbe(observation());
    expect(result.processes[1]).toEqual({
      pid: 7,
      ppid: 1,
      state: 'S',
      executable: 'python3',
      command: 'python3 worker.py',
      argv: ['python3', 'worker.py'],
      lasting: true,
    });
  });

  test('new process not lasting', () => {
    const result = interpretProbe(observation({ before: [pid1], after: [pid1, worker] }));
    expect(result.processes.map((entry) => entry.lasting)).toEqual([true, false]);
  });

  test('reused pid not lasting', () => {
    const reused = { ...worker, startTicks: worker.startTicks + 50 };
    const result = interpretProbe(observation({ before: [pid1, worker], after: [pid1, reused] }));
    expect(result.processes[1]?.lasting).toBe(false);
  });

  test('one snapshot means none lasting', () => {
    const result = interpretProbe(observation({ before: [pid1, worker], after: null }));
    expect(result.processes.map((entry) => entry.pid)).toEqual([1, 7]);
    expect(result.processes.map((entry) => entry.lasting)).toEqual([false, false]);
    expect(result.zombies).toBeNull();
  });

  test('orphan left out of processes', () => {
    const zombieOrphan = { ...orphan, state: 'Z' };
    const result = interpretProbe(
      observation({ after: [pid1, worker, zombieOrphan], orphanStates: stuckOrphan }),
    );
    expect(result.processes.map((entry) => entry.pid)).toEqual([1, 7]);
  });
});

describe('interpretProbe zombies', () => {
  test('orphan reaped', () => {
    const result = interpretProbe(observation({ orphanStates: reapedOrphan }));
    expect(result.zombies?.reaped).toBe(true);
    expect(result.zombies?.orphanReaped).toBe(true);
    expect(result.zombies?.orphanReapMs).toBeCloseTo(50, 6);
    expect(result.zombies?.observed).toBe(0);
    expect(result.zombies?.lastingZombies).toEqual([]);
  });

  test('orphan gone without zombie state', () => {
    const states: OrphanState[] = [
      { uptimeSeconds: 100, state: 'S', ppid: 1 },
      { uptimeSeconds: 100.3, state: 'gone', ppid: null },
    ];
    const result = interpretProbe(observation({ orphanStates: states }));
    expect(result.zombies?.orphanReaped).toBe(true);
    expect(result.zombies?.orphanReapMs).toBeNull();
  });

  test('orphan stayed zombie', () => {
    const zombieOrphan = { ...orphan, state: 'Z' };
    const result = interpretProbe(
      observation({ after: [pid1, worker, zombieOrphan], orphanStates: stuckOrphan }),
    );
    expect(result.zombies?.reaped).toBe(false);
    expect(result.zombies?.orphanReaped).toBe(false);
    expect(result.zombies?.orphanReapMs).toBeNull();
    expect(result.zombies?.observed).toBe(1);
    expect(result.zombies?.lastingZombies).toEqual([]);
  });

  test('orphan still running is unknown', () => {
    const states: OrphanState[] = [{ uptimeSeconds: 100, state: 'S', ppid: 1 }];
    const result = interpretProbe(observation({ orphanStates: states }));
    expect(result.zombies?.orphanReaped).toBeNull();
    // Reaping that could not be confirmed does not count as reaped.
    expect(result.zombies?.reaped).toBe(false);
  });

  test('no orphan states is unknown', () => {
    const result = interpretProbe(observation({ orphanStates: [] }));
    expect(result.zombies?.orphanReaped).toBeNull();
    expect(result.zombies?.orphanReapMs).toBeNull();
  });

  test('lasting zombie found', () => {
    const zombie = sample(12, 1, 'defunct', [], 'Z');
    const result = interpretProbe(
      observation({
        before: [pid1, zombie],
        after: [pid1, zombie],
        orphanStates: reapedOrphan,
      }),
    );
    expect(result.zombies?.reaped).toBe(false);
    expect(result.zombies?.orphanReaped).toBe(true);
    expect(result.zombies?.observed).toBe(1);
    expect(result.zombies?.lastingZombies).toHaveLength(1);
    expect(result.zombies?.lastingZombies[0]?.pid).toBe(12);
    expect(result.zombies?.lastingZombies[0]?.lasting).toBe(true);
    expect(result.zombies?.lastingZombies[0]?.command).toBe('defunct');
  });

  test('new zombie not lasting', () => {
    const zombie = sample(12, 1, 'defunct', [], 'Z');
    const result = interpretProbe(
      observation({ before: [pid1], after: [pid1, zombie], orphanStates: reapedOrphan }),
    );
    expect(result.zombies?.reaped).toBe(true);
    expect(result.zombies?.observed).toBe(1);
    expect(result.zombies?.lastingZombies).toEqual([]);
  });

  test('zombie with reused pid not lasting', () => {
    const first = sample(12, 1, 'defunct', [], 'Z', 500);
    const second = sample(12, 1, 'defunct', [], 'Z', 900);
    const result = interpretProbe(
      observation({ before: [pid1, first], after: [pid1, second], orphanStates: reapedOrphan }),
    );
    expect(result.zombies?.lastingZombies).toEqual([]);
  });

  test('zombie running before not lasting', () => {
    const running = sample(12, 1, 'worker', ['worker']);
    const dead = { ...running, state: 'Z' };
    const result = interpretProbe(
      observation({ before: [pid1, running], after: [pid1, dead], orphanStates: reapedOrphan }),
    );
    expect(result.zombies?.lastingZombies).toEqual([]);
  });

  test('zombie orphan never lasting', () => {
    const zombieOrphan = { ...orphan, state: 'Z' };
    const result = interpretProbe(
      observation({
        before: [pid1, zombieOrphan],
        after: [pid1, zombieOrphan],
        orphanStates: stuckOrphan,
      }),
    );
    expect(result.zombies?.lastingZombies).toEqual([]);
    expect(result.zombies?.orphanReaped).toBe(false);
  });

  test('missing after snapshot', () => {
    const result = interpretProbe(observation({ after: null, orphanStates: reapedOrphan }));
    expect(result.zombies).toBeNull();
  });
});
