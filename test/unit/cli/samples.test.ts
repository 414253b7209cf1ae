// The bundled samples are what a newcomer sees first (npm run demo): check the engine reads each
// one as the README says, so a change to the engine or a sample cannot quietly break the demo.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseReport } from '../../../src/core/recognition/analyse';
import type { ReportModel } from '../../../src/core/recognition/model';

const samplesDir = resolve(import.meta.dirname, '..', '..', '..', 'samples');

function analyse(name: string): ReportModel {
  return analyseReport(readFileSync(join(samplesDir, name), 'utf8'), { markdown: name.endsWith('.md') });
}

const tableGrades = (m: ReportModel) => Object.fromEntries(m.judgements.filter((j) => j.source === 'table').map((j) => [j.area, j.grade]));

describe('bundled samples', () => {
  it('are the four documents the README lists, each saying it is fictional', () => {
    const readme = readFileSync(join(samplesDir, 'README.md'), 'utf8');
    // Reports only: sidecars (*.tags.json) may sit beside them.
    const files = readdirSync(samplesDir).filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md').sort();
    assert.deepEqual(files, ['brackenford-focused-visit-2024.txt', 'harrowdale-monitoring-visit-2023.txt', 'oxley-vale-ilacs-2026.md', 'westmere-ilacs-2025.txt']);
    for (const f of files) {
      assert.ok(readme.includes(`\`${f}\``), `README lists ${f}`);
      assert.match(readFileSync(join(samplesDir, f), 'utf8'), /fictional sample/i, `${f} says it is fictional`);
    }
  });

  it('Westmere: an ILACS report with five table grades, four improvements and 28 paragraphs', () => {
    const m = analyse('westmere-ilacs-2025.txt');
    assert.equal(m.kind, 'ilacs-inspection');
    assert.deepEqual(tableGrades(m), { leaders: 'good', 'help-protection': 'good', 'in-care': 'requires-improvement', 'care-leavers': 'good', overall: 'good' });
    assert.equal(m.improvements.length, 4);
    assert.deepEqual(
      m.improvements.map((i) => i.frameworkRefs.map((r) => `${r.kind} ${r.number}`).join()),
      ['outcome 3', 'outcome 3', 'enabler 2', 'outcome 2'],
    );
    assert.deepEqual(m.paragraphs.map((p) => p.number), Array.from({ length: 28 }, (_, i) => i + 1));
    // "judged requires improvement to be good in June 2021" is the previous inspection, not this one.
    assert.ok(m.earlierJudgements.some((e) => e.grade === 'requires-improvement' && e.when === 'June 2021'));
    const inCare = m.sections.find((s) => s.judgementArea === 'in-care');
    assert.equal(inCare?.grade, 'requires-improvement');
  });

  it('Oxley Vale (Markdown, 2026 framework): four grades and no overall effectiveness', () => {
    const m = analyse('oxley-vale-ilacs-2026.md');
    assert.equal(m.kind, 'ilacs-inspection');
    assert.deepEqual(tableGrades(m), { leaders: 'outstanding', 'help-protection': 'good', 'in-care': 'good', 'care-leavers': 'good' });
    assert.ok(!m.judgements.some((j) => j.area === 'overall'));
    assert.equal(m.improvements.length, 3);
    assert.equal(m.paragraphs.length, 12);
  });

  it('Brackenford: a focused-visit letter with one priority action and three improvements, no grades', () => {
    const m = analyse('brackenford-focused-visit-2024.txt');
    assert.equal(m.kind, 'focused-visit');
    assert.deepEqual(m.judgements, []);
    assert.deepEqual(m.improvements.map((i) => i.priority), [true, false, false, false]);
    assert.ok(m.earlierJudgements.every((e) => e.grade === 'good'));
  });

  it('Harrowdale: a monitoring-visit letter whose only grade is the earlier inadequate judgement', () => {
    const m = analyse('harrowdale-monitoring-visit-2023.txt');
    assert.equal(m.kind, 'monitoring-visit');
    assert.deepEqual(m.judgements, []);
    assert.ok(m.earlierJudgements.some((e) => e.grade === 'inadequate' && e.when === 'February 2023'));
  });
});
