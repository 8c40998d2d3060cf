import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.js';
import { randomCheckId } from '../../src/diagnosis/check-context.js';
import { createEngine } from '../../src/docker/engine.js';
import { runDemoCommand } from '../../src/cli/demo-command.js';
import { demoGraceSeconds } from '../../src/demo/signals-demo.js';
import { demoScenarios, runDemo, type DemoDeps, type DemoResult } from '../../src/demo/run-demo.js';
import { Pid1Error } from '../../src/errors.js';
import { renderDemoText } from '../../src/render/demo-text.js';

const demoImage = 'pid1-case/debian:bookworm';
const engine = createEngine();

function demoDeps(image = demoImage): DemoDeps {
  const settings = loadSettings({ PID1_DEMO_IMAGE: image, PID1_PULL: 'never' });
  return { engine, settings, now: Date.now, newCheckId: randomCheckId };
}

function stepOutputs(result: DemoResult): string {
  return result.steps.map((step) => step.output).join('\n');
}

function captureOutput() {
  const captured = { stdout: '', stderr: '' };
  const output = {
    stdout: (text: string) => {
      captured.stdout += text;
    },
    stderr: (text: string) => {
      captured.stderr += text;
    },
  };
  return { captured, output };
}

afterAll(async () => {
  const left = await engine.docker.listContainers({
    all: true,
    filters: { label: ['pid1.managed=true', 'pid1.role=demo'] },
  });
  expect(left.map((container) => container.Names)).toEqual([]);
});

