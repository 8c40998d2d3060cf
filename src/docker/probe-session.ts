import type { RawSignalMasks } from '../diagnosis/probe-output.js';
import { LogFrameDecoder } from './log-frames.js';

/** Probe output kept at most; two snapshots at the process cap fit well within it. */
const maxProbeOutputBytes = 2 * 1024 * 1024;

/**
 * Reads a running probe's log stream: the text up to its `done` line, then the `watch` lines with
 * PID 1's latest signal masks, which the stop probe consults while it waits.
 */
export class ProbeSession {
  private output = '';
  private line = '';
  private masks: RawSignalMasks | null = null;
  private finished = false;
  private resolveReady: (() => void) | undefined;
  /** Resolves when the probe printed `done` or its stream ended. */
  readonly ready: Promise<void>;

  constructor(private readonly stream: NodeJS.ReadableStream & { destroy?: () => void }) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    const decoder = new LogFrameDecoder();
    stream.on('data', (chunk: Buffer) => this.consume(decoder.push(chunk)));
    stream.on('end', () => this.finish());
    stream.on('close', () => this.finish());
    stream.on('error', () => this.finish());
  }

  /** The probe's output up to and including `done`, or all of it if it ended early. */
  get text(): string {
    return this.output;
  }

  /** PID 1's signal masks as the probe last saw them after `done`, if it has seen any. */
  latestMasks(): RawSignalMasks | null {
    return this.masks;
  }

  close(): void {
    this.stream.destroy?.();
    this.finish();
  }

  private consume(text: string): void {
    this.line += text;
    let newline = this.line.indexOf('\n');
    while (newline >= 0) {
      this.handleLine(this.line.slice(0, newline));
      this.line = this.line.slice(newline + 1);
      newline = this.line.indexOf('\n');
    }
    if (this.line.length > maxProbeOutputBytes) this.line = '';
  }

  private handleLine(line: string): void {
    if (this.finished) {
      const [record, caught = '', blocked = '', ignored = ''] = line.split('\t');
      if (record === 'watch') this.masks = { caught, blocked, ignored };
      return;
    }
    if (this.output.length + line.length < maxProbeOutputBytes) this.output += `${line}\n`;
    if (line === 'done') this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.resolveReady?.();
  }
}
