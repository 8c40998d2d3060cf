import os from 'node:os';

const signalNames = new Map<number, string>();
for (const [name, number] of Object.entries(os.constants.signals)) {
  if (!signalNames.has(number)) signalNames.set(number, name);
}

/** Real-time signals are not in Node's table: Linux numbers them from 34 (SIGRTMIN) to 64. */
function nameOfSignal(number: number): string {
  const known = signalNames.get(number);
  if (known !== undefined) return known;
  if (number >= 34 && number <= 64) return number === 34 ? 'SIGRTMIN' : `SIGRTMIN+${number - 34}`;
  return `SIG${number}`;
}

/**
 * Decodes a hexadecimal signal mask from /proc/PID/status (SigCgt, SigBlk, SigIgn) into signal
 * names. Bit N-1 stands for signal N. Returns null for text that is not a hex mask.
 */
export function decodeSignalMask(hex: string): string[] | null {
  const text = hex.trim();
  if (!/^[0-9a-fA-F]{1,16}$/.test(text)) return null;
  const mask = BigInt(`0x${text}`);
  const names: string[] = [];
  for (let number = 1; number <= 64; number += 1) {
    if ((mask >> BigInt(number - 1)) & 1n) names.push(nameOfSignal(number));
  }
  return names;
}

/**
 * Normalises a signal as Docker's STOPSIGNAL accepts it (`SIGQUIT`, `QUIT`, `3`) to its name.
 * Returns null for a signal Linux does not have.
 */
export function normalizeSignal(signal: string): string | null {
  const text = signal.trim().toUpperCase();
  if (/^[0-9]{1,2}$/.test(text)) {
    const number = Number(text);
    return number >= 1 && number <= 64 ? nameOfSignal(number) : null;
  }
  const written = text.startsWith('SIG') ? text : `SIG${text}`;
  // Docker's signal table (moby/sys signal/signal_linux.go) has SIGCLD, which Node's lacks.
  const name = written === 'SIGCLD' ? 'SIGCHLD' : written;
  // An alias such as SIGIOT maps to the name decodeSignalMask uses (SIGABRT), so both match.
  const signalNumber = Object.hasOwn(os.constants.signals, name)
    ? os.constants.signals[name as keyof typeof os.constants.signals]
    : undefined;
  if (signalNumber !== undefined) return nameOfSignal(signalNumber);
  const realtime = /^SIGRTMIN(?:\+([0-9]{1,2}))?$/.exec(name);
  if (realtime !== null && Number(realtime[1] ?? 0) <= 30)
    return nameOfSignal(34 + Number(realtime[1] ?? 0));
  // Docker also accepts RTMAX-N, counted down from signal 64.
  const realtimeMax = /^SIGRTMAX(?:-([0-9]{1,2}))?$/.exec(name);
  if (realtimeMax !== null && Number(realtimeMax[1] ?? 0) <= 30)
    return nameOfSignal(64 - Number(realtimeMax[1] ?? 0));
  return null;
}
