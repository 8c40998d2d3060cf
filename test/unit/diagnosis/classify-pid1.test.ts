import { describe, expect, test } from 'vitest';
import {
  classifyPid1,
  isInteractiveShell,
  isPackageManager,
} from '../../../src/diagnosis/classify-pid1.js';

describe('classifyPid1', () => {
  test.each([
    ['tini', ['tini', '--', 'python3'], 'init'],
    ['tini', ['/usr/bin/tini', '--', 'python3'], 'init'],
    ['dumb-init', ['/usr/bin/dumb-init', 'python3'], 'init'],
    ['docker-init', ['/sbin/docker-init', '--', 'sleep', '1000'], 'init'],
    ['npm start', ['npm start'], 'package-manager'],
    ['npm', ['npm', 'start'], 'package-manager'],
    ['node', ['node', '/usr/lib/node_modules/npm/bin/npm-cli.js', 'start'], 'package-manager'],
    ['node', ['node', '--max-old-space-size=512', '/opt/yarn/bin/yarn.js'], 'package-manager'],
    ['entrypoint.sh', ['/bin/bash', '/app/entrypoint.sh'], 'shell'],
    ['sh', ['/bin/sh', '-c', 'python3 app.py'], 'shell'],
    ['systemd', ['/lib/systemd/systemd'], 'systemd'],
    ['init', ['/sbin/init'], 'systemd'],
    ['supervisord', ['/usr/bin/python3', '/usr/bin/supervisord'], 'supervisor'],
    ['PM2 v5.3.0: God', ['PM2 v5.3.0: God Daemon (/root/.pm2)'], 'supervisor'],
    ['python3', ['python3', 'app.py'], 'app'],
    ['node', ['node', 'server.js'], 'app'],
    ['init', ['/usr/local/bin/init'], 'app'],
    ['', [], 'app'],
  ] as const)('%s %j is %s', (comm, argv, kind) => {
    expect(classifyPid1(comm, [...argv])).toBe(kind);
  });
});

describe('isPackageManager', () => {
  test('node running npm-cli.js', () => {
    expect(isPackageManager('node', ['node', '/usr/lib/node_modules/npm/bin/npm-cli.js'])).toBe(
      true,
    );
  });

  test('node running an app', () => {
    expect(isPackageManager('node', ['node', 'server.js'])).toBe(false);
  });

  test('pnpm by argv only', () => {
    expect(isPackageManager('', ['/usr/local/bin/pnpm', 'start'])).toBe(true);
  });
});

describe('isInteractiveShell', () => {
  test.each([
    [['bash']],
    [['/bin/sh']],
    [['sh', '-l']],
    [['bash', '-i']],
    [['bash', '--login']],
    [['tini', '--', 'bash']],
    [['/usr/bin/dumb-init', 'bash']],
  ])('%j is interactive', (argv) => {
    expect(isInteractiveShell(argv)).toBe(true);
  });

  test.each([
    [['sh', '-c', 'x']],
    [['bash', '-lc', 'x']],
    [['sh', '-ec', 'x']],
    [['bash', 'script.sh']],
    [['python3']],
    [['tini']],
    [['busybox', 'sh']],
    [[]],
  ])('%j is not interactive', (argv) => {
    expect(isInteractiveShell(argv)).toBe(false);
  });
});
