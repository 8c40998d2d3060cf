import type Docker from 'dockerode';

/**
 * Splits the engine's multiplexed log format (an 8-byte header per frame: stream, three zero
 * bytes, big-endian length) into text. A cut-off last frame is kept as far as it goes.
 */
export function demultiplexLogs(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const length = buffer.readUInt32BE(offset + 4);
    const start = offset + 8;
    parts.push(buffer.subarray(start, Math.min(start + length, buffer.length)));
    offset = start + length;
  }
  return Buffer.concat(parts).toString('utf8');
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return Buffer.alloc(0);
}

/**
 * Reads a stopped or running container's logs without following them: the last `tailLines`
 * lines, at most `maxBytes` bytes of them. `tty` says whether the container had a TTY, whose
 * logs are raw instead of multiplexed.
 */
export async function readContainerLogs(
  container: Docker.Container,
  options: { tty: boolean; tailLines?: number; maxBytes: number; signal?: AbortSignal },
): Promise<string> {
  const data: unknown = await container.logs({
    stdout: true,
    stderr: true,
    follow: false,
    ...(options.tailLines === undefined ? {} : { tail: options.tailLines }),
    abortSignal: options.signal,
  });
  const buffer = toBuffer(data);
  const text = options.tty ? buffer.toString('utf8') : demultiplexLogs(buffer);
  return text.length > options.maxBytes ? text.slice(text.length - options.maxBytes) : text;
}
