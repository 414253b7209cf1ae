// `npm run check:regions`: every authority of the shared corpus (../shared/corpus, or $CORPUS_DIR) has an ONS
// region in src/core/vocabulary/regions.ts, both as manifest.csv names it and as the recognition engine reads it
// from the report's own text (what the Evidence view groups by). Reads the corpus where it lies; copies nothing.
// Exit 1 when a name has no region, listing them; exit 0 with a note when there is no corpus.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseReport } from '../../src/core/recognition/analyse';
import { regionOf } from '../../src/core/vocabulary/regions';
import { readCorpusManifest } from './corpusManifest';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const corpusDir = resolve(repoRoot, process.env.CORPUS_DIR ?? '../shared/corpus');

function main(): number {
  const rows = readCorpusManifest(corpusDir);
  if (!rows) return 0;
  const manifestNames = new Set(rows.map((r) => r.authority ?? '').filter(Boolean));
  const missing = [...manifestNames].filter((name) => !regionOf(name)).sort();
  // The names as the reports print them, which is what reaches the Evidence view.
  const printed = new Map<string, string>();
  let read = 0;
  for (const row of rows) {
    const path = join(corpusDir, row.file ?? '');
    if (!row.file || !existsSync(path)) continue;
    const authority = analyseReport(readFileSync(path, 'utf8'), { markdown: !path.endsWith('.txt') }).metadata.authority;
    read++;
    if (authority && !printed.has(authority)) printed.set(authority, row.file);
  }
  const printedMissing = [...printed].filter(([name]) => !regionOf(name)).sort(([a], [b]) => a.localeCompare(b));
  console.log(`${manifestNames.size} authorities in manifest.csv: ${manifestNames.size - missing.length} with a region.`);
  console.log(`${printed.size} spellings read from ${read} reports: ${printed.size - printedMissing.length} with a region.`);
  for (const name of missing) console.log(`  no region (manifest): ${name}`);
  for (const [name, file] of printedMissing) console.log(`  no region (as printed): "${name}" in ${file}`);
  return missing.length > 0 || printedMissing.length > 0 ? 1 : 0;
}

process.exitCode = main();
