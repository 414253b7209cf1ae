// All occurrences of a string in one long text, for many look-ups: an index of the text's 8-character grams
// (hashed into chained buckets, built once in one pass) turns each look-up into a walk over the positions that
// share the needle's first gram, instead of a scan of the whole text per tag.

const GRAM = 8;
const BUCKET_BITS = 16;
const BASE = 31;

export class OccurrenceIndex {
  private readonly head: Int32Array;
  private readonly next: Int32Array;

  constructor(private readonly text: string) {
    this.head = new Int32Array(1 << BUCKET_BITS).fill(-1);
    this.next = new Int32Array(Math.max(0, text.length - GRAM + 1));
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
    }
  }

  /** Start offsets of `needle` in the text, ascending, at most `limit` of them. */
  find(needle: string, limit = Infinity): number[] {
    const found: number[] = [];
    if (needle.length === 0) return found;
    if (needle.length < GRAM) {
      for (let at = this.text.indexOf(needle); at >= 0 && found.length < limit; at = this.text.indexOf(needle, at + 1)) found.push(at);
      return found;
    }
    let hash = 0;
    for (let j = 0; j < GRAM; j++) hash = (Math.imul(hash, BASE) + needle.charCodeAt(j)) | 0;
    for (let at = this.head[bucket(hash)]!; at >= 0 && found.length < limit; at = this.next[at]!) {
      if (this.text.startsWith(needle, at)) found.push(at);
    }
    return found;
  }
}

function bucket(hash: number): number {
  return (hash ^ (hash >>> BUCKET_BITS)) & ((1 << BUCKET_BITS) - 1);
}
