import type Docker from 'dockerode';
import { demultiplexLogs } from '../docker/container-logs.js';

/** Output and exit code of a command run with `docker exec`. */
export interface ExecOutput {
  output: string;
  exitCode: number | null;
}

/** Runs `command` in the running `container` without a TTY and collects stdout and stderr. */
export async function execInContainer(
  container: Docker.Container,
  command: string[],
  signal: AbortSignal,
): Promise<ExecOutput> {
  const exec = await container.exec({
    Cmd: command,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    abortSignal: signal,
  });
  const stream = await exec.start({ hijack: true, stdin: false, abortSignal: signal });
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const inspected = await exec.inspect({ abortSignal: signal });
  return { output: demultiplexLogs(Buffer.concat(chunks)), exitCode: inspected.ExitCode ?? null };
}

/** A process listing and the command line that produced it. */
export interface ProcessListing {
  command: string[];
  output: string;
}

/**
 * Lists the processes of `container` with `ps -ef` (procps). BusyBox's `ps` accepts `-ef` but
 * prints only PID, USER and COMMAND, so when the output has no PPID column the listing is taken
 * again with `ps -o pid,ppid,stat,args`, whose STAT column shows zombies as `Z`.
 */
export async function listProcesses(
  container: Docker.Container,
  signal: AbortSignal,
): Promise<ProcessListing> {
  const full = ['ps', '-ef'];
  const first = await execInContainer(container, full, signal);
  if (first.exitCode === 0 && /\bPPID\b/.test(first.output))
    return { command: full, output: first.output };

  const busybox = ['ps', '-o', 'pid,ppid,stat,args'];
  const second = await execInContainer(container, busybox, signal);
  if (second.exitCode === 0) return { command: busybox, output: second.output };
  return { command: full, output: first.output };
}
