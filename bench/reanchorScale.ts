// Re-anchoring a very large sidecar (100,000 tags) after a global word replacement in its report, against
// reading, parsing and writing that sidecar (JSON.parse + serialiseSidecar + fs write) in the same rounds.
// The report is the bench's synthetic SIF report with a running footer (its title over the page number) on every
// page, so repeated lines tempt tags onto the wrong copy. The generator knows where every tag's words went, so
// the row also says how many moved tags landed on other words: that must be 0.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reanchorTags, type ReanchorResult } from '../src/core/tags/anchoring/reanchoring';
import { createAnchor, textHash } from '../src/core/tags/anchoring/anchorCreation';
import { serialiseSidecar } from '../src/core/tags/sidecar/sidecarSerialiser';
import { SIDECAR_FORMAT, SIDECAR_VERSION, type Tag } from '../src/core/tags/sidecar/sidecarModel';
import { seededRandom } from './syntheticReport';
import type { BenchRow } from './benchRow';

const TAGS = Number(process.env.BENCH_SCALE_TAGS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 3);
const FROM = 'children';
const TO = 'young people';

/** The report with its first line (the title) printed above every page number, as a running footer. */
export function withRunningFooters(text: string): string {
  const title = text.slice(0, text.indexOf('\n'));
  return text.replace(/\n( {40,}\d{1,4})\n/g, (_m, page: string) => `\n${title}\n${page}\n`);
}

/** Word-aligned passages of 30-200 characters spread over the text. */
export function makeTags(text: string, count: number): Tag[] {
  const random = seededRandom(100);
  const at = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: count }, (_v, i) => {
    let start = Math.floor(((i + random()) / count) * (text.length - 250));
    while (start < text.length && !/\s/.test(text[start]!)) start++;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let end = Math.min(text.length, start + 30 + Math.floor(random() * 170));
    while (end < text.length && /\S/.test(text[end]!)) end++;
    return { id: `s-${i}`, themes: [{ id: 'lm.workforce', label: 'Workforce' }], created: at, modified: at, anchor: createAnchor(text, start, end) };
  });
}

/** The text with every whole word FROM replaced, and where each old offset (at a word boundary) went. */
export function replaceEverywhere(text: string): { text: string; moved: (offset: number) => number } {
  const starts: number[] = [];
  const pattern = new RegExp(`\\b${FROM}\\b`, 'g');
  for (const m of text.matchAll(pattern)) starts.push(m.index);
  const grow = TO.length - FROM.length;
  const moved = (offset: number): number => {
    // Replacements wholly before the offset: binary search for those ending at or before it.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! + FROM.length <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo * grow;
  };
  return { text: text.replace(pattern, TO), moved };
}

/** Counts found tags by whether they are exactly on their own words, on them with other edges, or on other words. */
function check(tags: readonly Tag[], result: ReanchorResult, moved: (offset: number) => number): { exact: number; edges: number; other: number } {
  const counts = { exact: 0, edges: 0, other: 0 };
  result.tags.forEach((tag, i) => {
    if (result.results[i]!.status === 'orphaned') return;
    const old = tags[i]!.anchor.position;
    const own = { start: moved(old.start), end: moved(old.end) };
    const { start, end } = tag.anchor.position;
    const shared = Math.max(0, Math.min(end, own.end) - Math.max(start, own.start));
    if (start === own.start && end === own.end) counts.exact++;
    else if (shared * 2 > end - start) counts.edges++;
    else counts.other++;
  });
  return counts;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export async function reanchorScaleBench(synthetic: string): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const text = withRunningFooters(synthetic);
  const tags = makeTags(text, TAGS);
  const { text: replaced, moved } = replaceEverywhere(text);
  const dir = mkdtempSync(join(tmpdir(), 'ira-bench-scale-'));
  try {
    const file = join(dir, 'report.txt.tags.json');
    const sidecar = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: 'report.txt', textHash: textHash(text) }, tags } as const;
    writeFileSync(file, serialiseSidecar(sidecar));
    const io = () => writeFileSync(file, serialiseSidecar(JSON.parse(readFileSync(file, 'utf8')) as typeof sidecar));
    let result: ReanchorResult | undefined;
    const times = { io: [] as number[], reanchor: [] as number[] };
    for (let round = 0; round <= ROUNDS; round++) {
      // Alternating which goes first; round 0 warms up.
      const ops: Array<[keyof typeof times, () => void]> = [['io', io], ['reanchor', () => (result = reanchorTags(tags, replaced))]];
      if (round % 2 === 1) ops.reverse();
      for (const [name, run] of ops) {
        const t0 = performance.now();
        run();
        if (round > 0) times[name].push(performance.now() - t0);
      }
    }
    const { stayed, moved: movedCount, orphaned } = result!.summary;
    const landed = check(tags, result!, moved);
    const row: BenchRow = {
      operation: `synthetic: re-anchor ${TAGS.toLocaleString('en-GB')} tags after replacing every "${FROM}" by "${TO}"`,
      median: median(times.reanchor),
      baseline: { name: 'sidecar read + parse + write', median: median(times.io) },
      target: 5,
      note: `stayed ${stayed}, moved ${movedCount}, orphaned ${orphaned}; moved onto other words ${landed.other}, onto own words with other edges ${landed.edges}`,
    };
    const notes = [`Re-anchoring at scale: ${text.length.toLocaleString('en-GB')}-character report with running footers, ${TAGS.toLocaleString('en-GB')} tags; found tags exactly on their own words: ${landed.exact}, own words with other edges: ${landed.edges}, ON OTHER WORDS: ${landed.other} (must be 0).`];
    return { rows: [row], notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
