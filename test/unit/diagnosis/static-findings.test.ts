import { describe, expect, test } from 'vitest';
import {
  staticFindings,
  type CommandParts,
} from '../../../src/diagnosis/findings/static-findings.js';
import { findingSchema } from '../../../src/diagnosis/report-schema.js';

function parts(overrides: Partial<CommandParts>): CommandParts {
  return {
    entrypoint: null,
    cmd: null,
    entrypointOverridden: false,
    cmdOverridden: false,
    imageShell: null,
    ...overrides,
  };
}

const shellFormEvidence = (instruction: string, command: string): string =>
  `${instruction} is in shell form: Docker runs \`${command}\`, so PID 1 starts as a shell, which passes no signal on to the commands it runs.`;

describe('staticFindings shell form', () => {
  test('shell-form CMD', () => {
    const findings = staticFindings(parts({ cmd: ['/bin/sh', '-c', 'python3 app.py'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toEqual({
      id: 'shell-form-command',
      severity: 'warning',
      title: 'ENTRYPOINT or CMD is in shell form',
      evidence: shellFormEvidence('CMD', '/bin/sh -c "python3 app.py"'),
      fix: 'CMD ["python3", "app.py"]',
      topic: 'shell-form',
    });
  });

  test('shell-form ENTRYPOINT', () => {
    const findings = staticFindings(parts({ entrypoint: ['/bin/sh', '-c', 'python3 app.py'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toBe(
      shellFormEvidence('ENTRYPOINT', '/bin/sh -c "python3 app.py"'),
    );
    expect(findings[0]?.fix).toBe('ENTRYPOINT ["python3", "app.py"]');
  });

  test('shell-form ENTRYPOINT ignores CMD', () => {
    const findings = staticFindings(
      parts({ entrypoint: ['/bin/sh', '-c', 'python3 app.py'], cmd: ['--port', '80'] }),
    );
    expect(findings[0]?.evidence).toBe(
      `${shellFormEvidence('ENTRYPOINT', '/bin/sh -c "python3 app.py"')} A shell-form ENTRYPOINT also ignores CMD and any arguments given to \`docker run\`.`,
    );
  });

  test('ENTRYPOINT reported before CMD', () => {
    const findings = staticFindings(
      parts({ entrypoint: ['/bin/sh', '-c', 'a'], cmd: ['/bin/sh', '-c', 'b'] }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.fix).toBe('ENTRYPOINT ["a"]');
  });

  test('custom SHELL shown', () => {
    const shell = ['/bin/bash', '-o', 'pipefail', '-c'];
    const findings = staticFindings(
      parts({ cmd: [...shell, 'node server.js'], imageShell: shell }),
    );
    expect(findings[0]?.evidence).toBe(
      shellFormEvidence('CMD', '/bin/bash -o pipefail -c "node server.js"'),
    );
    expect(findings[0]?.fix).toBe('CMD ["node", "server.js"]');
  });

  test('quoted words kept together', () => {
    const findings = staticFindings(parts({ cmd: ['/bin/sh', '-c', 'python3 "my app.py"'] }));
    expect(findings[0]?.fix).toBe('CMD ["python3", "my app.py"]');
  });

  test('leading exec dropped from fix', () => {
    const findings = staticFindings(parts({ cmd: ['/bin/sh', '-c', 'exec python3 app.py'] }));
    expect(findings[0]?.fix).toBe('CMD ["python3", "app.py"]');
  });

  test('variable keeps a shell', () => {
    const findings = staticFindings(parts({ cmd: ['/bin/sh', '-c', 'python3 $APP'] }));
    expect(findings[0]?.fix).toBe('CMD exec python3 $APP');
  });

  test('exec not doubled in fix', () => {
    const findings = staticFindings(parts({ entrypoint: ['/bin/sh', '-c', 'exec python3 $APP'] }));
    expect(findings[0]?.fix).toBe('ENTRYPOINT exec python3 $APP');
  });

  test('compound script moves to a file', () => {
    const findings = staticFindings(
      parts({ cmd: ['/bin/sh', '-c', "trap 'exit 0' TERM; sleep 1"] }),
    );
    expect(findings[0]?.fix).toBe(
      '# move the script into a file with a #! line whose last line starts the app with exec,\n# then run the file in exec form:\nCOPY entrypoint.sh /entrypoint.sh\nCMD ["/entrypoint.sh"]',
    );
  });

  test('clean measured stop is acknowledged', () => {
    const findings = staticFindings(
      parts({ cmd: ['/bin/sh', '-c', 'python3 app.py'], stopGraceful: true }),
    );
    expect(findings[0]?.evidence).toContain('The stop was clean this time');
  });

  test('hand-written bash -c not reported', () => {
    expect(staticFindings(parts({ cmd: ['bash', '-c', 'python3 app.py'] }))).toEqual([]);
  });

  test('overridden CMD suppressed', () => {
    const findings = staticFindings(
      parts({ cmd: ['/bin/sh', '-c', 'python3 app.py'], cmdOverridden: true }),
    );
    expect(findings).toEqual([]);
  });

  test('overridden ENTRYPOINT suppressed', () => {
    const findings = staticFindings(
      parts({ entrypoint: ['/bin/sh', '-c', 'python3 app.py'], entrypointOverridden: true }),
    );
    expect(findings).toEqual([]);
  });

  test('overridden ENTRYPOINT leaves CMD', () => {
    const findings = staticFindings(
      parts({
        entrypoint: ['/bin/sh', '-c', 'a'],
        cmd: ['/bin/sh', '-c', 'b'],
        entrypointOverridden: true,
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.fix).toBe('CMD ["b"]');
  });
});

describe('staticFindings systemd', () => {
  const systemdEvidence = (path: string): string =>
    `The image is configured to start \`${path}\` as PID 1. systemd expects a full OS, cgroups it can write and privileges a sandboxed container does not get.`;

  test('/sbin/init is systemd-pid1', () => {
    const findings = staticFindings(parts({ cmd: ['/sbin/init'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.id).toBe('systemd-pid1');
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.evidence).toBe(systemdEvidence('/sbin/init'));
    expect(findings[0]?.topic).toBe('systemd');
  });

  test('systemd behind tini', () => {
    const findings = staticFindings(
      parts({ entrypoint: ['tini', '--'], cmd: ['/lib/systemd/systemd'] }),
    );
    expect(findings.map((finding) => finding.id)).toEqual(['systemd-pid1']);
    expect(findings[0]?.evidence).toBe(systemdEvidence('/lib/systemd/systemd'));
  });

  test('bare init word not reported', () => {
    expect(staticFindings(parts({ cmd: ['init'] }))).toEqual([]);
  });

  test('other init path not reported', () => {
    expect(staticFindings(parts({ cmd: ['/usr/local/bin/init'] }))).toEqual([]);
  });
});

describe('staticFindings package manager', () => {
  test('npm start is package-manager-pid1', () => {
    const findings = staticFindings(parts({ cmd: ['npm', 'start'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toEqual({
      id: 'package-manager-pid1',
      severity: 'error',
      title: 'A package manager runs as PID 1',
      evidence:
        'The image starts `npm start`: the package manager becomes PID 1 and does not forward SIGTERM to the app it starts.',
      fix: 'CMD ["node", "server.js"]\n# run the script that the package.json "start" entry names, directly',
      topic: 'package-managers',
    });
  });

  test('node running npm-cli.js', () => {
    const findings = staticFindings(
      parts({ cmd: ['node', '/usr/lib/node_modules/npm/bin/npm-cli.js', 'start'] }),
    );
    expect(findings.map((finding) => finding.id)).toEqual(['package-manager-pid1']);
  });

  test('yarn behind dumb-init', () => {
    const findings = staticFindings(parts({ entrypoint: ['dumb-init'], cmd: ['yarn', 'start'] }));
    expect(findings.map((finding) => finding.id)).toEqual(['package-manager-pid1']);
    expect(findings[0]?.evidence).toContain('`yarn start`');
  });

  test('shell-form npm start is shell form', () => {
    const findings = staticFindings(parts({ cmd: ['/bin/sh', '-c', 'npm start'] }));
    expect(findings.map((finding) => finding.id)).toEqual(['shell-form-command']);
    expect(findings[0]?.fix).toBe('CMD ["npm", "start"]');
  });

  test('node app not reported', () => {
    expect(staticFindings(parts({ cmd: ['node', 'server.js'] }))).toEqual([]);
  });
});

describe('staticFindings output', () => {
  test('no command gives no findings', () => {
    expect(staticFindings(parts({}))).toEqual([]);
  });

  test('every finding fits the schema', () => {
    const all = [
      ...staticFindings(parts({ cmd: ['/bin/sh', '-c', 'python3 $APP | tee log'] })),
      ...staticFindings(parts({ cmd: ['/sbin/init'] })),
      ...staticFindings(parts({ cmd: ['pnpm', 'start'] })),
    ];
    expect(all).toHaveLength(3);
    for (const finding of all) {
      expect(findingSchema.safeParse(finding).success).toBe(true);
    }
  });
});
