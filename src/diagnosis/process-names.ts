import path from 'node:path';

/** Inits built to run as PID 1 in a container: they forward signals and reap orphans. */
export const knownInits = new Set([
  'tini',
  'tini-static',
  'dumb-init',
  'docker-init',
  'catatonit',
  's6-svscan',
  's6-linux-init',
]);

/** Process supervisors that keep several programs running; some reap, few forward signals well. */
export const supervisors = new Set([
  'supervisord',
  'runsvdir',
  'runsv',
  'circusd',
  'honcho',
  'forego',
  'overmind',
  'monit',
  'pm2',
  'god daemon',
]);

export const shells = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'zsh',
  'ksh',
  'mksh',
  'fish',
  'busybox',
]);

export const packageManagers = new Set(['npm', 'yarn', 'pnpm']);

/** Scripts that `node` runs when a package manager is started through its JavaScript entry. */
export const packageManagerScripts = new Set([
  'npm',
  'npm-cli.js',
  'yarn',
  'yarnpkg',
  'yarn.js',
  'yarn.cjs',
  'pnpm',
  'pnpm.js',
  'pnpm.cjs',
]);

export const systemdPaths = new Set([
  '/sbin/init',
  '/usr/sbin/init',
  '/lib/systemd/systemd',
  '/usr/lib/systemd/systemd',
  'systemd',
  'init',
]);

/** Returns the program name of a command word: its basename, lowercased, without a trailing ':'. */
export function programName(word: string | undefined): string {
  if (word === undefined) return '';
  return path.posix.basename(word.trim()).replace(/:$/, '').toLowerCase();
}

/**
 * Returns the command that an init at the front of `argv` starts (`tini -s -- app` → `app`), or
 * `argv` itself when it does not start with a known init.
 */
export function stripInitPrefix(argv: string[]): string[] {
  if (!knownInits.has(programName(argv[0]))) return argv;
  const rest = argv.slice(1);
  const separator = rest.indexOf('--');
  if (separator >= 0) return rest.slice(separator + 1);
  const firstCommand = rest.findIndex((word) => !word.startsWith('-'));
  return firstCommand >= 0 ? rest.slice(firstCommand) : [];
}

/** Returns the script `node` runs in `argv` (the first word after node's own options), if any. */
export function nodeScript(argv: string[]): string | undefined {
  if (programName(argv[0]) !== 'node' && programName(argv[0]) !== 'nodejs') return undefined;
  return argv.slice(1).find((word) => !word.startsWith('-'));
}
