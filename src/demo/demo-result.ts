import type { Settings } from '../config/settings.js';
import type { Engine } from '../docker/engine.js';
import type { Logger } from '../logging/logger.js';

/** One command of a demo: the docker command line a user would type, and what it printed. */
export interface DemoStep {
  command: string;
  /** The command's output, cut to `maxStepOutputChars`. */
  output: string;
}

/** The outcome of one demo run, ready to render. */
export interface DemoResult {
  scenario: string;
  title: string;
  steps: DemoStep[];
  summary: string;
}

/** What a demo depends on, passed in so tests and the Slack app can supply their own. */
export interface DemoDeps {
  engine: Engine;
  settings: Settings;
  /** Wall-clock milliseconds, for container labels. */
  now: () => number;
  newCheckId: () => string;
  /** Aborts the demo early, for example on SIGINT. Containers are still removed. */
  signal?: AbortSignal;
  /** Receives a warning when a container could not be removed. */
  logger?: Logger;
}

/** Characters of output kept per step. The tail is kept because ps lists new processes last. */
export const maxStepOutputChars = 4000;

/** Cuts `text` to `maxStepOutputChars`, keeping the end and marking the cut. */
export function capOutput(text: string): string {
  const trimmed = text.replace(/\r\n/g, '\n').trimEnd();
  if (trimmed.length <= maxStepOutputChars) return trimmed;
  return `[… ${trimmed.length - maxStepOutputChars} characters cut]\n${trimmed.slice(-maxStepOutputChars)}`;
}
