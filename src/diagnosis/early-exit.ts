import type Docker from 'dockerode';
import { readContainerLogs } from '../docker/container-logs.js';
import type { RuntimeFacts } from './findings/runtime-facts.js';

const maxLogBytes = 4 * 1024;
const maxLogLines = 20;
const maxLogLineChars = 200;

function lastLogLines(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-maxLogLines)
    .map((line) => (line.length > maxLogLineChars ? `${line.slice(0, maxLogLineChars)}…` : line));
}

function secondsBetween(startedAt: string | undefined, finishedAt: string | undefined): number {
  const start = Date.parse(startedAt ?? '');
  const end = Date.parse(finishedAt ?? '');
  return Number.isFinite(start) && Number.isFinite(end) && end >= start ? (end - start) / 1000 : 0;
}

/** Returns how the target ended when it is no longer running, or null while it runs. */
export async function earlyExitOf(
  container: Docker.Container,
  tty: boolean,
  signal: AbortSignal,
): Promise<RuntimeFacts['earlyExit']> {
  const state = (await container.inspect({ abortSignal: signal })).State;
  if (state.Running) return null;
  const logs = await readContainerLogs(container, {
    tty,
    tailLines: maxLogLines,
    maxBytes: maxLogBytes,
    signal,
  });
  return {
    exitCode: state.ExitCode,
    secondsAfterStart: secondsBetween(state.StartedAt, state.FinishedAt),
    logLines: lastLogLines(logs),
  };
}
