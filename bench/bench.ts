// `npm run bench`: one run on one machine, medians over interleaved rounds, each operation set against
// a baseline measured in the same rounds, so machine noise falls on both sides of every ratio.
// Prints a table (operation, median, ratio, target, pass/fail) and exits 1 when a ratio target is missed.
// See docs/benchmark.md.

import type { BenchRow } from './benchRow';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve, relative, dirname } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { analyseReport, ReportAnalyser } from '../src/core/recognition/analyse';
import type { ReportModel } from '../src/core/recognition/model';
import { OutlineBuilder } from '../src/core/navigation/outline';
import { foldingRegions } from '../src/core/navigation/folding';
import { planDecorations } from '../src/core/presentation/decorationPlan';
import { shiftTags } from '../src/core/tags/anchoring/editShifting';
import { reanchorTags } from '../src/core/tags/anchoring/reanchoring';
import { textHash } from '../src/core/tags/anchoring/anchorCreation';
import { serialiseSidecar } from '../src/core/tags/sidecar/sidecarSerialiser';
import { SIDECAR_FORMAT, SIDECAR_SUFFIX, SIDECAR_VERSION } from '../src/core/tags/sidecar/sidecarModel';
import { collectEvidence, isReportName } from '../src/core/evidence/collectEvidence';
import { DEFAULT_MAX_TEXT_LENGTH, ReportModelCache } from '../src/core/evidence/modelCache';
import { NodeFileSystem } from '../src/core/platform/fs/nodeFileSystem';
import { AnalysisPool } from '../src/core/recognition/workers/analysisPool';
import { syntheticSifReport } from './syntheticReport';
import { makeTags } from './benchTags';
import { reanchorScaleBench } from './reanchorScale';
import { sidecarWriteBench } from './sidecarWrites';
import { importBench } from './importBench';
import { agreementBench } from './agreementBench';
import { cacheBench, cacheChildArgs, runCacheChild } from './cacheBench';
import { runStreamChild, streamChildArgs } from './streamBench';
import { scaleBench } from './scaleBench';
import { evidenceViewBench } from './evidenceViewBench';

const root = existsSync(join(process.cwd(), 'package.json')) ? process.cwd() : resolve(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const AGGREGATE_ROUNDS = Number(process.env.BENCH_AGGREGATE_ROUNDS ?? 7);
const gc = (globalThis as { gc?: () => void }).gc;
/** BENCH_ONLY=aggregation (or editor, anchoring, cache, scale, view, sidecar, import, agreement, vscode; comma-separated) runs only those parts. */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((p) => p.trim())) : undefined;
const runs = (part: string) => !ONLY || ONLY.has(part);

const rows: BenchRow[] = [];
const notes: string[] = [];

type Op = { name: string; run: () => unknown };

/**
 * Times each operation once per round, in a rotating order so none always runs first, after `warmup`
 * unrecorded rounds. Returns each operation's median in milliseconds.
 */
async function interleaved(ops: Op[], rounds = ROUNDS, warmup = WARMUP): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(ops.map((o) => [o.name, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    for (let k = 0; k < ops.length; k++) {
      const op = ops[(r + k) % ops.length]!;
      const t0 = performance.now();
      const result = op.run();
      if (result instanceof Promise) await result;
      const ms = performance.now() - t0;
      if (r >= warmup) samples.get(op.name)!.push(ms);
    }
  }
  return new Map([...samples].map(([name, s]) => [name, median(s)]));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A line in the middle of the text that is body prose, and an offset in the middle of a word on it. */
function middleWordOffset(text: string): number {
  let at = text.indexOf('\n', text.length >> 1) + 1;
  for (;;) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end);
    if (/^ {5}[a-z]\S* \S+ \S+/.test(line)) return at + line.indexOf(' ', 6) - 2;
    at = end + 1;
  }
}

/** Every paragraph re-wrapped to `width` columns, as a second conversion of the PDF with other settings would. */
function reflow(text: string, width: number): string {
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const indent = /^ */.exec(block[0]!)![0];
    const words = block.map((l) => l.trim()).join(' ').split(/ +/);
    let line = indent;
    for (const w of words) {
      if (line.trim().length > 0 && line.length + 1 + w.length > width) {
        out.push(line);
        line = indent + w;
      } else line += line.trim().length > 0 ? ` ${w}` : w;
    }
    out.push(line);
    block = [];
  };
  for (const l of text.split('\n')) {
    // Table rows and page numbers (wide gaps) are kept as they are; prose lines are reflowed.
    if (l.trim() === '' || / {3,}\S/.test(l.trimStart())) {
      flush();
      out.push(l);
    } else block.push(l);
  }
  flush();
  return out.join('\n');
}

