import { classifyPid1, isPackageManager } from '../classify-pid1.js';
import { programName, stripInitPrefix, systemdPaths } from '../process-names.js';
import type { Finding } from '../report-schema.js';
import { shellFormScript } from '../shell-form.js';
import { execForm, plainCommandWords, showCommand } from './dockerfile-snippets.js';
import { makeFinding } from './make-finding.js';

/** The command a check runs, split into the parts an image or the user set. */
export interface CommandParts {
  entrypoint: string[] | null;
  cmd: string[] | null;
  /** True for a part the user replaced with --entrypoint or --cmd, so the image's is not used. */
  entrypointOverridden: boolean;
  cmdOverridden: boolean;
  imageShell: string[] | null;
  /** The measured stop, when the container ran: true for a clean stop. */
  stopGraceful?: boolean | null;
}

function shellFormFinding(
  instruction: 'ENTRYPOINT' | 'CMD',
  script: string,
  parts: CommandParts,
): Finding {
  // `exec` is a shell builtin, so a script that already starts with it keeps only its command.
  const command = script.trim().replace(/^exec\s+/, '');
  const words = plainCommandWords(command);
  // Operators or several commands cannot follow `exec`, so such a script belongs in a file.
  const compound = /[;&|<>()\n]|\b(?:while|for|if|until|case|trap)\b/.test(command);
  let fix = `${instruction} exec ${command}`;
  if (words !== null) fix = `${instruction} ${execForm(words)}`;
  else if (compound) {
    fix = `# move the script into a file with a #! line whose last line starts the app with exec,\n# then run the file in exec form:\nCOPY entrypoint.sh /entrypoint.sh\n${instruction} ["/entrypoint.sh"]`;
  }
  const measured =
    parts.stopGraceful === true
      ? ' The stop was clean this time, because the shell script handles the stop signal itself, but the command cannot take arguments and is easy to break.'
      : '';
  const ignoredCmd =
    instruction === 'ENTRYPOINT' && (parts.cmd?.length ?? 0) > 0
      ? ' A shell-form ENTRYPOINT also ignores CMD and any arguments given to `docker run`.'
      : '';
  return makeFinding(
    'shell-form-command',
    `${instruction} is in shell form: Docker runs \`${showCommand(parts.imageShell ?? ['/bin/sh', '-c'])} ${JSON.stringify(script)}\`, so PID 1 starts as a shell, which passes no signal on to the commands it runs.${measured}${ignoredCmd}`,
    fix,
  );
}

/**
 * Findings from the image config alone, reported whether or not the container runs: shell-form
 * ENTRYPOINT or CMD, and a configured systemd or package manager.
 */
export function staticFindings(parts: CommandParts): Finding[] {
  const findings: Finding[] = [];
  const entrypointScript = parts.entrypointOverridden
    ? null
    : shellFormScript(parts.entrypoint, parts.imageShell);
  const cmdScript = parts.cmdOverridden ? null : shellFormScript(parts.cmd, parts.imageShell);
  if (entrypointScript !== null)
    findings.push(shellFormFinding('ENTRYPOINT', entrypointScript, parts));
  else if (cmdScript !== null) findings.push(shellFormFinding('CMD', cmdScript, parts));

  const argv = stripInitPrefix([...(parts.entrypoint ?? []), ...(parts.cmd ?? [])]);
  const first = argv[0] ?? '';
  if (
    systemdPaths.has(first) &&
    first !== 'init' &&
    classifyPid1(programName(first), argv) === 'systemd'
  ) {
    findings.push(
      makeFinding(
        'systemd-pid1',
        `The image is configured to start \`${first}\` as PID 1. systemd expects a full OS, cgroups it can write and privileges a sandboxed container does not get.`,
        'Run the service itself in the foreground as PID 1, for example `CMD ["nginx", "-g", "daemon off;"]`, with one service per container; if you truly need systemd, use a VM or a system-container runtime.',
      ),
    );
  }
  if (isPackageManager(programName(first), argv)) {
    findings.push(
      makeFinding(
        'package-manager-pid1',
        `The image starts \`${showCommand(argv)}\`: the package manager becomes PID 1 and does not forward SIGTERM to the app it starts.`,
        'CMD ["node", "server.js"]\n# run the script that the package.json "start" entry names, directly',
      ),
    );
  }
  return findings;
}
