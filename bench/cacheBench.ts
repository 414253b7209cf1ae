// Part 'cache' of `npm run bench`: aggregation over the tagged corpus copy in a FRESH PROCESS, as a new window or a
// new `report aggregate` meets it, with the persistent analysis cache warm and empty, against reading and parsing
// the same files in a fresh process. Each side runs as `node dist/bench.js --cache-child <job> ...` and times its
// own job (after Node and the bundle have loaded, which costs both sides the same); the wall-clock times of the
// processes, and of the real `node dist/cli.js aggregate`, are shown beside them.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { collectEvidence } from '../src/core/evidence/collectEvidence';
import type { EvidenceSet } from '../src/core/evidence/evidenceModel';
import { AnalysisCache } from '../src/core/evidence/analysisCache';
import { NodeFileSystem } from '../src/core/platform/fs/nodeFileSystem';
import { AnalysisPool } from '../src/core/recognition/workers/analysisPool';
import { SIDECAR_SUFFIX } from '../src/core/tags/sidecar/sidecarModel';
import { CacheFolderFileSystem } from '../src/cli/cacheFolder';
import type { BenchRow } from './benchRow';

export interface ChildResult {
  ms: number;
  /** Largest heapUsed above the job's start, and largest RSS (workers included), sampled every 25 reports. */
  peakHeapGrowth?: number;
  peakRss?: number;
  items?: number;
  hits?: number;
  misses?: number;
  written?: number;
  /** Reports known unchanged by their stamp, so not read (with their tags files or without). */
  unread?: number;
  /** Pairs of report and tags file known unchanged by their stamps, so neither was read (evidenceSnapshots.ts). */
  known?: number;
  /** SHA-256 of the evidence set, taken after the job was timed: every way of collecting must give the same. */
  digest?: string;
  bytes?: number;
  /** CPU time of the whole process during the job (user + system, every thread: workers, V8's compiler and GC threads, libuv's pool). */
  cpuMs?: number;
  /** CPU time of the main thread alone during the job, where the platform tells it (Linux: /proc/thread-self/stat). */
  mainCpuMs?: number;
}

export const CHILD_FLAG = '--cache-child';

/** The child's job when this process was started as one: `--cache-child read <dir>` or `--cache-child aggregate <dir> <cacheDir>`. */
export function cacheChildArgs(argv = process.argv): string[] | undefined {
  const at = argv.indexOf(CHILD_FLAG);
  return at < 0 ? undefined : argv.slice(at + 1);
}

/** Runs one job and prints its result as JSON on stdout. */
export async function runCacheChild(args: string[]): Promise<void> {
  const [job, dir, cacheDir] = args;
  const fs = new NodeFileSystem();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const t0 = performance.now();
  let result: Omit<ChildResult, 'ms'>;
  let ms = 0;
  if (job === 'read') {
    result = { bytes: await readAndParse(fs, dir!) };
    ms = performance.now() - t0;
  } else if (job === 'floor') {
    // Every stage but analysis and the cache: each report gets an empty model, for what the rest of a collection costs.
    const set = await collectEvidence([dir!], fs, { now: () => new Date(0), analyse: (text) => ({ kind: 'unknown', metadata: { leadInspectors: [] }, sections: [], judgements: [], earlierJudgements: [], improvements: [], strengths: [], paragraphs: [], lineCount: text.split('\n').length }) });
    result = { items: set.items.length };
    ms = performance.now() - t0;
  } else {
    const pool = new AnalysisPool(join(__dirname, 'analysisWorker.js'));
    // As `report aggregate` keeps it.
    const cache = new AnalysisCache(new CacheFolderFileSystem(), cacheDir!, { createFolder: async (path) => void (await mkdir(path, { recursive: true })) });
    const memory = memorySampler();
    const set = await collectEvidence([dir!], fs, { now: () => new Date(0), analysisCache: cache, analyse: (text, o) => pool.analyse(text, o), onProgress: memory.sample });
    await pool.close();
    ms = performance.now() - t0;
    const known = cache.snapshots?.counts.used ?? 0;
    result = { items: set.items.length, hits: cache.counts.hits, misses: cache.counts.misses, written: cache.counts.written, unread: cache.stamps.counts.trusted + known, known, ...memory.peaks() };
    set.generated = '';
    result.digest = setDigest(set);
  }
  const cpu = process.cpuUsage(cpu0);
  const main1 = mainThreadCpuMs();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(JSON.stringify({ ms, ...result, cpuMs, ...(main0 !== undefined && main1 !== undefined ? { mainCpuMs: main1 - main0 } : {}) }));
}