function megabytes(n: number): string {
  // Tenths below 10 MB: the view part's messages are a megabyte or two.
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;
}

function ms(n: number): string {
  return n >= 100 ? `${n.toFixed(0)} ms` : n >= 1 ? `${n.toFixed(2)} ms` : `${(n * 1000).toFixed(0)} µs`;
}

// ---- 1. cold analysis and keystrokes, on the synthetic report and the largest real SIF report ----

async function editorBench(label: string, text: string, withKeystrokes: boolean): Promise<void> {
  const processor = unified().use(remarkParse);
  const cold = await interleaved([
    { name: 'remark', run: () => processor.parse(text) },
    { name: 'analyseReport', run: () => analyseReport(text) },
    { name: 'ReportAnalyser', run: () => new ReportAnalyser().analyse(text) },
  ]);
  const remark = { name: 'remark-parse', median: cold.get('remark')! };
  rows.push({ operation: `${label}: cold analysis (analyseReport)`, median: cold.get('analyseReport')!, baseline: remark, target: 1.3 });
  rows.push({ operation: `${label}: cold analysis (new ReportAnalyser)`, median: cold.get('ReportAnalyser')!, baseline: remark, target: 1.3 });

  const at = middleWordOffset(text);
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const analyser = new ReportAnalyser();
  let current = text;
  let model: ReportModel = analyser.analyse(text);
  const tags = makeTags(text, 1000, 7);
  const editedModel = analyseReport(edited);
  if (JSON.stringify(analyser.analyse(edited)) !== JSON.stringify(editedModel)) throw new Error(`${label}: re-analysis after the edit differs from a cold analysis of the edited text`);
  model = analyser.analyse(text);
  // Each re-analysis is one keystroke: typing the character, then (next round) deleting it again.
  const ops: Op[] = [
    { name: 'cold', run: () => new ReportAnalyser().analyse(text) },
    { name: 'reanalyse', run: () => { current = current === text ? edited : text; model = analyser.analyse(current); } },
  ];
  if (withKeystrokes) {
    const insert = [{ rangeOffset: at, rangeLength: 0, text: 'x' }];
    // As the editor's symbol provider does: one builder per document, kept between keystrokes.
    const outline = new OutlineBuilder();
    ops.push(
      { name: 'outline', run: () => outline.build(model, current) },
      { name: 'folding', run: () => foldingRegions(model, current) },
      { name: 'decorations', run: () => planDecorations(model, current) },
      { name: 'shift', run: () => shiftTags(tags, insert, edited) },
    );
  }
  const warm = await interleaved(ops);
  const coldMs = { name: 'cold analysis', median: warm.get('cold')! };
  rows.push({ operation: `${label}: re-analysis after a 1-character edit`, median: warm.get('reanalyse')!, baseline: coldMs, target: 0.05 });
  if (withKeystrokes) {
    const names: Array<[string, string]> = [['outline', 'document symbols (outline.ts)'], ['folding', 'folding ranges (folding.ts)'], ['decorations', 'decorations (decorationPlan.ts)'], ['shift', 'shift 1,000 tags (editShifting.ts)']];
    let total = warm.get('reanalyse')!;
    for (const [key, what] of names) {
      rows.push({ operation: `${label}: keystroke: ${what}`, median: warm.get(key)!, baseline: coldMs, target: 0.05 });
      total += warm.get(key)!;
    }
    rows.push({ operation: `${label}: keystroke total (re-analysis + all four)`, median: total, baseline: coldMs, note: 'sum of medians' });
  }
}

// ---- 2. re-anchoring ----

