// `report aggregate --coder NAME`: the export holds that coder's passages only (a settled moderation as "agreed").

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnchor, textHash } from '../../../src/core';
import { runCliProcess } from '../hostile/cliProcess';

const REPORT = `Inspection of Brackenford local authority children's services

The experiences and progress of children in care: requires improvement

1. Most children in care live in stable homes and know their social workers well.

2. Too many children wait too long for permanence; plans drift after review.
`;

let next = 0;
function tag(author: string, words: string, themeId: string) {
  const start = REPORT.indexOf(words);
  next++;
  return { id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`, themes: [{ id: themeId, label: themeId }], author, created: '2026-03-01T10:00:00.000Z', modified: '2026-03-01T10:00:00.000Z', anchor: createAnchor(REPORT, start, start + words.length) };
}

describe('report aggregate --coder (command line)', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aggregate-coder-'));
    const report = join(dir, 'Brackenford ILACS 2025.txt');
    writeFileSync(report, REPORT);
    const tags = [tag('Amira', 'live in stable homes', 'cc.stability'), tag('Ben', 'wait too long for permanence', 'cc.permanence'), tag('agreed', 'live in stable homes', 'cc.stability')];
    writeFileSync(`${report}.tags.json`, JSON.stringify({ format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'Brackenford ILACS 2025.txt', textHash: textHash(REPORT) }, tags }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("exports only the agreed coder's passages", async () => {
    const run = await runCliProcess(dir, 'aggregate', '.', '--format', 'json', '--coder', 'agreed', '--no-cache');
    assert.equal(run.code, 0, run.stderr);
    const set = JSON.parse(run.stdout) as { items: { author: string; quote: string }[]; reports: { tagCount: number }[] };
    assert.deepEqual(set.items.map((i) => [i.author, i.quote]), [['agreed', 'live in stable homes']]);
    assert.deepEqual(set.reports.map((r) => r.tagCount), [1]);
    const all = await runCliProcess(dir, 'aggregate', '.', '--format', 'json', '--no-cache');
    assert.equal((JSON.parse(all.stdout) as { items: unknown[] }).items.length, 3);
  });

  it('exit code 2 and the coders there are when no passage has that coder; a usage error with qdc', async () => {
    const run = await runCliProcess(dir, 'aggregate', '.', '--format', 'csv', '--coder', 'Carol', '--no-cache');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no passages were coded by "Carol"; the coders are: agreed \(1\), Amira \(1\), Ben \(1\)/);
    assert.equal(run.stdout, '');
    const qdc = await runCliProcess(dir, 'aggregate', '--format', 'qdc', '--coder', 'agreed');
    assert.equal(qdc.code, 2);
    assert.match(qdc.stderr, /--format qdc writes the codebook alone/);
  });
});