/** This thread's user + system CPU in ms, from /proc (Linux); undefined elsewhere. Clock ticks are 10 ms on Linux. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** SHA-256 over the set's JSON, part by part (at national scale the whole would be one string of 300 MB). */
function setDigest(set: EvidenceSet): string {
  const hash = createHash('sha256');
  for (const [key, value] of Object.entries(set)) {
    hash.update(key);
    if (Array.isArray(value)) for (const part of value) hash.update(JSON.stringify(part));
    else hash.update(JSON.stringify(value));
  }
  return hash.digest('hex');
}

/** The baseline: find the reports, then read each with its sidecar and parse the sidecar, 16 files at once (as aggregation reads). */
async function readAndParse(fs: NodeFileSystem, dir: string): Promise<number> {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(txt|md)$/i.test(name)) files.push(path);
    }
  };
  walk(dir);
  let bytes = 0;
  for (let i = 0; i < files.length; i += 16) {
    await Promise.all(files.slice(i, i + 16).map(async (f) => {
      const [text, sidecar] = await Promise.all([fs.readFile(f), fs.readFile(f + SIDECAR_SUFFIX).catch(() => '{"tags":[]}')]);
      bytes += text.length + (JSON.parse(sidecar) as { tags: unknown[] }).tags.length;
    }));
  }
  return bytes;
}

/** Peak heap growth and RSS during a collection, sampled every 25 reports (each sample costs a little). */
function memorySampler(): { sample: (p: { done: number; total: number }) => void; peaks: () => { peakHeapGrowth: number; peakRss: number } } {
  const start = process.memoryUsage().heapUsed;
  let heap = start;
  let rss = process.memoryUsage.rss();
  return {
    sample: ({ done, total }) => {
      if (done % 25 !== 0 && done !== total) return;
      heap = Math.max(heap, process.memoryUsage().heapUsed);
      rss = Math.max(rss, process.memoryUsage.rss());
    },
    peaks: () => ({ peakHeapGrowth: heap - start, peakRss: rss }),
  };
}

/**
 * Dates every file under `dir` an hour back, as reports on disk are when someone aggregates them: a copy made a
 * moment ago is "racily clean" (changed within 2 s of its read), and such a report is always read again.
 */
export function ageFiles(dir: string): void {
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo, hourAgo);
}