async function anchoringBench(text: string): Promise<void> {
  const tags = makeTags(text, 1000, 11);
  const inserted = 'DRAFT: not for circulation\n\n' + text;
  const results = new Map<string, ReturnType<typeof reanchorTags>>();
  const times = await interleaved([
    { name: 'cold', run: () => new ReportAnalyser().analyse(text) },
    { name: 'top', run: () => results.set('top', reanchorTags(tags, inserted)) },
  ], 15, 2);
  const top = results.get('top')!.summary;
  rows.push({ operation: 'synthetic: re-anchor 1,000 tags after an insertion at the top', median: times.get('top')!, baseline: { name: 'cold analysis', median: times.get('cold')! }, target: 1, note: `stayed ${top.stayed}, moved ${top.moved}, orphaned ${top.orphaned}` });

  const reflowed = reflow(text, 72);
  const full = await interleaved([
    { name: 'cold', run: () => new ReportAnalyser().analyse(text) },
    { name: 'reflow', run: () => results.set('reflow', reanchorTags(tags, reflowed)) },
  ], 15, 2); // as the row above: a batch re-import re-anchors report after report, so the code is compiled after the first few
  const r = results.get('reflow')!.summary;
  rows.push({ operation: 'synthetic: re-anchor 1,000 tags after a full re-conversion (reflowed to 72 columns)', median: full.get('reflow')!, baseline: { name: 'cold analysis', median: full.get('cold')! }, target: 3, note: `stayed ${r.stayed}, moved ${r.moved}, orphaned ${r.orphaned}` });
}

// ---- 3. aggregation ----

function listReports(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listReports(path, out);
    else if (isReportName(name) && !name.startsWith('manifest')) out.push(path);
  }
  return out;
}

/** Copies the reports into a temporary folder (keeping their sub-folders) and writes a sidecar with 20 tags beside each. */
function prepareCorpus(reports: Array<{ path: string; relative: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ira-bench-'));
  reports.forEach((r, i) => {
    const target = join(dir, r.relative);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(r.path, target);
    const text = readFileSync(target, 'utf8');
    const name = target.slice(target.lastIndexOf('/') + 1);
    const sidecar = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: name, textHash: textHash(text) }, tags: makeTags(text, 20, 1000 + i) } as const;
    writeFileSync(target + SIDECAR_SUFFIX, serialiseSidecar(sidecar));
  });
  return dir;
}

/** The reports the aggregation parts copy: the corpus, or without it the project's fixtures 40 times over. */
function benchReports(): { reports: Array<{ path: string; relative: string }>; what: string } {
  const corpusDir = process.env.CORPUS_DIR ? resolve(process.env.CORPUS_DIR) : resolve(root, '../shared/corpus');
  let reports: Array<{ path: string; relative: string }>;
  let what: string;
  if (existsSync(corpusDir)) {
    reports = listReports(corpusDir).map((p) => ({ path: p, relative: relative(corpusDir, p) }));
    what = `corpus (${reports.length} reports in ${corpusDir})`;
  } else {
    // No corpus: the project's own fixtures, each copied 40 times under other names.
    const fixtures = join(root, 'test/fixtures/reports');
    reports = [];
    for (let copy = 0; copy < 40; copy++) {
      for (const name of readdirSync(fixtures).filter(isReportName)) reports.push({ path: join(fixtures, name), relative: `copy${copy}/${name}` });
    }
    what = `synthetic corpus: test/fixtures/reports x 40 (${reports.length} reports; ../shared/corpus not found)`;
  }
  return { reports, what };
}

