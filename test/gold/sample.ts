// `npx tsx test/gold/sample.ts`: chooses the gold set's documents from ../shared/corpus, at random
// within each stratum (corpus folder x year), with a fixed seed so anyone can re-draw the same list.
// Re-inspections are a stratum of their own: the title says "Re-inspection", and a plain random
// draw over SIF years could miss them. The two reports named in issue 11 are added by name.
// The chosen files go to test/gold/sample.json; each is then read by hand into test/gold/docs/.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from '../../bench/syntheticReport';

export const GOLD_SEED = 20261204;

/** Documents drawn per stratum: more in the SIF years, whose reports hold the most lists. */
function perStratum(folder: string, year: number): number {
  if (folder === 'inspection' && year >= 2014 && year <= 2017) return 4;
  return 3;
}

const NAMED = ['inspection/80442_buckinghamshire_2014-08-08.txt', 'inspection/80578_west-sussex_2016-01-20.txt'];


function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function main(): void {
  const corpus = resolve(import.meta.dirname, '..', '..', process.env.CORPUS_DIR ?? '../shared/corpus');
  const files = readFileSync(join(corpus, 'manifest.csv'), 'utf8').trim().split('\n').slice(1).map((row) => row.split(',')[0]!).sort();
  const strata = new Map<string, string[]>();
  for (const file of files) {
    const folder = file.split('/')[0]!;
    const year = Number(/_(\d{4})-\d\d-\d\d\.txt$/.exec(file)![1]);
    const opening = readFileSync(join(corpus, file), 'utf8').split('\n').slice(0, 15).join(' ');
    const key = /re-inspection/i.test(opening) ? `${folder} re-inspection` : `${folder} ${year}`;
    strata.set(key, [...(strata.get(key) ?? []), file]);
  }
  const random = seededRandom(GOLD_SEED);
  const chosen: { file: string; stratum: string }[] = [];
  for (const [key, members] of [...strata].sort(([a], [b]) => a.localeCompare(b))) {
    const [folder, year] = key.split(' ') as [string, string];
    const n = year === 're-inspection' ? 3 : perStratum(folder, Number(year));
    for (const file of shuffle(members, random).slice(0, n)) chosen.push({ file, stratum: key });
  }
  for (const file of NAMED) if (!chosen.some((c) => c.file === file)) chosen.push({ file, stratum: 'named in issue 11' });
  writeFileSync(resolve(import.meta.dirname, 'sample.json'), JSON.stringify({ seed: GOLD_SEED, documents: chosen }, null, 2) + '\n');
  console.log(`${chosen.length} documents from ${strata.size} strata (seed ${GOLD_SEED})`);
}

main();
