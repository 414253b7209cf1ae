// `npm run demo`: the first thing a newcomer runs. Recognises every bundled sample report and
// prints its outline, then a one-line summary, so they see what the extension finds in a report;
// then gathers the samples' tagged passages by theme, with citations, as the Evidence view does;
// last, imports a small PDF it generates itself (two pages in the style of an ILACS report) and
// shows what the import wrote and what recognition finds in it.

import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { analyseReport } from '../src/core/recognition/analyse';
import { outlineSummary, outlineText } from '../src/core/navigation/outlineFormat';
import { collectEvidence } from '../src/core/evidence/collectEvidence';
import { formatCitation } from '../src/core/evidence/citation';
import { NodeFileSystem } from '../src/core/platform/fs/nodeFileSystem';
import { pdfToText } from '../src/core/import/pdfToText';
import { sampleReportPdf } from '../test/unit/import/sampleReportPdf';

const samplesDir = join(import.meta.dirname, '..', 'samples');
const files = readdirSync(samplesDir)
  .filter((name) => /\.(txt|md)$/i.test(name) && name.toLowerCase() !== 'readme.md')
  .sort();

const rule = '─'.repeat(100);
const summaries: string[] = [];
for (const name of files) {
  const text = readFileSync(join(samplesDir, name), 'utf8');
  const model = analyseReport(text, { markdown: extname(name).toLowerCase() === '.md' });
  console.log(rule);
  console.log(outlineText(model, { fileName: `samples/${name}` }));
  const summary = `${name}: ${outlineSummary(model)}`;
  console.log(summary);
  summaries.push(summary);
}
console.log(rule);
console.log(`\n${files.length} sample reports (all fictional, see samples/README.md):`);
for (const s of summaries) console.log(`  ${s}`);

// Evidence: every tagged passage in the samples, grouped by theme, as a self-evaluation author sees it.
async function showEvidence(): Promise<void> {
  const evidence = await collectEvidence([samplesDir], new NodeFileSystem(), {});
  const tagged = evidence.reports.filter((r) => r.tagCount > 0).length;
  console.log(`\n${rule}\nTagged evidence in samples/ (${evidence.items.length} passages in ${tagged} report${tagged === 1 ? '' : 's'}):`);
  for (const theme of evidence.themes) {
    const items = evidence.items.filter((i) => i.themes.some((t) => t.id === theme.themeId));
    if (items.length === 0) continue;
    console.log(`\n  ${theme.label} (${items.length})`);
    for (const item of items) {
      console.log(`    “${item.quote}”`);
      console.log(`      ${formatCitation(item)}${item.note ? `\n      Note: ${item.note}` : ''}`);
    }
  }
  for (const problem of evidence.problems) console.log(`  problem: ${problem.message}`);
}

// PDF import: a PDF written by the project's own test writer (no Ofsted PDF is copied in).
async function showImport(): Promise<void> {
  const pdf = sampleReportPdf();
  const imported = await pdfToText(pdf, 'exampleshire-ilacs.pdf');
  console.log(`\n${rule}\nPDF import of a generated ${imported.pageCount}-page report (${pdf.length.toLocaleString('en-GB')} bytes): the text, page breaks shown as ⟨page⟩:\n`);
  console.log(imported.text.replace(/\f/g, '⟨page⟩').replace(/^/gm, '  '));
  console.log(outlineText(analyseReport(imported.text), { fileName: 'exampleshire-ilacs.txt' }));
}

showEvidence().then(showImport).then(() => {
  console.log('\nTry one yourself: npm run --silent report -- outline <file> [--json]');
  console.log('Import a PDF report:  npm run --silent report -- import <file.pdf|folder> [--out FILE|DIR] [--force]');
  console.log('Export the evidence: npm run --silent report -- aggregate samples --format md');
}, (error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
