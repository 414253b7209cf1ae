// `npm run check:conversions`: the same report must read the same whatever converted it. For every row of
// ../shared/pdfs/manifest.csv (or $PDFS_DIR/manifest.csv) it compares what the engine reads from the
// `pdftotext -layout` text with what it reads from the reading-order text (`pdftotext` without -layout)
// and from this project's own PDF import. Kind and grades must agree on every document, areas for
// improvement, priority actions, numbered paragraphs and dates on at least 98 %; every difference is
// printed, and a missed target (or a crash) exits 1. SKIP_IMPORT=1 leaves the PDF import out (faster).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyseReport } from '../../src/core/recognition/analyse';
import { pdfToText } from '../../src/core/index';
import { addToTally, differences, emptyTally, FIELDS, type FieldDifference, missedTargets, parsePdfManifest, STRICT_FIELDS, summarise, type Tally } from './conversionCompare';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const pdfsDir = resolve(repoRoot, process.env.PDFS_DIR ?? '../shared/pdfs');
/** Manifest paths ("corpus/…", "pdfs/reading-order/…") are relative to the folder holding pdfs/. */
const sharedDir = dirname(pdfsDir);

interface Conversion {
  name: string;
  tally: Tally;
  lines: string[];
}

async function main(): Promise<number> {
  const manifestPath = join(pdfsDir, 'manifest.csv');
  if (!existsSync(manifestPath)) {
    console.log(`No PDFs at ${pdfsDir} (no manifest.csv): nothing to check. Set PDFS_DIR to run it.`);
    return 0;
  }
  const rows = parsePdfManifest(readFileSync(manifestPath, 'utf8'));
  console.log(`Conversions of ${rows.length} PDFs (${manifestPath}), each compared with its pdftotext -layout text\n`);
  const conversions: Conversion[] = [
    { name: 'reading-order text', tally: emptyTally(), lines: [] },
    { name: 'PDF import', tally: emptyTally(), lines: [] },
  ];
  const problems: string[] = [];
  for (const row of rows) {
    const layoutPath = join(sharedDir, row.corpusText);
    if (!row.corpusText || !existsSync(layoutPath)) { problems.push(`${row.pdf}: no -layout text at ${layoutPath}`); continue; }
    const reference = summarise(analyseReport(readFileSync(layoutPath, 'utf8')));
    const others: (string | undefined)[] = [readIfThere(join(sharedDir, row.readingOrderText), row.readingOrderText, problems), await importText(row.pdf, problems)];
    others.forEach((text, k) => {
      if (text === undefined) return;
      const conversion = conversions[k]!;
      let diffs: FieldDifference[];
      try {
        diffs = differences(reference, summarise(analyseReport(text)));
      } catch (error) {
        problems.push(`${row.pdf} (${conversion.name}): the engine threw: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      addToTally(conversion.tally, diffs);
      for (const d of diffs) conversion.lines.push(`  ${row.corpusText}  ${d.field}:\n      -layout: ${d.reference}\n      ${conversion.name}: ${d.other}`);
    });
  }
  let failed = problems.length > 0;
  for (const c of conversions) failed = report(c) || failed;
  if (problems.length) console.log(`\nProblems (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  console.log(failed ? '\nFAILED: a target is missed (see above).' : '\nOK: every target met.');
  return failed ? 1 : 0;
}

function readIfThere(path: string, listed: string | undefined, problems: string[]): string | undefined {
  if (!listed) return undefined;
  if (!existsSync(path)) { problems.push(`${listed}: listed in the manifest but missing`); return undefined; }
  return readFileSync(path, 'utf8');
}

async function importText(pdf: string | undefined, problems: string[]): Promise<string | undefined> {
  if (!pdf || process.env.SKIP_IMPORT) return undefined;
  const path = join(sharedDir, pdf);
  if (!existsSync(path)) { problems.push(`${pdf}: listed in the manifest but missing`); return undefined; }
  try {
    return (await pdfToText(new Uint8Array(readFileSync(path)), pdf)).text;
  } catch (error) {
    problems.push(`${pdf}: import failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Prints one conversion's agreement per field and its differences; true when a target is missed. */
function report(c: Conversion): boolean {
  console.log(`${c.name} vs -layout text:`);
  for (const f of FIELDS) {
    const { same, total } = c.tally[f];
    const pct = total ? ((100 * same) / total).toFixed(1) : '-';
    console.log(`  ${f.padEnd(11)} ${String(same).padStart(3)}/${total} identical (${pct}%; target ${STRICT_FIELDS.has(f) ? '100' : '98'}%)`);
  }
  if (c.lines.length) console.log(`  differences (${c.lines.length}):\n${c.lines.join('\n')}`);
  const missed = missedTargets(c.tally);
  if (missed.length) console.log(`  MISSED: ${missed.join(', ')}`);
  console.log('');
  return missed.length > 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => { console.error(error); process.exitCode = 1; });
