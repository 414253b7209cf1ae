// Part 'scale' of `npm run bench` (issue 14): aggregation at national scale, over the generated corpus of
// bench/scaleCorpus.ts (5,000 reports by default, each tagged with 100 tags), in fresh processes as
// the cache part runs them: read + parse of the same files against aggregation with the persistent cache warm,
// and the collection's peak memory against the total size of the sidecars; then the streamed CSV export and the
// re-aggregation after one sidecar changed (bench/streamBench.ts).
// BENCH_SCALE_REPORTS sets the number of reports (for a quick run).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScaleCorpus } from './scaleCorpus';
import type { BenchRow } from './benchRow';
import { ageFiles, CHILD_FLAG, spawnJob, type ChildResult } from './cacheBench';
import { reaggregationBench, STREAM_CHILD_FLAG } from './streamBench';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

export async function scaleBench(root: string, rounds: number): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const reports = Number(process.env.BENCH_SCALE_REPORTS ?? 5000);
  const work = mkdtempSync(join(tmpdir(), 'ira-scale-bench-'));
  const script = join(__dirname, 'bench.js');
  try {
    const dir = join(work, 'reports');
    const t0 = performance.now();
    const written = generateScaleCorpus(dir, { reports, fixtureFolder: join(root, 'test/fixtures/reports') });
    const notes = [
      `Scale part: ${written.reports.toLocaleString('en-GB')} generated reports (bench/scaleCorpus.ts), ${written.taggedReports.toLocaleString('en-GB')} tagged with ${written.tags.toLocaleString('en-GB')} tags, ` +
        `${written.authorities} authorities; ${mb(written.reportBytes)} of reports, ${mb(written.sidecarBytes)} of sidecars; generated (untimed) in ${((performance.now() - t0) / 1000).toFixed(0)} s.`,
    ];
    const cache = join(work, 'cache');
    ageFiles(dir);
    // Filled once (untimed), as the first window or run does.
    const filled = spawnJob(script, [CHILD_FLAG, 'aggregate', dir, cache]);
    notes.push(`Scale part, cache empty (filled once, untimed): ${(filled.result.ms / 1000).toFixed(1)} s, peak RSS ${mb(filled.result.peakRss ?? 0)} (worker threads included), peak heap growth ${mb(filled.result.peakHeapGrowth ?? 0)}.`);
    // The second run knows the reports by their stamps and saves each pair's evidence (evidenceSnapshots.ts), as a
    // second window or run does; the rows time the runs after it.
    const saving = spawnJob(script, [CHILD_FLAG, 'aggregate', dir, cache]).result;
    if (saving.digest !== filled.result.digest) throw new Error('scale: the second run gave another evidence set than the first');
    notes.push(`Scale part, second run (reports known by their stamps, each pair's evidence saved; untimed): ${(saving.ms / 1000).toFixed(1)} s, ${(saving.known ?? 0).toLocaleString('en-GB')} pairs already known, peak heap growth ${mb(saving.peakHeapGrowth ?? 0)}.`);
    const read: number[] = [];
    const warm: ChildResult[] = [];
    const csv: ChildResult[] = [];
    for (let r = 0; r < rounds; r++) {
      read.push(spawnJob(script, [CHILD_FLAG, 'read', dir]).result.ms);
      const result = spawnJob(script, [CHILD_FLAG, 'aggregate', dir, cache]).result;
      if (result.misses !== 0 || result.items !== written.tags) throw new Error(`scale: warm run ${r}: ${result.misses} misses, ${result.items} items of ${written.tags}`);
      if (result.digest !== filled.result.digest) throw new Error(`scale: warm run ${r} gave another evidence set than the first run`);
      warm.push(result);
      // The CSV as `report aggregate --format csv --out` streams it (bench/streamBench.ts).
      const streamed = spawnJob(script, [STREAM_CHILD_FLAG, 'csv', dir, cache, join(work, 'all.csv')]).result;
      if (streamed.misses !== 0 || streamed.items !== written.tags) throw new Error(`scale: CSV run ${r}: ${streamed.misses} misses, ${streamed.items} rows of ${written.tags}`);
      csv.push(streamed);
    }
    const baseline = { name: 'read + JSON.parse, fresh process', median: median(read) };
    const heap = median(warm.map((w) => w.peakHeapGrowth ?? 0));
    const rss = median(warm.map((w) => w.peakRss ?? 0));
    const rows: BenchRow[] = [
      { operation: `scale: aggregation over ${reports.toLocaleString('en-GB')} reports (${written.tags.toLocaleString('en-GB')} tags), persistent cache warm, fresh process`, median: median(warm.map((w) => w.ms)), baseline, target: 1.5, note: `${rounds} round${rounds === 1 ? '' : 's'}, ${median(warm.map((w) => w.unread ?? 0)).toLocaleString('en-GB')} reports unchanged (not read), ${median(warm.map((w) => w.known ?? 0)).toLocaleString('en-GB')} with their tags files; set identical to the first run's` },
      { operation: 'scale: peak heap growth during that aggregation, against the total size of the sidecars', median: heap, baseline: { name: 'sidecars', median: written.sidecarBytes }, target: 2, bytes: true, note: `peak RSS ${mb(rss)}` },
      { operation: `scale: CSV export of all ${written.tags.toLocaleString('en-GB')} rows, streamed to a file, fresh process, cache warm`, median: median(csv.map((c) => c.ms)), baseline: { name: 'the aggregation above', median: median(warm.map((w) => w.ms)) }, target: 1.5, note: `peak heap growth ${mb(median(csv.map((c) => c.peakHeapGrowth ?? 0)))}` },
    ];
    notes.push(`Scale part, streamed CSV: ${written.tags.toLocaleString('en-GB')} rows, ${mb(csv[0]?.bytes ?? 0)} of text; peak heap growth ${mb(median(csv.map((c) => c.peakHeapGrowth ?? 0)))} (the aggregation holding every passage: ${mb(heap)}), peak RSS ${mb(median(csv.map((c) => c.peakRss ?? 0)))}.`);
    const incremental = await reaggregationBench(dir, cache, Number(process.env.BENCH_REAGGREGATE_ROUNDS ?? 21));
    rows.push(...incremental.rows);
    notes.push(...incremental.notes);
    return { rows, notes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
