/**
 * Splits the engine's multiplexed log stream into text as it arrives. Each frame has an 8-byte
 * header (stream type, three zero bytes, big-endian payload length) and then the payload.
 */
export class LogFrameDecoder {
  private pending: Buffer = Buffer.alloc(0);

  /** Adds bytes from the stream and returns the text of every frame they complete. */
  push(chunk: Buffer): string {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const parts: Buffer[] = [];
    let offset = 0;
    while (offset + 8 <= this.pending.length) {
      const length = this.pending.readUInt32BE(offset + 4);
      if (offset + 8 + length > this.pending.length) break;
      parts.push(this.pending.subarray(offset + 8, offset + 8 + length));
      offset += 8 + length;
    }
    this.pending = this.pending.subarray(offset);
    return Buffer.concat(parts).toString('utf8');
  }
}
