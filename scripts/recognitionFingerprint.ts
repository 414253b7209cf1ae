// Recognition's output and speed over every report text we have, to prove a speed-up changed nothing.
//   npx tsx scripts/recognitionFingerprint.ts fingerprint /tmp/recog-before.jsonl   one JSON line per file: path + model
//   npx tsx scripts/recognitionFingerprint.ts time [runs]                            single-threaded corpus total, median of runs
// Run from the repository root. Outputs derived from ../shared stay outside the repository (its reports are not ours to copy in).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyseReport } from '../src/core/recognition/analyse';

// The working directory, not the script's, so a bundled copy (for profiling) finds the same files.
const root = process.cwd();
const shared = resolve(root, '../shared');

function walk(dir: string, accept: (name: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, accept, out);
    else if (accept(name)) out.push(path);
  }
  return out;
}

const isText = (name: string) => name.endsWith('.txt');
const isMarkdown = (path: string) => /\.(md|markdown)$/i.test(path);

function allReports(): string[] {
  return [
    ...walk(join(shared, 'corpus'), isText),
    ...walk(join(shared, 'pdfs'), isText),
    ...walk(join(shared, 'seeds'), () => true),
    ...walk(join(root, 'test/fixtures'), (name) => isText(name) || isMarkdown(name)),
  ];
}

function fingerprint(outPath: string): void {
  const lines: string[] = [];
  for (const path of allReports()) {
    const model = analyseReport(readFileSync(path, 'utf8'), { markdown: isMarkdown(path) });
    lines.push(`${relative(root, path)}\t${JSON.stringify(model)}`);
  }
  writeFileSync(outPath, `${lines.join('\n')}\n`);
  console.log(`${lines.length} files -> ${outPath}`);
}

function time(runs: number): void {
  const texts = walk(join(shared, 'corpus'), isText).map((path) => readFileSync(path, 'utf8'));
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  // Warm-up over every kind of report (the files are sorted by kind), so the JIT has compiled the hot paths first.
  for (let i = 0; i < texts.length; i += 10) analyseReport(texts[i]!);
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const text of texts) analyseReport(text);
    const used = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(' ');
  console.log(`${texts.length} reports, ${(chars / 1e6).toFixed(1)}M chars`);
  console.log(`wall ms: ${list(wall)}; median ${median(wall).toFixed(0)}, min ${Math.min(...wall).toFixed(0)} (${(chars / 1e3 / median(wall)).toFixed(1)} MB/s)`);
  console.log(`cpu  ms: ${list(cpu)}; median ${median(cpu).toFixed(0)}, min ${Math.min(...cpu).toFixed(0)}`);
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'fingerprint' && arg) fingerprint(arg);
else if (mode === 'time') time(Number(arg ?? 3));
else {
  console.error('usage: recognitionFingerprint.ts fingerprint <out.jsonl> | time [runs]');
  process.exitCode = 2;
}
