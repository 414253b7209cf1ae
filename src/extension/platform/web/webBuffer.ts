// The little of Node's Buffer that the shared code uses (hex and base64 text, UTF-8, concat), for the web bundle,
// where no Buffer exists. Its bytes are a Uint8Array subclass, so subarray and indexing behave as on a real Buffer.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class WebBufferBytes extends Uint8Array {
  override toString(encoding?: string, start?: number, end?: number): string {
    return bytesToString(start === undefined && end === undefined ? this : this.subarray(start, end), encoding);
  }

  readUInt32BE(offset = 0): number {
    return new DataView(this.buffer, this.byteOffset, this.byteLength).getUint32(offset);
  }

  equals(other: Uint8Array): boolean {
    return this.length === other.length && this.every((b, i) => b === other[i]);
  }
}

function copyOf(bytes: Uint8Array): WebBufferBytes {
  const out = new WebBufferBytes(bytes.length);
  out.set(bytes);
  return out;
}

function bytesToString(bytes: Uint8Array, encoding?: string): string {
  if (encoding === 'hex') {
    let text = '';
    for (const b of bytes) text += HEX[b]!;
    return text;
  }
  if (encoding === 'latin1' || encoding === 'binary') {
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return text;
  }
  if (encoding === 'base64') {
    let binary = '';
    // In slices, so a large picture does not overflow the argument limit of fromCharCode.
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export const WebBuffer = {
  from(value: string | ArrayLike<number> | ArrayBuffer, encoding?: string): WebBufferBytes {
    if (typeof value === 'string') {
      if (encoding === 'base64') return copyOf(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
      if (encoding === 'hex') return copyOf(Uint8Array.from(value.match(/../g) ?? [], (h) => parseInt(h, 16)));
      return copyOf(new TextEncoder().encode(value));
    }
    return copyOf(value instanceof ArrayBuffer ? new Uint8Array(value) : Uint8Array.from(value));
  },

  alloc(size: number): WebBufferBytes {
    return new WebBufferBytes(size);
  },

  allocUnsafe(size: number): WebBufferBytes {
    return new WebBufferBytes(size);
  },

  concat(chunks: readonly Uint8Array[], total?: number): WebBufferBytes {
    const out = new WebBufferBytes(total ?? chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c.subarray(0, Math.max(0, out.length - at)), at);
      at += c.length;
    }
    return out;
  },

  byteLength(value: string | Uint8Array): number {
    return typeof value === 'string' ? new TextEncoder().encode(value).length : value.length;
  },

  isBuffer(value: unknown): value is WebBufferBytes {
    return value instanceof WebBufferBytes;
  },
};
