// Issue 14's streaming and incremental rows for the scale part (bench/scaleBench.ts):
// - a fresh-process job that writes the CSV of every passage as `report aggregate --format csv --out` does
//   (streamEvidence into CsvStreamWriter into a file), with its peak heap, against the aggregation job;
// - re-aggregation after one sidecar changed (EvidenceIndex.update), in this process, against the cost of that
//   one report alone: reading its sidecar and report, fetching its analysis from the warm cache, folding it.

import { open, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { streamEvidence } from '../src/core/evidence/streamEvidence';
import { EvidenceIndex } from '../src/core/evidence/evidenceIndex';
import { foldPair, pairReader } from '../src/core/evidence/foldPairs';
import { AnalysisCache } from '../src/core/evidence/analysisCache';
import { CsvStreamWriter } from '../src/core/exports/csvStream';
import { NodeFileSystem } from '../src/core/platform/fs/nodeFileSystem';
import { AnalysisPool } from '../src/core/recognition/workers/analysisPool';
import { CacheFolderFileSystem } from '../src/cli/cacheFolder';
import { writeAll } from '../src/cli/streamCsvOut';
import type { BenchRow } from './benchRow';

export const STREAM_CHILD_FLAG = '--stream-child';

/** The job when this process was started as one: `--stream-child csv <dir> <cacheDir> <out.csv>`. */
export function streamChildArgs(argv = process.argv): string[] | undefined {
  const at = argv.indexOf(STREAM_CHILD_FLAG);
  return at < 0 ? undefined : argv.slice(at + 1);
}

function savedAnalyses(cacheDir: string): AnalysisCache {
  return new AnalysisCache(new CacheFolderFileSystem(), cacheDir, { createFolder: async (path) => void (await mkdir(path, { recursive: true })) });
}

/** Writes the CSV as the CLI does and prints {ms, items, misses, peakHeapGrowth, peakRss, bytes} as JSON. */
export async function runStreamChild(args: string[]): Promise<void> {
  const [, dir, cacheDir, out] = args;
  const t0 = performance.now();
  const start = process.memoryUsage().heapUsed;
  let heap = start;
  let rss = process.memoryUsage.rss();
  let reports = 0;
  const pool = new AnalysisPool(join(__dirname, 'analysisWorker.js'));
  const cache = savedAnalyses(cacheDir!);
  const file = await open(out!, 'w');
  let bytes = 0;
  const writer = new CsvStreamWriter(async (chunk) => {
    bytes += chunk.length;
    await writeAll(file, chunk);
  });
  await streamEvidence([dir!], new NodeFileSystem(), { now: () => new Date(0), analysisCache: cache, analyse: (text, o) => pool.analyse(text, o) }, async ({ items }) => {
    await writer.write(items);
    // Sampled as the aggregation job samples (every 25 reports).
    if (++reports % 25 === 0) {
      heap = Math.max(heap, process.memoryUsage().heapUsed);
      rss = Math.max(rss, process.memoryUsage.rss());
    }
  });
  await writer.end();
  await file.close();
  await pool.close();
  heap = Math.max(heap, process.memoryUsage().heapUsed);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, items: writer.rows, misses: cache.counts.misses, peakHeapGrowth: heap - start, peakRss: rss, bytes }));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * One sidecar in the middle of the corpus alternately loses its last tag and gets it back (as tagging and undoing
 * do); each change is followed by the index's update (timed) and by folding that pair alone (the baseline).
 */
export async function reaggregationBench(dir: string, cacheDir: string, rounds: number): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const fs = new NodeFileSystem();
  const pool = new AnalysisPool(join(__dirname, 'analysisWorker.js'));
  const options = { now: () => new Date(0), analysisCache: savedAnalyses(cacheDir), analyse: (text: string, o: { markdown?: boolean }) => pool.analyse(text, o) };
  try {
    const index = new EvidenceIndex([dir], fs, options);
    const t0 = performance.now();
    const built = await index.build();
    const buildMs = performance.now() - t0;
    // The set's passages are the index's own, updated in place: counted now.
    const passages = built.items.length;
    const tagged = built.reports.filter((r) => r.sidecarPath !== undefined && r.tagCount > 0);
    const report = tagged[tagged.length >> 1]!;
    const sidecarPath = report.sidecarPath!;
    const original = await readFile(sidecarPath, 'utf8');
    const sidecar = JSON.parse(original) as { tags: unknown[] };
    const shorter = JSON.stringify({ ...sidecar, tags: sidecar.tags.slice(0, -1) }, null, 2);
    // The baseline's own reader: the same saved analyses, no models held from the index.
    const reader = pairReader({ analysisCache: savedAnalyses(cacheDir), analyse: options.analyse });
    const pair = { reportPath: report.path, sidecarPath };
    const update: number[] = [];
    const alone: number[] = [];
    for (let r = 0; r < rounds + 3; r++) {
      await writeFile(sidecarPath, r % 2 === 0 ? shorter : original);
      const u0 = performance.now();
      const set = await index.update([sidecarPath]);
      const u1 = performance.now();
      const folded = await foldPair(pair, fs, reader);
      const u2 = performance.now();
      const expected = sidecar.tags.length - (r % 2 === 0 ? 1 : 0);
      if (set.items.length !== passages - (r % 2 === 0 ? 1 : 0) || folded.passages?.items.length !== expected) throw new Error(`re-aggregation round ${r}: ${set.items.length} passages, the pair alone ${folded.passages?.items.length}`);
      if (r < 3) continue; // warm-up
      update.push(u1 - u0);
      alone.push(u2 - u1);
    }
    await writeFile(sidecarPath, original);
    return {
      rows: [
        {
          operation: `scale: re-aggregation after one sidecar changed (EvidenceIndex.update over ${built.reports.length.toLocaleString('en-GB')} reports, ${passages.toLocaleString('en-GB')} passages)`,
          median: median(update),
          baseline: { name: 'that one report alone: read, cached analysis, fold', median: median(alone) },
          target: 2,
          note: `${rounds} rounds`,
        },
      ],
      notes: [`Scale part, re-aggregation: the index was built (cache warm, untimed) in ${(buildMs / 1000).toFixed(1)} s; the changed sidecar ${sidecarPath.slice(dir.length + 1)} (${sidecar.tags.length} tags) alternately lost its last tag and got it back.`],
    };
  } finally {
    await pool.close();
  }
}