/** Spawns a fresh Node on `script` and returns its JSON result and the process's wall-clock time. */
export function spawnJob(script: string, args: string[]): { result: ChildResult; wallMs: number } {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return { result: JSON.parse(child.stdout) as ChildResult, wallMs };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The rows, over the tagged corpus copy in `dir` (prepared by the caller, as for the aggregation part). Rounds are
 * interleaved (read, floor, warm, empty, CLI warm) so the machine's drift falls on every side.
 */
export async function cacheBench(dir: string, rounds: number): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const script = join(__dirname, 'bench.js');
  const cli = join(__dirname, 'cli.js');
  if (!existsSync(script)) throw new Error(`cache bench: ${script} not found (run through \`npm run bench\`, which builds it)`);
  const work = mkdtempSync(join(tmpdir(), 'ira-cache-bench-'));
  const warmDir = join(work, 'warm');
  const samples = { read: [] as number[], floor: [] as number[], warm: [] as number[], empty: [] as number[], readCpu: [] as number[], emptyCpu: [] as number[], emptyMainCpu: [] as number[], readWall: [] as number[], warmWall: [] as number[], emptyWall: [] as number[], cliWarm: [] as number[] };
  const notes: string[] = [];
  try {
    ageFiles(dir);
    // Filled once (untimed), as the first window or run does; then checked to answer everything.
    const filled = spawnJob(script, [CHILD_FLAG, 'aggregate', dir, warmDir]).result;
    // The second run knows the reports by their stamps and saves each pair's evidence, as a second window does.
    const saving = spawnJob(script, [CHILD_FLAG, 'aggregate', dir, warmDir]).result;
    if (saving.digest !== filled.digest) throw new Error('warm cache: the second run gave another evidence set than the first');
    const check = spawnJob(script, [CHILD_FLAG, 'aggregate', dir, warmDir]).result;
    if (check.misses !== 0 || check.items !== filled.items) throw new Error(`warm cache: ${check.misses} misses, ${check.items} items against ${filled.items}`);
    const cliCache = join(work, 'cli');
    runCli(cli, dir, cliCache);
    for (let r = 0; r < rounds + 1; r++) {
      const emptyDir = join(work, `empty-${r}`);
      mkdirSync(emptyDir);
      const read = spawnJob(script, [CHILD_FLAG, 'read', dir]);
      const floor = spawnJob(script, [CHILD_FLAG, 'floor', dir]);
      const warm = spawnJob(script, [CHILD_FLAG, 'aggregate', dir, warmDir]);
      const empty = spawnJob(script, [CHILD_FLAG, 'aggregate', dir, emptyDir]);
      const cliMs = runCli(cli, dir, cliCache);
      rmSync(emptyDir, { recursive: true, force: true });
      if (warm.result.misses !== 0 || empty.result.hits !== 0) throw new Error(`round ${r}: warm ${warm.result.misses} misses, empty ${empty.result.hits} hits`);
      if (warm.result.unread !== check.unread || warm.result.known !== check.known) throw new Error(`round ${r}: ${warm.result.unread} reports known by their stamps (${warm.result.known} with their tags), against ${check.unread} (${check.known})`);
      // The same evidence, byte for byte, however it was collected: saved pairs, saved analyses, or none.
      if (warm.result.digest !== filled.digest || empty.result.digest !== filled.digest) throw new Error(`round ${r}: the evidence set differs: warm ${warm.result.digest}, empty ${empty.result.digest}, first ${filled.digest}`);
      if (r === 0) continue; // warm-up round
      samples.read.push(read.result.ms);
      samples.floor.push(floor.result.ms);
      samples.readWall.push(read.wallMs);
      samples.warm.push(warm.result.ms);
      samples.warmWall.push(warm.wallMs);
      samples.empty.push(empty.result.ms);
      samples.readCpu.push(read.result.cpuMs ?? Number.NaN);
      samples.emptyCpu.push(empty.result.cpuMs ?? Number.NaN);
      samples.emptyMainCpu.push(empty.result.mainCpuMs ?? Number.NaN);
      samples.emptyWall.push(empty.wallMs);
      samples.cliWarm.push(cliMs);
    }
    const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<keyof typeof samples, number>;
    const baseline = { name: 'read + JSON.parse, fresh process', median: m.read };
    const wallBaseline = { name: 'read + parse, whole process', median: m.readWall };
    const size = folderBytes(warmDir);
    const rows: BenchRow[] = [
      { operation: `cache: aggregation, fresh process, persistent cache warm (${filled.items} items)`, median: m.warm, baseline, target: 1.2, note: `0 analysed, ${check.unread} reports unchanged (not read), ${check.known} of them with their tags files (neither read), ${check.hits} saved analyses read; set identical to the cache-empty run's` },
      { operation: 'cache: aggregation, fresh process, persistent cache empty (analysis on worker threads, entries written)', median: m.empty, baseline, target: 3, note: `${filled.written} entries written; ${cpuNote(m.emptyCpu, m.emptyMainCpu, m.read, m.readCpu, 3)}` },
      { operation: 'cache: collection floor: every stage but analysis and the cache (each model empty), fresh process', median: m.floor, baseline, note: 'what the cache cannot remove' },
      { operation: 'cache: the same, warm, whole process (Node start and bundle load included)', median: m.warmWall, baseline: wallBaseline, note: 'for comparison' },
      { operation: 'cache: the same, empty, whole process', median: m.emptyWall, baseline: wallBaseline, note: 'for comparison' },
      { operation: 'cache: `node dist/cli.js aggregate --format csv`, cache warm, whole process', median: m.cliWarm, baseline: wallBaseline, note: 'includes writing the CSV' },
    ];
    notes.push(`Persistent analysis cache over the corpus copy: ${filled.written} entries, ${(size / 1048576).toFixed(1)} MB on disk with the saved evidence (${rounds} rounds, fresh processes).`);
    notes.push(`Cache part: the first run analysed in ${(filled.ms / 1000).toFixed(1)} s; the second (reports known by their stamps, each pair's evidence saved; untimed) took ${(saving.ms / 1000).toFixed(1)} s.`);
    return { rows, notes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * What the cache-empty run spends in CPU against what its target leaves: on c cores, a run of at most `target` x
 * the read's wall time has at most c times that in CPU, so a run that needs more cannot meet it by spreading work.
 */
function cpuNote(cpuMs: number, mainCpuMs: number, readMs: number, readCpuMs: number, target: number): string {
  if (!Number.isFinite(cpuMs)) return 'CPU not measured';
  const cores = availableParallelism();
  const main = Number.isFinite(mainCpuMs) ? ` (main thread ${(mainCpuMs / 1000).toFixed(1)} s)` : '';
  return `CPU ${(cpuMs / 1000).toFixed(1)} s, all threads${main} (the read: ${(readCpuMs / 1000).toFixed(1)} s); ${target} x the read's time on ${cores} cores allows at most ${((cores * target * readMs) / 1000).toFixed(1)} s`;
}

function runCli(cli: string, dir: string, cacheDir: string): number {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [cli, 'aggregate', dir, '--format', 'csv', '--out', join(cacheDir, '..', 'out.csv'), '--cache-dir', cacheDir], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`report aggregate exited ${child.status}: ${child.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return ms;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}
