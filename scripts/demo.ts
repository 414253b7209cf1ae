// `npm run demo`: the first thing a newcomer runs. Recognises every bundled sample report and
// prints its outline, then a one-line summary, so they see what the extension finds in a report.

import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { analyseReport } from '../src/core/analyse';
import { outlineSummary, outlineText } from '../src/core/outlineFormat';

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
console.log('\nTry one yourself: npm run --silent report -- outline <file> [--json]');
