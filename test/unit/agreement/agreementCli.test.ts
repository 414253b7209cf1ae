// `report agreement` as a user runs it: a temp folder with an invented report and a tags file by two coders.

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnchor, textHash } from '../../../src/core';
import { runCliProcess } from '../hostile/cliProcess';

const REPORT = `Inspection of Brackenford local authority children's services

The experiences and progress of children in care: requires improvement

1. Most children in care live in stable homes and know their social workers well.

2. Too many children wait too long for permanence; plans drift after review.

3. Leaders have improved the sufficiency of local foster placements this year.
`;

let next = 0;
function tag(author: string, words: string, themeId: string, label: string) {
  const start = REPORT.indexOf(words);
  assert.ok(start >= 0, words);
  next++;
  return { id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`, themes: [{ id: themeId, label }], author, created: '2026-03-01T10:00:00.000Z', modified: '2026-03-01T10:00:00.000Z', anchor: createAnchor(REPORT, start, start + words.length) };
}

function sidecar(tags: unknown[]) {
  return JSON.stringify({ format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'Brackenford ILACS 2025.txt', textHash: textHash(REPORT) }, tags }, null, 2) + '\n';
}

describe('report agreement (command line)', function () {
  this.timeout(60000);
  let dir: string;
  const reportPath = () => join(dir, 'reports', 'Brackenford ILACS 2025.txt');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'agreement-cli-'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(reportPath(), REPORT);
    writeFileSync(`${reportPath()}.tags.json`, sidecar([
      // Permanence: Amira tags the whole sentence, Ben its first half. Stability: Amira only.
      tag('Amira', 'Too many children wait too long for permanence; plans drift after review.', 'cc.permanence', 'Permanence'),
      tag('Ben', 'Too many children wait too long for permanence', 'cc.permanence', 'Permanence'),
      tag('Amira', 'live in stable homes', 'cc.stability', 'Stability'),
    ]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints per-theme figures as JSON, matching a count by hand', async () => {
    const run = await runCliProcess(dir, 'agreement', 'reports', '--coder', 'Amira', '--coder', 'Ben', '--json');
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { themes: { id: string; label: string; agreement: number; kappa: number | string; aOnly: number; bOnly: number; both: number; neither: number }[]; overall: unknown };
    const n = REPORT.length;
    // Permanence: both = 46 ("Too many … permanence"), A only = 74 - 46 = 28 ("; plans drift after review."), B only 0.
    const both = 'Too many children wait too long for permanence'.length;
    const aOnly = '; plans drift after review.'.length;
    const permanence = out.themes.find((t) => t.id === 'cc.permanence')!;
    assert.deepEqual({ ...permanence, agreement: undefined, kappa: undefined }, { id: 'cc.permanence', label: 'Permanence', agreement: undefined, kappa: undefined, aOnly, bOnly: 0, both, neither: n - both - aOnly });
    assert.ok(Math.abs(permanence.agreement - (n - aOnly) / n) < 1e-9);
    const pa = (both + aOnly) / n;
    const pb = both / n;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    assert.ok(Math.abs((permanence.kappa as number) - ((n - aOnly) / n - pe) / (1 - pe)) < 1e-9);
    // Stability: Ben never used it, so kappa is 0 (agreement no better than chance).
    assert.equal(out.themes.find((t) => t.id === 'cc.stability')!.kappa, 0);
    assert.ok(out.overall);
  });

  it('by paragraph: paragraph 2 is the one unit both coded', async () => {
    const run = await runCliProcess(dir, 'agreement', reportPath(), '--coder', 'Amira', '--coder', 'Ben', '--unit', 'paragraph', '--csv');
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\r\n');
    assert.equal(lines[0], 'theme,label,agreement,kappa,a_only,b_only,both,neither');
    // Units: the title, the judgement heading, paragraphs 1–3: five. Permanence: both coded paragraph 2 only.
    assert.equal(lines.find((l) => l.startsWith('cc.permanence,')), 'cc.permanence,Permanence,1.000,1.000,0,0,1,4');
  });

  it('segments: Ben\'s half sentence is inside Amira\'s, hers is not 90 % inside his', async () => {
    const run = await runCliProcess(dir, 'agreement', 'reports', '--coder', 'Amira', '--coder', 'Ben', '--unit', 'segment');
    assert.equal(run.code, 0, run.stderr);
    // Permanence: Amira's segment unmatched, Ben's matched: share 1/2.
    assert.match(run.stdout, /Permanence\s+0\.500\s+1\s+0\s+1/);
    // Segments are pooled, not weighted by length: the lines say which figure is which.
    assert.match(run.stdout, /^Overall, all segments pooled: agreement \d\.\d{3}$/m);
    assert.match(run.stdout, /^Overall, mean of the themes: {2}agreement \d\.\d{3}$/m);
    assert.doesNotMatch(run.stdout, /weighted by length/);
  });

  it('a report named and inside a folder named counts once', async () => {
    const run = await runCliProcess(dir, 'agreement', 'reports', reportPath(), '--coder', 'Amira', '--coder', 'Ben', '--json');
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { reports: number; themes: { id: string; neither: number; aOnly: number; both: number }[] };
    assert.equal(out.reports, 1);
    const p = out.themes.find((t) => t.id === 'cc.permanence')!;
    assert.equal(p.aOnly + p.both + p.neither, REPORT.length);
  });

  it('exit code 2 and the coders found when a coder has no tags', async () => {
    const run = await runCliProcess(dir, 'agreement', 'reports', '--coder', 'Amira', '--coder', 'Carol');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no tags by "Carol" in 1 report; coders found: Amira \(2 tags\), Ben \(1 tag\)/);
    assert.equal(run.stdout, '');
  });

  it('a coder\'s name stored in another Unicode form is the same coder', async () => {
    const other = join(dir, 'forms');
    mkdirSync(other);
    writeFileSync(join(other, 'Brackenford ILACS 2025.txt'), REPORT);
    // "Zoë" as another tool stores it (e + combining diaeresis) against the composed name typed on the command line.
    writeFileSync(join(other, 'Brackenford ILACS 2025.txt.tags.json'), sidecar([
      tag('Zoe\u0308', 'Most children in care live in stable homes', 'cc.stability', 'Stability'),
      tag('Ben', 'live in stable homes and know their social workers well.', 'cc.stability', 'Stability'),
    ]));
    const run = await runCliProcess(other, 'agreement', '.', '--coder', 'Zo\u00EB', '--coder', 'Ben', '--csv');
    assert.equal(run.code, 0, run.stderr);
    // Both coders' passages counted: each coded something the other did not, and both coded "live in stable homes".
    const row = run.stdout.split('\r\n').find((line) => line.startsWith('cc.stability,'))!.split(',');
    assert.ok(Number(row[4]) > 0 && Number(row[5]) > 0 && Number(row[6]) > 0, row.join(','));
  });

  it('usage errors: one coder, a bad unit, a bad overlap', async () => {
    for (const args of [['--coder', 'Amira'], ['--coder', 'Amira', '--coder', 'Ben', '--unit', 'word'], ['--coder', 'Amira', '--coder', 'Ben', '--unit', 'segment', '--min-overlap', '1.5']]) {
      const run = await runCliProcess(dir, 'agreement', 'reports', ...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^report: agreement: /);
    }
  });

  it('a report edited since tagging is re-anchored in memory and the tags file is left as it was', async () => {
    const moved = join(dir, 'moved');
    mkdirSync(moved);
    const file = join(moved, 'Brackenford ILACS 2025.txt');
    writeFileSync(file, `Published 4 July 2025\n\n${REPORT}`);
    const tagsText = sidecar([tag('Amira', 'wait too long', 'cc.permanence', 'Permanence'), tag('Ben', 'wait too long', 'cc.permanence', 'Permanence')]);
    writeFileSync(`${file}.tags.json`, tagsText);
    const run = await runCliProcess(dir, 'agreement', 'moved', '--coder', 'Amira', '--coder', 'Ben', '--json');
    assert.equal(run.code, 0, run.stderr);
    const permanence = (JSON.parse(run.stdout) as { themes: { both: number; aOnly: number }[] }).themes[0]!;
    assert.deepEqual([permanence.both, permanence.aOnly], ['wait too long'.length, 0]);
    assert.equal(readFileSync(`${file}.tags.json`, 'utf8'), tagsText);
  });
});