async function aggregationBench(): Promise<void> {
  const { reports, what } = benchReports();
  const setupStart = performance.now();
  const dir = prepareCorpus(reports);
  notes.push(`Aggregation over ${what}; 20 tags per report; copying and writing sidecars (untimed) took ${ms(performance.now() - setupStart)}.`);
  try {
    const fs = new NodeFileSystem();
    const files = listReports(dir);
    let bytes = 0;
    const readAndParse = async () => {
      // Same batching as the aggregation: 16 files at once.
      for (let i = 0; i < files.length; i += 16) {
        await Promise.all(files.slice(i, i + 16).map(async (f) => {
          const [text, sidecar] = await Promise.all([fs.readFile(f), fs.readFile(f + SIDECAR_SUFFIX)]);
          bytes += text.length + (JSON.parse(sidecar) as { tags: unknown[] }).tags.length;
        }));
      }
    };
    let orphaned = -1;
    let items = 0;
    // As the extension and the command line aggregate: recognition on worker threads beside this one.
    const pool = new AnalysisPool(join(__dirname, 'analysisWorker.js'), process.env.BENCH_WORKERS ? { size: Number(process.env.BENCH_WORKERS) } : {});
    const pooled = { now: () => new Date(0), analyse: (text: string, o: { markdown?: boolean }) => pool.analyse(text, o) };
    const aggregate = async () => {
      const set = await collectEvidence([dir], fs, pooled);
      orphaned = set.items.filter((i) => i.orphaned).length;
      items = set.items.length;
    };
    const aggregateHere = async () => {
      await collectEvidence([dir], fs, { now: () => new Date(0) });
    };
    // Memory first, before the timed rounds raise the process's RSS high-water mark: sampled after every report, from a collected heap.
    gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    await collectEvidence([dir], fs, {
      ...pooled,
      onProgress: () => {
        const m = process.memoryUsage();
        if (m.rss > peakRss) peakRss = m.rss;
        if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
      },
    });
    const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
    notes.push(`Aggregation memory, with the worker threads (sampled after each report${gc ? ', heap collected before' : ', run without --expose-gc'}; RSS counts the workers, heapUsed this thread only): peak RSS ${mb(peakRss)} (from ${mb(before.rss)}), peak heapUsed ${mb(peakHeap)} (from ${mb(before.heapUsed)}, +${mb(peakHeap - before.heapUsed)}).`);
    // Collecting again over unchanged reports, as the Evidence view does when a tags file changes or on Refresh:
    // it keeps one ReportModelCache while open. Filled once here (untimed), as the view's first collection does.
    const cache = new ReportModelCache();
    const cold = JSON.stringify(await collectEvidence([dir], fs, { now: () => new Date(0) }));
    if (JSON.stringify(await collectEvidence([dir], fs, pooled)) !== cold) throw new Error('aggregation with worker threads differs from one on this thread');
    const filled = JSON.stringify(await collectEvidence([dir], fs, { now: () => new Date(0), modelCache: cache }));
    const warmSet = JSON.stringify(await collectEvidence([dir], fs, { now: () => new Date(0), modelCache: cache }));
    if (filled !== cold || warmSet !== cold) throw new Error('aggregation with the model cache differs from a cold aggregation');
    cache.hits = cache.misses = 0;
    const reaggregate = async () => {
      await collectEvidence([dir], fs, { now: () => new Date(0), modelCache: cache });
    };
    const times = await interleaved([{ name: 'read', run: readAndParse }, { name: 'aggregate', run: aggregate }, { name: 'here', run: aggregateHere }, { name: 'reaggregate', run: reaggregate }], AGGREGATE_ROUNDS, 1);
    await pool.close();
    if (bytes === 0) throw new Error(`read nothing from ${dir}`);
    const baseline = { name: 'read + JSON.parse', median: times.get('read')! };
    const threads = `${pool.maxWorkers} worker thread${pool.maxWorkers === 1 ? '' : 's'} of ${availableParallelism()} cores`;
    rows.push({ operation: `aggregation: collectEvidence over ${files.length} reports x 20 tags, analysis on ${threads}`, median: times.get('aggregate')!, baseline, target: 2, note: `${items} items, ${orphaned} orphaned${pool.fallbackReason ? `; WORKERS UNUSED: ${pool.fallbackReason}` : ''}` });
    rows.push({ operation: 'aggregation, all analysis on the calling thread (no workers)', median: times.get('here')!, baseline, note: 'for comparison' });
    rows.push({ operation: 're-aggregation, reports unchanged (model cache warm)', median: times.get('reaggregate')!, baseline, target: 2, note: `${cache.hits} cache hits, ${cache.misses} misses; equal to a cold aggregation` });
    notes.push(`Model cache after the runs: ${cache.size} models for ${cache.heldTextLength.toLocaleString('en-GB')} characters of text (bound ${DEFAULT_MAX_TEXT_LENGTH.toLocaleString('en-GB')}).`);
  } finally {
    if (process.env.BENCH_KEEP_CORPUS) notes.push(`Kept the tagged corpus copy in ${dir}.`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 3b. the persistent analysis cache, in fresh processes (cacheBench.ts) ----

async function cachePart(): Promise<void> {
  const { reports, what } = benchReports();
  const dir = prepareCorpus(reports);
  try {
    const result = await cacheBench(dir, AGGREGATE_ROUNDS);
    rows.push(...result.rows);
    notes.push(`Cache part over ${what}; 20 tags per report.`, ...result.notes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 4. the extension in VS Code ----

async function workbenchNotes(): Promise<void> {
  const esbuild = join(root, 'node_modules/.bin/esbuild');
  const out = join(mkdtempSync(join(tmpdir(), 'ira-bundle-')), 'extension.js');
  // Built like `node scripts/build.mjs --production`, into a temporary file so dist/ is left alone.
  const built = spawnSync(esbuild, ['src/extension/extension.ts', '--bundle', '--platform=node', '--format=cjs', '--target=node20', '--minify', '--external:vscode', '--main-fields=module,main', `--outfile=${out}`, '--log-level=error'], { cwd: root, encoding: 'utf8' });
  if (built.status === 0 && existsSync(out)) notes.push(`Extension bundle (dist/extension.js built with --production): ${statSync(out).size.toLocaleString('en-GB')} bytes.`);
  else notes.push(`Extension bundle size: not measured (esbuild failed: ${(built.stderr || built.error?.message || '').trim().split('\n')[0]}).`);
  rmSync(dirname(out), { recursive: true, force: true });
  await activationRows();
}

/** What activationTiming.test.ts writes to out/bench-vscode.json. */
interface WorkbenchTiming {
  measuredAt?: string; report?: string; bytes?: number; alreadyActive?: boolean; activationMs?: number;
  activationToSymbolsMs?: number; firstSymbolsMs?: number; openAndShowMs?: number; lastSymbolRequestMs?: number;
  repeatSymbolRequestMs?: number; symbols?: number; openReportsAtActivation?: number;
}

/**
 * Activation -> first Outline of the synthetic report in VS Code, as rows. The target is set against the editor
 * opening and showing the same report in the same run (the bench's rule: a baseline measured alongside, so the
 * machine's and code-server's speed falls on both sides); the ratio to this run's cold analysis of the same text
 * is shown for scale only, as the two come from different runs. Without the file there is no row, and the notes say so.
 */
async function activationRows(): Promise<void> {
  const file = join(root, 'out/bench-vscode.json');
  const what = 'VS Code: activation -> first Outline of the synthetic report';
  if (!existsSync(file)) {
    notes.push(`${what}: NOT MEASURED, no row (run \`npm run test:integration\` first; it writes out/bench-vscode.json).`);
    return;
  }
  let data: WorkbenchTiming;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as WorkbenchTiming;
  } catch (error) {
    notes.push(`${what}: NOT MEASURED, no row (${file} unreadable: ${(error as Error).message}).`);
    return;
  }
  const t = (n: number | undefined) => (n === undefined ? '?' : ms(n));
  const age = data.measuredAt ? Math.round((Date.now() - Date.parse(data.measuredAt)) / 3_600_000) : undefined;
  const measured = `out/bench-vscode.json, ${data.measuredAt ?? 'undated'}${age !== undefined && age >= 24 ? `, ${Math.round(age / 24)} days old` : ''}`;
  notes.push(
    `${what} (${measured}; ${data.report ?? 'report'}, ${data.bytes ?? '?'} characters): ` +
    `${data.alreadyActive ? 'extension already active when measured; ' : `activation ${t(data.activationMs)}; `}activation to ${data.symbols ?? '?'} top-level symbols ${t(data.activationToSymbolsMs)} ` +
    `(opening and showing the report ${t(data.openAndShowMs)}, first symbols request ${t(data.lastSymbolRequestMs)}, a repeated request ${t(data.repeatSymbolRequestMs)}); ` +
    `reports analysed at activation: ${data.openReportsAtActivation ?? '?'} (only open ones are).`,
  );
  const text = syntheticSifReport(readFileSync(join(root, 'test/fixtures/reports/sif-2015-fernleigh.txt'), 'utf8'));
  if (data.activationToSymbolsMs === undefined || data.openAndShowMs === undefined || data.bytes !== text.length) {
    notes.push(`${what}: no row, the file does not time this bench's synthetic report (${data.bytes ?? '?'} characters measured, ${text.length} now; run \`npm run test:integration\` again).`);
    return;
  }
  const note = `${measured}${data.alreadyActive ? '; extension was already active, activation not included' : ''}`;
  rows.push({ operation: `${what}`, median: data.activationToSymbolsMs, baseline: { name: 'opening and showing it, same run', median: data.openAndShowMs }, target: 3, note });
  const cold = await interleaved([{ name: 'cold', run: () => new ReportAnalyser().analyse(text) }]);
  rows.push({ operation: `${what}, for scale`, median: data.activationToSymbolsMs, baseline: { name: 'cold analysis of it, this run', median: cold.get('cold')! }, note: 'different runs: information only' });
}

// ---- report ----

function printTable(): number {
  const header = ['operation', 'median', 'baseline (median)', 'ratio', 'target', 'result'];
  const body = rows.map((r) => {
    const ratio = r.baseline ? r.median / r.baseline.median : undefined;
    const pass = r.target === undefined || ratio === undefined ? undefined : ratio <= r.target;
    return [
      r.operation + (r.note ? ` [${r.note}]` : ''),
      r.bytes ? megabytes(r.median) : ms(r.median),
      r.baseline ? `${r.baseline.name} ${r.bytes ? megabytes(r.baseline.median) : ms(r.baseline.median)}` : '',
      ratio === undefined ? '' : `${ratio.toFixed(3)} x`,
      r.target === undefined ? '-' : `<= ${r.target} x`,
      pass === undefined ? 'info' : pass ? 'PASS' : 'FAIL',
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  return body.filter((b) => b[5] === 'FAIL').length;
}

async function main(): Promise<void> {
  const started = performance.now();
  const fixture = readFileSync(join(root, 'test/fixtures/reports/sif-2015-fernleigh.txt'), 'utf8');
  const synthetic = syntheticSifReport(fixture);
  console.log(`Benchmark: node ${process.version}, ${ROUNDS} rounds after ${WARMUP} warm-up rounds (aggregation ${AGGREGATE_ROUNDS}); medians in ms.`);
  notes.push(`Synthetic report: bench/syntheticReport.ts from test/fixtures/reports/sif-2015-fernleigh.txt, ${synthetic.length.toLocaleString('en-GB')} characters, ${synthetic.split('\n').length} lines.`);
  if (runs('editor')) await editorBench('synthetic', synthetic, true);

  const corpusDir = process.env.CORPUS_DIR ? resolve(process.env.CORPUS_DIR) : resolve(root, '../shared/corpus');
  if (!runs('editor')) {
    // skipped
  } else if (existsSync(corpusDir)) {
    const bySize = listReports(corpusDir).map((p) => ({ p, size: statSync(p).size })).sort((a, b) => b.size - a.size);
    const sif = bySize.find(({ p }) => analyseReport(readFileSync(p, 'utf8')).kind.startsWith('sif-'));
    if (sif) {
      notes.push(`Largest real SIF report: ${relative(corpusDir, sif.p)} (${sif.size.toLocaleString('en-GB')} bytes).`);
      await editorBench('largest real SIF', readFileSync(sif.p, 'utf8'), true);
    }
  } else notes.push(`No corpus at ${corpusDir}: the real-report rows are skipped.`);

  if (runs('anchoring')) await anchoringBench(synthetic);
  if (runs('anchoring')) await reanchorScaleBench(synthetic).then((scale) => (rows.push(...scale.rows), notes.push(...scale.notes)));
  if (runs('aggregation')) await aggregationBench();
  if (runs('cache')) await cachePart();
  // Generates 5,000 reports and fills a cache for them (untimed) first: minutes on 2 cores.
  // 5,000 generated reports take many minutes: run only when asked for by name (BENCH_ONLY=scale).
  if (ONLY?.has('scale')) await scaleBench(root, Number(process.env.BENCH_SCALE_ROUNDS ?? 3)).then((r) => (rows.push(...r.rows), notes.push(...r.notes)));
  if (runs('view')) ((r) => (rows.push(...r.rows), notes.push(...r.notes)))(evidenceViewBench());
  if (runs('sidecar')) rows.push(...(await sidecarWriteBench()));
  if (runs('import')) await importBench(root).then((r) => (rows.push(...r.rows), notes.push(...r.notes)));
  if (runs('agreement')) await agreementBench(root).then((r) => (rows.push(...r.rows), notes.push(...r.notes)));
  if (runs('vscode')) await workbenchNotes();

  console.log('');
  const failed = printTable();
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
  console.log(`\n${failed ? `${failed} target(s) missed.` : 'All targets met.'} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  process.exitCode = failed ? 1 : 0;
}

// Started by the cache part as a fresh process for one timed job, or as the bench itself.
const childJob = cacheChildArgs();
const streamJob = streamChildArgs();
(childJob ? runCacheChild(childJob) : streamJob ? runStreamChild(streamJob) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
