// Bench part 'agreement' (BENCH_ONLY=agreement): inter-coder agreement over a corpus of the national corpus's
// shape, 856 reports with 20 tags by each of two coders, against reading and parsing those files (report text and
// tags file, JSON.parse), measured in the same rounds. Target (issue 12): the agreement at most 1x that reading.
// Reports are synthetic (bench/syntheticReport.ts, from the project's own invented fixture); coder B re-codes half
// of coder A's passages a few words longer or shorter and codes the rest elsewhere, as a second coder would.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AgreementReport, AgreementUnit } from '../src/core/agreement/agreementModel';
import { readAgreementReports } from '../src/core/agreement/agreementReading';
import { computeAgreement } from '../src/core/agreement/computeAgreement';
import { findDisagreements } from '../src/core/agreement/disagreements';
import { createAnchor, textHash } from '../src/core/tags/anchoring/anchorCreation';
import { NodeFileSystem } from '../src/core/platform/fs/nodeFileSystem';
import type { Tag } from '../src/core/tags/sidecar/sidecarModel';
import { serialiseSidecar } from '../src/core/tags/sidecar/sidecarSerialiser';
import { SIDECAR_FORMAT, SIDECAR_SUFFIX, SIDECAR_VERSION } from '../src/core/tags/sidecar/sidecarModel';
import { makeTags } from './benchTags';
import { seededRandom, syntheticSifReport } from './syntheticReport';

export interface AgreementBenchResult {
  rows: { operation: string; median: number; baseline?: { name: string; median: number }; target?: number; note?: string }[];
  notes: string[];
}

const REPORTS = Number(process.env.BENCH_AGREEMENT_REPORTS ?? 856);
const TAGS_PER_CODER = 20;
const ROUNDS = Number(process.env.BENCH_AGREEMENT_ROUNDS ?? 9);
/** Distinct texts the reports cycle through (each file is its own report all the same). */
const TEXTS = 16;

/** B's tags: half of A's passages, each edge moved a few characters; the other half B's own, elsewhere. */
function secondCoder(text: string, a: readonly Tag[], seed: number): Tag[] {
  const random = seededRandom(seed);
  const own = makeTags(text, a.length, seed);
  return a.map((tag, i) => {
    if (i % 2 === 1) return { ...own[i]!, id: `b${seed}-${i}`, author: 'Ben' };
    const shift = () => Math.floor(random() * 24) - 12;
    const start = Math.max(0, tag.anchor.position.start + shift());
    const end = Math.min(text.length, Math.max(start + 1, tag.anchor.position.end + shift()));
    return { ...tag, id: `b${seed}-${i}`, author: 'Ben', anchor: createAnchor(text, start, end) };
  });
}

function writeCorpus(dir: string, root: string): void {
  const fixture = readFileSync(join(root, 'test/fixtures/reports/sif-2015-fernleigh.txt'), 'utf8');
  const texts = Array.from({ length: TEXTS }, (_, i) => syntheticSifReport(fixture, 40_000 + i * 4_000, 1200 + i));
  for (let r = 0; r < REPORTS; r++) {
    const text = texts[r % TEXTS]!;
    const path = join(dir, `report-${String(r).padStart(4, '0')}.txt`);
    const a = makeTags(text, TAGS_PER_CODER, 5000 + r).map((t) => ({ ...t, author: 'Amira' }));
    const tags = [...a, ...secondCoder(text, a, 9000 + r)];
    writeFileSync(path, text);
    writeFileSync(path + SIDECAR_SUFFIX, serialiseSidecar({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: `report-${r}.txt`, textHash: textHash(text) }, tags }));
  }
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function agreementBench(root = resolve(__dirname, '..')): Promise<AgreementBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ira-agreement-'));
  const setup = performance.now();
  writeCorpus(dir, root);
  const notes = [`Agreement over ${REPORTS} synthetic reports (${TEXTS} texts of 40-100 kB, cycled), ${TAGS_PER_CODER} tags by each of two coders; writing them (untimed) took ${(performance.now() - setup).toFixed(0)} ms.`];
  try {
    const fs = new NodeFileSystem();
    const files = Array.from({ length: REPORTS }, (_, r) => join(dir, `report-${String(r).padStart(4, '0')}.txt`));
    let parsed = 0;
    // The least any agreement must do: read each report and its tags file and JSON.parse the tags, one report after
    // another as the agreement reads them (16 at once was slower, not faster, on a loaded 2-core machine).
    const readAndParse = async () => {
      for (const f of files) {
        const text = await fs.readFile(f);
        parsed += text.length + (JSON.parse(await fs.readFile(f + SIDECAR_SUFFIX)) as { tags: unknown[] }).tags.length;
      }
    };
    const reading = await readAgreementReports([dir], fs);
    if (reading.reports.length !== REPORTS || reading.problems.length > 0) throw new Error(`read ${reading.reports.length} of ${REPORTS} reports: ${reading.problems.join('; ')}`);
    const reports: AgreementReport[] = reading.reports;
    const figures = new Map<string, string>();
    const agree = (unit: AgreementUnit) => () => {
      const result = computeAgreement(reports, { coderA: 'Amira', coderB: 'Ben', unit });
      figures.set(unit, `${result.themes.length} themes, overall agreement ${result.overall.weighted.agreement.toFixed(3)}${typeof result.overall.weighted.kappa === 'number' ? `, kappa ${result.overall.weighted.kappa.toFixed(3)}` : ''}`);
    };
    let disagreements = 0;
    const ops: { name: string; run: () => unknown }[] = [
      { name: 'read', run: readAndParse },
      { name: 'character', run: agree('character') },
      { name: 'paragraph', run: agree('paragraph') },
      { name: 'segment', run: agree('segment') },
      { name: 'disagreements', run: () => (disagreements = reports.reduce((n, r) => n + findDisagreements(r, 'Amira', 'Ben').length, 0)) },
      { name: 'end-to-end', run: async () => computeAgreement((await readAgreementReports([dir], fs)).reports, { coderA: 'Amira', coderB: 'Ben' }) },
    ];
    const samples = new Map<string, number[]>(ops.map((o) => [o.name, []]));
    // One warm-up round, then rounds in a rotating order so none always runs first.
    for (let round = 0; round <= ROUNDS; round++) {
      for (let k = 0; k < ops.length; k++) {
        const op = ops[(round + k) % ops.length]!;
        const t0 = performance.now();
        await op.run();
        if (round > 0) samples.get(op.name)!.push(performance.now() - t0);
      }
    }
    if (parsed === 0) throw new Error('read nothing');
    const m = (name: string) => median(samples.get(name)!);
    const baseline = { name: 'read + JSON.parse', median: m('read') };
    return {
      rows: [
        { operation: `agreement: character units (NVivo) over ${REPORTS} reports x ${TAGS_PER_CODER} tags per coder`, median: m('character'), baseline, target: 1, note: figures.get('character')! },
        { operation: 'agreement: paragraph units (blank-line paragraphs)', median: m('paragraph'), baseline, target: 1, note: figures.get('paragraph')! },
        { operation: 'agreement: segment overlap (MAXQDA, 90 %)', median: m('segment'), baseline, target: 1, note: figures.get('segment')! },
        { operation: 'agreement: every disagreement listed (the Moderation view\'s list)', median: m('disagreements'), baseline, target: 1, note: `${disagreements} disagreements` },
        { operation: 'agreement end to end: readAgreementReports (validating parser) + character units', median: m('end-to-end'), baseline, note: 'for comparison: the reading, not the agreement, is most of it' },
      ],
      notes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