describe('pid1 demo', () => {
  it('bash demo shows bash as PID 1', async () => {
    const result = await runDemo('bash', demoDeps());
    expect(result.steps[0]?.command).toBe(`docker run -it ${demoImage} bash`);
    expect(stepOutputs(result)).toMatch(/^root\s+1\s+0\s.*\bbash$/m);
    expect(result.summary).toContain("PID 1 is 'bash'");
  });

  it('bash demo falls back to sh on BusyBox', async () => {
    const result = await runDemo('bash', demoDeps('pid1-fixture/base'));
    expect(result.steps[0]?.command).toBe('docker run -it pid1-fixture/base sh');
    expect(result.summary).toContain("PID 1 is 'sh'");
  });

  it('sleep demo shows sleep as PID 1', async () => {
    const result = await runDemo('sleep', demoDeps());
    expect(stepOutputs(result)).toMatch(/^root\s+1\s+0\s.*sleep 300$/m);
    expect(result.summary).toContain("PID 1 is 'sleep 300'");
  });

  it('init demo reports missing /sbin/init', async () => {
    const result = await runDemo('init', demoDeps());
    expect(result.steps[0]?.command).toContain('/sbin/init');
    expect(result.steps[0]?.output).toMatch(/no such file or directory|executable file not found/);
    expect(result.summary).toContain('has no /sbin/init');
    expect(result.summary).toContain('--privileged');
  });

  it('zombies demo shows zombie only without init', async () => {
    const result = await runDemo('zombies', demoDeps());
    const withoutInit = result.steps[1]?.output ?? '';
    const withInit = result.steps[3]?.output ?? '';
    expect(withoutInit).toMatch(/^root\s+1\s+0\s.*sleep 300$/m);
    expect(withoutInit).toContain('[sleep] <defunct>');
    expect(withInit).toMatch(/^root\s+1\s+0\s.*docker-init/m);
    expect(withInit).not.toContain('<defunct>');
    expect(result.summary).toContain('Without an init: 1 zombie,');
    expect(result.summary).toContain('With --init: 0 zombies,');
  });

  it('zombies demo works on BusyBox', async () => {
    const result = await runDemo('zombies', demoDeps('pid1-fixture/base'));
    expect(result.steps[1]?.command).toBe('docker exec CONTAINER ps -o pid,ppid,stat,args');
    expect(result.steps[1]?.output).toMatch(/\sZ\s/);
    expect(result.summary).toContain('Without an init: 1 zombie,');
    expect(result.summary).toContain('With --init: 0 zombies,');
  });

  it('signals demo compares stop time and exit codes', async () => {
    const result = await runDemo('signals', demoDeps());
    const [bareRun, bareStop, bareExit, initRun, initStop, initExit] = result.steps;
    expect(bareRun?.command).toBe(`docker run -d ${demoImage} sleep 300`);
    expect(initRun?.command).toBe(`docker run -d --init ${demoImage} sleep 300`);
    const bareSeconds = Number(/after ([\d.]+) s/.exec(bareStop?.output ?? '')?.[1]);
    const initSeconds = Number(/after ([\d.]+) s/.exec(initStop?.output ?? '')?.[1]);
    expect(bareSeconds).toBeGreaterThanOrEqual(demoGraceSeconds);
    expect(initSeconds).toBeLessThan(1);
    expect(bareExit?.output).toBe('137');
    expect(initExit?.output).toBe('143');
  });

  it('time limit stops demo and removes containers', async () => {
    const settings = loadSettings({
      PID1_DEMO_IMAGE: demoImage,
      PID1_PULL: 'never',
      PID1_CHECK_TIMEOUT_SECONDS: '1',
      PID1_GRACE_SECONDS: '0.5',
    });
    const deps: DemoDeps = { engine, settings, now: Date.now, newCheckId: () => 'demotimeout1' };
    const error = await runDemo('signals', deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Pid1Error);
    expect((error as Pid1Error).code).toBe('check-timed-out');
    const left = await engine.docker.listContainers({
      all: true,
      filters: { label: ['pid1.check-id=demotimeout1'] },
    });
    expect(left).toHaveLength(0);
  });

  it('unknown scenario suggests the closest', async () => {
    const error = await runDemo('zombie', demoDeps()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Pid1Error);
    expect((error as Pid1Error).code).toBe('invalid-argument');
    expect((error as Pid1Error).message).toBe(
      "Demo scenario 'zombie' is not known. Did you mean 'zombies'? Scenarios: bash, sleep, init, zombies, signals.",
    );
  });

  it('command exits 2 for unknown scenario', async () => {
    const { captured, output } = captureOutput();
    const code = await runDemoCommand('sigals', false, output);
    expect(code).toBe(2);
    expect(captured.stderr).toBe(
      "pid1: Demo scenario 'sigals' is not known. Did you mean 'signals'? Scenarios: bash, sleep, init, zombies, signals.\n",
    );
    expect(captured.stdout).toBe('');
  });

  it('command lists scenarios without argument', async () => {
    const { captured, output } = captureOutput();
    const code = await runDemoCommand(undefined, false, output);
    expect(code).toBe(0);
    for (const scenario of demoScenarios) expect(captured.stdout).toContain(`  ${scenario.id}`);
    expect(captured.stdout.trim().split('\n')).toHaveLength(demoScenarios.length + 2);
  });

  it('command exits 3 for missing image', async () => {
    const previous = { image: process.env['PID1_DEMO_IMAGE'], pull: process.env['PID1_PULL'] };
    process.env['PID1_DEMO_IMAGE'] = 'pid1-fixture/no-such-image:1';
    process.env['PID1_PULL'] = 'never';
    try {
      const { captured, output } = captureOutput();
      const code = await runDemoCommand('sleep', false, output);
      expect(code).toBe(3);
      expect(captured.stderr).toContain('is not on this Docker engine');
    } finally {
      process.env['PID1_DEMO_IMAGE'] = previous.image;
      process.env['PID1_PULL'] = previous.pull;
    }
  });

  it('renders steps and summary as text', async () => {
    const result = await runDemo('sleep', demoDeps());
    const text = renderDemoText(result);
    expect(text.startsWith('sleep: Another program as PID 1\n')).toBe(true);
    expect(text).toContain(`$ docker run -d ${demoImage} sleep 300\n`);
    expect(text).toContain('$ docker exec CONTAINER ps -ef\n');
    expect(text).toMatch(/^ {4}root\s+1\s+0\s/m);
  });
});
