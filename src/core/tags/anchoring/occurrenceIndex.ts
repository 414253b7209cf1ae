// All occurrences of a string in one long text, for many look-ups: an index of the text's 8-character grams
// (hashed into chained buckets, built once in one pass) turns each look-up into a walk over the positions that
// share the needle's rarest gram, instead of a scan of the whole text per tag. The rarest, not the first: a quote
// with its context often begins with a line's indentation, and eight spaces are everywhere in a report.

const GRAM = 8;
const BUCKET_BITS = 16;
const BASE = 31;

export class OccurrenceIndex {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  /** Positions in each bucket's chain. */
  private readonly sizes: Int32Array;

  constructor(private readonly text: string) {
    this.head = new Int32Array(1 << BUCKET_BITS).fill(-1);
    this.next = new Int32Array(Math.max(0, text.length - GRAM + 1));
    this.sizes = new Int32Array(1 << BUCKET_BITS);
    if (text.length < GRAM) return;
    let power = 1;
    for (let j = 1; j < GRAM; j++) power = Math.imul(power, BASE);
    let hash = 0;
    for (let j = 0; j < GRAM; j++) hash = (Math.imul(hash, BASE) + text.charCodeAt(j)) | 0;
    // Walk backwards so each bucket's chain lists positions in ascending order.
    const hashes = new Int32Array(this.next.length);
    for (let i = 0; i < hashes.length; i++) {
      hashes[i] = hash;
      if (i + GRAM < text.length) hash = (Math.imul(hash - Math.imul(text.charCodeAt(i), power), BASE) + text.charCodeAt(i + GRAM)) | 0;
    }
    for (let i = hashes.length - 1; i >= 0; i--) {
      const b = bucket(hashes[i]!);
      this.next[i] = this.head[b]!;
      this.head[b] = i;
      this.sizes[b]!++;
    }
  }

  /** Start offsets of `needle` in the text, ascending, at most `limit` of them. */
  find(needle: string, limit = Infinity): number[] {
    const found: number[] = [];
    if (needle.length === 0) return found;
    if (needle.length < GRAM) return findByScanning(this.text, needle, limit);
    const { offset, chain } = this.rarestGram(needle);
    // Chains are ascending, so the needle's starts (each gram position less the gram's offset) are too.
    for (let at = chain; at >= 0 && found.length < limit; at = this.next[at]!) {
      if (at >= offset && this.text.startsWith(needle, at - offset)) found.push(at - offset);
    }
    return found;
  }

  /** The needle's gram whose bucket holds the fewest positions: its offset in the needle, and its chain's head. */
  private rarestGram(needle: string): { offset: number; chain: number } {
    let power = 1;
    for (let j = 1; j < GRAM; j++) power = Math.imul(power, BASE);
    let hash = 0;
    for (let j = 0; j < GRAM; j++) hash = (Math.imul(hash, BASE) + needle.charCodeAt(j)) | 0;
    let best = bucket(hash);
    let offset = 0;
    for (let o = 1; o + GRAM <= needle.length && this.sizes[best]! > 0; o++) {
      hash = (Math.imul(hash - Math.imul(needle.charCodeAt(o - 1), power), BASE) + needle.charCodeAt(o + GRAM - 1)) | 0;
      const b = bucket(hash);
      if (this.sizes[b]! < this.sizes[best]!) {
        best = b;
        offset = o;
      }
    }
    return { offset, chain: this.head[best]! };
  }
}

/** What OccurrenceIndex.find returns, by scanning the text: cheaper than building the index for a few look-ups. */
export function findByScanning(text: string, needle: string, limit = Infinity): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at >= 0 && found.length < limit; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function bucket(hash: number): number {
  return (hash ^ (hash >>> BUCKET_BITS)) & ((1 << BUCKET_BITS) - 1);
}
