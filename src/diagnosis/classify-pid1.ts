import type { Pid1Kind } from './report-schema.js';
import {
  knownInits,
  nodeScript,
  packageManagerScripts,
  packageManagers,
  programName,
  shells,
  stripInitPrefix,
  supervisors,
  systemdPaths,
} from './process-names.js';

/** True when `comm` and `argv` are npm, yarn or pnpm, directly or as the script `node` runs. */
export function isPackageManager(comm: string, argv: string[]): boolean {
  const commWord = programName(comm.split(/\s/)[0]);
  if (packageManagers.has(commWord)) return true;
  if (packageManagers.has(programName(argv[0]))) return true;
  const script = nodeScript(argv);
  return script !== undefined && packageManagerScripts.has(programName(script));
}

/**
 * Classifies PID 1 from its `comm` and command line. A script run through its `#!` line has the
 * script's name as `comm` and the interpreter as argv[0], so a shell script counts as a shell.
 */
export function classifyPid1(comm: string, argv: string[]): Pid1Kind {
  const commName = programName(comm);
  const argv0 = argv[0] ?? '';
  const argvName = programName(argv0);
  if (commName === 'systemd' || argvName === 'systemd') return 'systemd';
  if (commName === 'init' && systemdPaths.has(argv0)) return 'systemd';
  if (knownInits.has(commName) || knownInits.has(argvName)) return 'init';
  if (isPackageManager(comm, argv)) return 'package-manager';
  if (supervisors.has(commName) || supervisors.has(argvName)) return 'supervisor';
  if (argvName.startsWith('pm2 ') || commName.startsWith('pm2 ')) return 'supervisor';
  if (shells.has(commName) || shells.has(argvName)) return 'shell';
  return 'app';
}

/**
 * Tells whether `argv` starts an interactive shell (a shell with no script and no `-c`, alone or
 * behind an init), which `docker run -it` would give a TTY and open stdin.
 */
export function isInteractiveShell(argv: string[]): boolean {
  const command = stripInitPrefix(argv);
  const name = programName(command[0]);
  if (!shells.has(name) || name === 'busybox') return false;
  const args = command.slice(1);
  if (args.some((word) => word === '-c' || /^-[a-zA-Z]*c[a-zA-Z]*$/.test(word))) return false;
  return args.every((word) => word.startsWith('-') || word.startsWith('+'));
}
