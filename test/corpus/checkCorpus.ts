// `npm run check:corpus`: runs the recognition engine over every real report in the shared corpus
// (../shared/corpus, or $CORPUS_DIR) and reports how well it does: kinds recognised, grades found,
// agreement with the manifest's peer grades, time per document. Any throw fails the run (exit 1).
// Disagreements go to out/corpus-disagreements.csv so someone can open the reports and decide.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseReport } from '../../src/core/recognition/analyse';
import type { ReportModel } from '../../src/core/recognition/model';
import { compareWithPeer, csvField, kindConsistent, median, PEER_COLUMNS, percentile, type Outcome } from './corpusCompare';
import { readCorpusManifest } from './corpusManifest';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const corpusDir = resolve(repoRoot, process.env.CORPUS_DIR ?? '../shared/corpus');
const outDir = resolve(repoRoot, process.env.OUT_DIR ?? 'out');

function main(): number {
  const rows = readCorpusManifest(corpusDir);
  if (!rows) return 0;
  console.log(`Corpus: ${corpusDir} (${rows.length} documents in manifest.csv)\n`);

  const crashes: { file: string; error: string }[] = [];
  const missingFiles: string[] = [];
  const times: { file: string; ms: number }[] = [];
  // manifest kind -> detected kind -> count
  const kindTable = new Map<string, Map<string, number>>();
  const recognised = new Map<string, { ok: number; total: number }>();
  const perDetected = new Map<string, { docs: number; judgements: number; withJudgements: number; improvements: number; paragraphs: number }>();
  const outcomes = new Map<string, Record<Outcome, number>>(PEER_COLUMNS.map(([, area]) => [area, { agree: 0, disagree: 0, 'engine-missing': 0, 'peer-missing': 0 }]));
  const conflicts: string[] = [];
  const disagreementRows: string[] = [['file', 'manifest_kind', 'detected_kind', 'area', 'outcome', 'engine', 'engine_line', 'engine_source', 'engine_conflicting', 'peer'].join(',')];
  const kindRows: string[] = [['file', 'manifest_kind', 'detected_kind'].join(',')];

  for (const row of rows) {
    const path = join(corpusDir, row.file);
    if (!existsSync(path)) {
      missingFiles.push(row.file);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    let model: ReportModel;
    const started = performance.now();
    try {
      model = analyseReport(text, { markdown: /\.(md|markdown)$/i.test(row.file) });
    } catch (error) {
      crashes.push({ file: row.file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      continue;
    }
    times.push({ file: row.file, ms: performance.now() - started });

    const byDetected = kindTable.get(row.kind) ?? new Map<string, number>();
    byDetected.set(model.kind, (byDetected.get(model.kind) ?? 0) + 1);
    kindTable.set(row.kind, byDetected);
    const rec = recognised.get(row.kind) ?? { ok: 0, total: 0 };
    rec.total++;
    if (kindConsistent(row.kind, model.kind)) rec.ok++;
    else kindRows.push([row.file, row.kind, model.kind].map(csvField).join(','));
    recognised.set(row.kind, rec);

    const stats = perDetected.get(model.kind) ?? { docs: 0, judgements: 0, withJudgements: 0, improvements: 0, paragraphs: 0 };
    stats.docs++;
    stats.judgements += model.judgements.length;
    if (model.judgements.length > 0) stats.withJudgements++;
    stats.improvements += model.improvements.length;
    stats.paragraphs += model.paragraphs.length;
    perDetected.set(model.kind, stats);

    for (const c of compareWithPeer(model, row)) {
      if (c.engine && c.engine.conflicting.length > 0) conflicts.push(`${row.file}  ${c.area}: ${[c.engine.grade, ...c.engine.conflicting].join(' vs ')}`);
      if (!c.outcome) continue;
      outcomes.get(c.area)![c.outcome]++;
      if (c.outcome === 'agree') continue;
      disagreementRows.push(
        [row.file, row.kind, model.kind, c.area, c.outcome, c.engine?.grade, c.engine?.line, c.engine?.source, c.engine?.conflicting.join(' '), c.peerCell]
          .map(csvField)
          .join(','),
      );
    }
  }

  printKinds(kindTable, recognised);
  printDetected(perDetected);
  printAgreement(outcomes);
  if (conflicts.length > 0) {
    console.log(`\nContradictory grades for one area within one report (${conflicts.length}):`);
    for (const c of conflicts.slice(0, 15)) console.log(`  ${c}`);
    if (conflicts.length > 15) console.log(`  ... and ${conflicts.length - 15} more`);
  }
  printTimes(times);

  mkdirSync(outDir, { recursive: true });
  const disagreementsPath = join(outDir, 'corpus-disagreements.csv');
  writeFileSync(disagreementsPath, disagreementRows.join('\n') + '\n');
  const kindsPath = join(outDir, 'corpus-kind-mismatches.csv');
  writeFileSync(kindsPath, kindRows.join('\n') + '\n');
  console.log(`\nWrote ${disagreementRows.length - 1} rows (disagree / engine-missing / peer-missing) to ${disagreementsPath}`);
  console.log(`Wrote ${kindRows.length - 1} kind mismatches to ${kindsPath}`);

  if (missingFiles.length > 0) console.log(`\n${missingFiles.length} files listed in manifest.csv are missing, e.g. ${missingFiles.slice(0, 3).join(', ')}`);
  if (crashes.length > 0) {
    console.log(`\nFAILED: the engine threw on ${crashes.length} document(s):`);
    for (const c of crashes) console.log(`  ${c.file}\n    ${c.error.split('\n').slice(0, 4).join('\n    ')}`);
    return 1;
  }
  console.log(`\nOK: no document crashed the engine (${times.length} analysed).`);
  return 0;
}

function printKinds(kindTable: Map<string, Map<string, number>>, recognised: Map<string, { ok: number; total: number }>): void {
  console.log('Kinds: manifest kind -> detected kind (recognised = detected kind fits the manifest kind)');
  for (const [manifestKind, detected] of kindTable) {
    const rec = recognised.get(manifestKind)!;
    console.log(`  ${manifestKind.padEnd(16)} ${rec.ok}/${rec.total} recognised (${pct(rec.ok, rec.total)})`);
    for (const [kind, n] of [...detected].sort((a, b) => b[1] - a[1])) console.log(`      ${kind.padEnd(22)} ${String(n).padStart(4)}`);
  }
}

function printDetected(perDetected: Map<string, { docs: number; judgements: number; withJudgements: number; improvements: number; paragraphs: number }>): void {
  console.log('\nPer detected kind:');
  console.log(`  ${'kind'.padEnd(22)} ${'docs'.padStart(5)} ${'grades'.padStart(7)} ${'docs w/ grades'.padStart(15)} ${'improvements'.padStart(13)} ${'num. paras'.padStart(11)}`);
  for (const [kind, s] of [...perDetected].sort((a, b) => b[1].docs - a[1].docs)) {
    console.log(
      `  ${kind.padEnd(22)} ${String(s.docs).padStart(5)} ${String(s.judgements).padStart(7)} ${String(s.withJudgements).padStart(15)} ${String(s.improvements).padStart(13)} ${String(s.paragraphs).padStart(11)}`,
    );
  }
}

function printAgreement(outcomes: Map<string, Record<Outcome, number>>): void {
  console.log('\nGrades vs manifest peer columns (where the peer cell holds a grade or the engine found one):');
  console.log(`  ${'area'.padEnd(16)} ${'agree'.padStart(6)} ${'disagree'.padStart(9)} ${'engine-missing'.padStart(15)} ${'peer-missing'.padStart(13)}   agreement where both have a grade`);
  for (const [area, o] of outcomes) {
    console.log(
      `  ${area.padEnd(16)} ${String(o.agree).padStart(6)} ${String(o.disagree).padStart(9)} ${String(o['engine-missing']).padStart(15)} ${String(o['peer-missing']).padStart(13)}   ${pct(o.agree, o.agree + o.disagree)}`,
    );
  }
}

function printTimes(times: { file: string; ms: number }[]): void {
  if (times.length === 0) return;
  const ms = times.map((t) => t.ms);
  const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`\nTime per document: median ${median(ms).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms, max ${slowest.ms.toFixed(2)} ms (${slowest.file})`);
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

process.exitCode = main();
