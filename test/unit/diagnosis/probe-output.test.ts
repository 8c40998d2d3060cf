import { describe, expect, test } from 'vitest';
import { parseProbeOutput, parseStatLine } from '../../../src/diagnosis/probe-output.js';

/** Builds a /proc/PID/stat line with the fields the parser reads; the rest are plausible values. */
function statLine(
  pid: number,
  comm: string,
  state: string,
  ppid: number,
  startTicks: number,
): string {
  return `${pid} (${comm}) ${state} ${ppid} ${pid} ${pid} 0 -1 4194560 120 0 0 0 3 1 0 0 20 0 1 0 ${startTicks} 4321792 250 18446744073709551615`;
}

function procLine(pid: number, comm: string, state: string, ppid: number, argv: string[]): string {
  return [
    'proc',
    String(pid),
    statLine(pid, comm, state, ppid, 1000 + pid),
    argv.join('\x01'),
  ].join('\t');
}

const fullOutput = [
  'self\t57',
  'settled\t4\t9',
  'status\t0000000000004002\t0000000000000000\t0000000000001000',
  'snapshot\tbefore',
  procLine(1, 'python3', 'S', 0, ['python3', 'app.py', '']),
  procLine(7, 'sleep', 'S', 1, ['sleep', '100', '']),
  procLine(57, 'sh', 'S', 0, ['sh', '-c', 'probe', '']),
  'end\tbefore',
  'orphan\t61',
  'orphan-state\t812.50\tS\t1',
  'orphan-state\t812.71\tZ\t1',
  'orphan-state\t812.76\tgone\t-',
  'status\t0000000000004002\t0000000000000000\t0000000000000000',
  'snapshot\tafter',
  procLine(1, 'python3', 'S', 0, ['python3', 'app.py', '']),
  'end\tafter',
  'done',
  '',
].join('\n');

describe('parseStatLine', () => {
  test('plain comm', () => {
    const sample = parseStatLine(
      '1',
      statLine(1, 'python3', 'S', 0, 4242),
      'python3\x01app.py\x01',
    );
    expect(sample).toEqual({
      pid: 1,
      ppid: 0,
      state: 'S',
      comm: 'python3',
      startTicks: 4242,
      argv: ['python3', 'app.py'],
    });
  });

  test('comm with spaces and parentheses', () => {
    const sample = parseStatLine('12', statLine(12, 'my app) S 9 (x', 'Z', 1, 77), '');
    expect(sample?.comm).toBe('my app) S 9 (x');
    expect(sample?.state).toBe('Z');
    expect(sample?.ppid).toBe(1);
    expect(sample?.startTicks).toBe(77);
  });

  test('empty cmdline gives empty argv', () => {
    const sample = parseStatLine('9', statLine(9, 'kworker', 'Z', 1, 5), '');
    expect(sample?.argv).toEqual([]);
  });

  test('empty argument inside cmdline kept', () => {
    const sample = parseStatLine('9', statLine(9, 'app', 'S', 1, 5), 'app\x01\x01--flag\x01');
    expect(sample?.argv).toEqual(['app', '', '--flag']);
  });

  test('cmdline without trailing NUL', () => {
    const sample = parseStatLine('9', statLine(9, 'app', 'S', 1, 5), 'app\x01--flag');
    expect(sample?.argv).toEqual(['app', '--flag']);
  });

  test('missing start time defaults to 0', () => {
    const sample = parseStatLine('3', '3 (sh) S 1', '');
    expect(sample?.startTicks).toBe(0);
    expect(sample?.ppid).toBe(1);
  });

  test.each([
    ['no parentheses', '12 sh S 1'],
    ['close before open', '12 )sh( S 1'],
    ['cut after comm', '12 (sh'],
    ['non-numeric ppid', '12 (sh) S x'],
    ['missing ppid', '12 (sh) S'],
  ])('%s gives null', (_label, stat) => {
    expect(parseStatLine('12', stat, '')).toBeNull();
  });

  test('non-numeric pid gives null', () => {
    expect(parseStatLine('abc', statLine(1, 'sh', 'S', 0, 1), '')).toBeNull();
  });
});

