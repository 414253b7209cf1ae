// The five seed documents (../shared/seeds, a cleaner conversion than the corpus: tab-separated table rows,
// **bold** grades, "- " bullets, <p> tags, unwrapped paragraphs) must read exactly as a reader reads them
// (issue 10). The files are not copied into the project: when the folder is absent the tests say so and skip;
// test/unit/recognition/conversionStyles.test.ts covers the same styles with fixtures of our own.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { analyseReport } from '../../../src/core/recognition/analyse';
import type { ReportModel } from '../../../src/core/recognition/model';

const seedsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds');

interface SeedRow {
  kind: string;
  authority: string;
  published: string;
  /** "area=grade", sorted. */
  grades: string[];
  afis: number;
  priority: number;
  visit?: [string, string];
  /** Earlier inspections' grades the document mentions, exactly (unchecked when absent). */
  earlier?: string[];
  /** Every number of the report's running sequence: numbered paragraphs and numbered items together. */
  numberedTo?: number;
}

const SEEDS: Record<string, SeedRow> = {
  '000': { kind: 'focused-visit', authority: 'Lincolnshire', published: '2025-07-31', grades: [], afis: 2, priority: 0, visit: ['2025-07-01', '2025-07-02'], earlier: ['overall=outstanding', 'care-leavers=good'] },
  '001': { kind: 'focused-visit', authority: 'Lincolnshire', published: '2022-04-22', grades: [], afis: 0, priority: 0, earlier: [], visit: ['2022-03-16', '2022-03-17'] },
  '002': {
    kind: 'committee-paper', authority: 'Lincolnshire', published: '2023-09-07',
    grades: ['care-leavers=good', 'help-protection=outstanding', 'in-care=outstanding', 'leaders=outstanding', 'overall=outstanding'], afis: 2, priority: 0, earlier: [],
  },
  '003': { kind: 'monitoring-visit', authority: 'North East Lincolnshire', published: '2023-03-15', grades: [], afis: 0, priority: 0, visit: ['2023-02-08', '2023-02-09'], earlier: ['overall=inadequate'] },
  '004': {
    kind: 'sif-inspection', authority: 'Lincolnshire', published: '2015-01-06',
    grades: ['adoption=outstanding', 'care-leavers=good', 'help-protection=good', 'in-care=good', 'leaders=good', 'lscb=good', 'overall=good'],
    afis: 17, priority: 1, visit: ['2014-10-22', '2014-11-12'], numberedTo: 173,
  },
};

function seedFile(id: string): string | undefined {
  if (!existsSync(seedsDir)) return undefined;
  const name = readdirSync(seedsDir).find((f) => f.startsWith(`${id}_`) && f.endsWith('.txt'));
  return name ? join(seedsDir, name) : undefined;
}

/** The numbers a reader can cite: the running sequence of numbered paragraphs, the numbered improvement items among them. */
function citedNumbers(model: ReportModel, text: string): number[] {
  // The model's own item numbers, checked against the digits the item's line starts with.
  const itemNumbers = model.improvements.filter((i) => i.number !== undefined).map((i) => {
    const printed = /^\s*(\d{1,3})[.)]/.exec(text.slice(text.lastIndexOf('\n', i.range.start) + 1, i.range.end))?.[1];
    assert.equal(i.number, Number(printed), `item at line ${i.line}`);
    return i.number!;
  });
  // The items are in the running sequence, so each item's number is a paragraph's too.
  const numbers = model.paragraphs.map((p) => p.number);
  for (const n of itemNumbers) assert.ok(numbers.includes(n), `item ${n} is in the paragraph sequence`);
  return numbers;
}

describe('recognition: the five seed documents (../shared/seeds)', () => {
  before(function () {
    if (!existsSync(seedsDir)) {
      console.log(`    (skipped: no seed folder at ${seedsDir}; the conversion-style fixtures cover the same styles)`);
      this.skip();
    }
  });

  for (const [id, row] of Object.entries(SEEDS)) {
    it(`seed ${id}: ${row.kind}, ${row.authority}, ${row.published}, ${row.grades.length} grades, ${row.afis} AFIs / ${row.priority} priority`, function () {
      const file = seedFile(id);
      if (!file) {
        console.log(`    (skipped: seed ${id} is not in ${seedsDir})`);
        this.skip();
      }
      const text = readFileSync(file, 'utf8');
      const model = analyseReport(text);
      assert.equal(model.kind, row.kind);
      assert.equal(model.metadata.authority, row.authority);
      assert.equal(model.metadata.publishedDate, row.published);
      assert.deepEqual(model.judgements.map((j) => `${j.area}=${j.grade}`).sort(), row.grades);
      assert.equal(model.improvements.filter((i) => !i.priority).length, row.afis, 'areas for improvement');
      assert.equal(model.improvements.filter((i) => i.priority).length, row.priority, 'priority actions');
      if (row.visit) assert.deepEqual([model.metadata.inspectionDates?.start, model.metadata.inspectionDates?.end], row.visit);
      else assert.equal(model.metadata.inspectionDates, undefined);
      if (row.earlier) assert.deepEqual(model.earlierJudgements.map((e) => `${e.area}=${e.grade}`), row.earlier, 'earlier inspections\' grades, never this report\'s');
      if (row.numberedTo) assert.deepEqual(citedNumbers(model, text), Array.from({ length: row.numberedTo }, (_, k) => k + 1), 'every number 1..N read once');
      else assert.deepEqual(model.paragraphs, []);
    });
  }
});
