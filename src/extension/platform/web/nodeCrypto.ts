// node:crypto's createHash for the web bundle. The core hashes synchronously (sidecar text hashes, the analysis
// cache key, REFI-QDA GUIDs) and WebCrypto's digest is asynchronous only, so SHA-1 and SHA-256 are written out
// here (FIPS 180-4). Results are identical to Node's: test/unit/platform/webShims.test.ts checks them against node:crypto.

import { WebBuffer, type WebBufferBytes } from './webBuffer';

const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** One 64-byte block into the SHA-256 state. */
function sha256Block(state: Uint32Array, w: Uint32Array, block: DataView, at: number): void {
  for (let i = 0; i < 16; i++) w[i] = block.getUint32(at + i * 4);
  for (let i = 16; i < 64; i++) {
    const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
    const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let [a, b, c, d, e, f, g, h] = state as unknown as number[];
  for (let i = 0; i < 64; i++) {
    const t1 = (h! + (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + SHA256_K[i]! + w[i]!) | 0;
    const t2 = ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) | 0;
    h = g; g = f; f = e; e = (d! + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  const next = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) state[i] = (state[i]! + next[i]!) | 0;
}

/** One 64-byte block into the SHA-1 state. */
function sha1Block(state: Uint32Array, w: Uint32Array, block: DataView, at: number): void {
  for (let i = 0; i < 16; i++) w[i] = block.getUint32(at + i * 4);
  for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
  let [a, b, c, d, e] = state as unknown as number[];
  for (let i = 0; i < 80; i++) {
    const [f, k] = i < 20 ? [(b! & c!) | (~b! & d!), 0x5a827999] : i < 40 ? [b! ^ c! ^ d!, 0x6ed9eba1]
      : i < 60 ? [(b! & c!) | (b! & d!) | (c! & d!), 0x8f1bbcdc] : [b! ^ c! ^ d!, 0xca62c1d6];
    const t = (rotl(a!, 5) + f + e! + k + w[i]!) | 0;
    e = d; d = c; c = rotl(b!, 30); b = a; a = t;
  }
  const next = [a, b, c, d, e];
  for (let i = 0; i < 5; i++) state[i] = (state[i]! + next[i]!) | 0;
}

const ALGORITHMS = {
  sha256: { initial: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19], words: 64, block: sha256Block },
  sha1: { initial: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0], words: 80, block: sha1Block },
} as const;

export class Hash {
  private readonly chunks: Uint8Array[] = [];

  constructor(private readonly algorithm: keyof typeof ALGORITHMS) {}

  update(data: string | Uint8Array, _encoding?: string): this {
    this.chunks.push(typeof data === 'string' ? new TextEncoder().encode(data) : data);
    return this;
  }

  digest(): WebBufferBytes;
  digest(encoding: 'hex' | 'base64'): string;
  digest(encoding?: 'hex' | 'base64'): WebBufferBytes | string {
    const { initial, words, block } = ALGORITHMS[this.algorithm];
    const length = this.chunks.reduce((n, c) => n + c.length, 0);
    // The message, a 1 bit, zeros to 56 mod 64, then the bit length as a 64-bit big-endian number.
    const padded = new Uint8Array(Math.ceil((length + 9) / 64) * 64);
    let at = 0;
    for (const c of this.chunks) { padded.set(c, at); at += c.length; }
    padded[length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
    view.setUint32(padded.length - 4, (length * 8) >>> 0);
    const state = Uint32Array.from(initial);
    const w = new Uint32Array(words);
    for (let i = 0; i < padded.length; i += 64) block(state, w, view, i);
    const out = WebBuffer.alloc(state.length * 4);
    const outView = new DataView(out.buffer);
    state.forEach((word, i) => outView.setUint32(i * 4, word));
    return encoding ? out.toString(encoding) : out;
  }
}

export function createHash(algorithm: string): Hash {
  const name = algorithm.toLowerCase().replace('-', '');
  if (name !== 'sha256' && name !== 'sha1') throw new Error(`createHash: ${algorithm} is not available in the web extension host`);
  return new Hash(name);
}

export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}