describe('parseProbeOutput', () => {
  test('full output parsed', () => {
    const observation = parseProbeOutput(fullOutput);
    expect(observation.selfPid).toBe(57);
    expect(observation.settled).toEqual({ stableSamples: 4, samples: 9 });
    expect(observation.orphanPid).toBe(61);
    expect(observation.truncated).toBe(false);
    expect(observation.complete).toBe(true);
  });

  test('masks before and after snapshot', () => {
    const observation = parseProbeOutput(fullOutput);
    expect(observation.masksBefore).toEqual({
      caught: '0000000000004002',
      blocked: '0000000000000000',
      ignored: '0000000000001000',
    });
    expect(observation.masksAfter).toEqual({
      caught: '0000000000004002',
      blocked: '0000000000000000',
      ignored: '0000000000000000',
    });
  });

  test('snapshots hold their processes', () => {
    const observation = parseProbeOutput(fullOutput);
    expect(observation.before?.map((sample) => sample.pid)).toEqual([1, 7, 57]);
    expect(observation.after?.map((sample) => sample.pid)).toEqual([1]);
    expect(observation.before?.[1]?.argv).toEqual(['sleep', '100']);
  });

  test('orphan states in order', () => {
    const observation = parseProbeOutput(fullOutput);
    expect(observation.orphanStates).toEqual([
      { uptimeSeconds: 812.5, state: 'S', ppid: 1 },
      { uptimeSeconds: 812.71, state: 'Z', ppid: 1 },
      { uptimeSeconds: 812.76, state: 'gone', ppid: null },
    ]);
  });

  test('CRLF line endings accepted', () => {
    const observation = parseProbeOutput(fullOutput.replace(/\n/g, '\r\n'));
    expect(observation.complete).toBe(true);
    expect(observation.before?.map((sample) => sample.pid)).toEqual([1, 7, 57]);
  });

  test('comm with spaces and parenthesis', () => {
    const output = [
      'snapshot\tbefore',
      procLine(1, 'my app (v2)', 'S', 0, ['/app/run', '']),
      'end\tbefore',
    ].join('\n');
    const observation = parseProbeOutput(output);
    expect(observation.before?.[0]?.comm).toBe('my app (v2)');
    expect(observation.before?.[0]?.state).toBe('S');
  });

  test('comm with a tab kept', () => {
    const output = [
      'snapshot\tbefore',
      procLine(1, 'a\tb', 'S', 0, ['/app/run', '--x', '']),
      'end\tbefore',
    ].join('\n');
    const observation = parseProbeOutput(output);
    expect(observation.before).toHaveLength(1);
    expect(observation.before?.[0]?.comm).toBe('a\tb');
    expect(observation.before?.[0]?.argv).toEqual(['/app/run', '--x']);
  });

  test('garbage and truncated lines skipped', () => {
    const output = [
      'snapshot\tbefore',
      procLine(1, 'python3', 'S', 0, ['python3', '']),
      'proc\t7\t7 (slee',
      'proc',
      'nonsense line',
      '\u0000\u0001binary',
      procLine(8, 'sleep', 'S', 1, ['sleep', '']),
      'end\tbefore',
    ].join('\n');
    const observation = parseProbeOutput(output);
    expect(observation.before?.map((sample) => sample.pid)).toEqual([1, 8]);
  });

  test('proc outside snapshot ignored', () => {
    const output = [procLine(1, 'python3', 'S', 0, ['python3', ''])].join('\n');
    const observation = parseProbeOutput(output);
    expect(observation.before).toBeNull();
    expect(observation.after).toBeNull();
  });

  test('proc after end ignored', () => {
    const output = [
      'snapshot\tbefore',
      'end\tbefore',
      procLine(1, 'python3', 'S', 0, ['python3', '']),
    ].join('\n');
    const observation = parseProbeOutput(output);
    expect(observation.before).toEqual([]);
  });

  test('missing done means incomplete', () => {
    const cut = fullOutput.slice(0, fullOutput.indexOf('orphan\t'));
    const observation = parseProbeOutput(cut);
    expect(observation.complete).toBe(false);
    expect(observation.before).toHaveLength(3);
    expect(observation.after).toBeNull();
    expect(observation.orphanPid).toBeNull();
    expect(observation.orphanStates).toEqual([]);
    expect(observation.masksAfter).toBeNull();
  });

  test('truncated record sets flag', () => {
    const output = ['snapshot\tbefore', 'truncated', 'end\tbefore'].join('\n');
    expect(parseProbeOutput(output).truncated).toBe(true);
  });

  test('empty output', () => {
    const observation = parseProbeOutput('');
    expect(observation.selfPid).toBeNull();
    expect(observation.settled).toBeNull();
    expect(observation.masksBefore).toBeNull();
    expect(observation.before).toBeNull();
    expect(observation.complete).toBe(false);
  });

  test('non-numeric pids become null', () => {
    const observation = parseProbeOutput('self\tabc\norphan\t');
    expect(observation.selfPid).toBeNull();
    expect(observation.orphanPid).toBeNull();
  });
});
