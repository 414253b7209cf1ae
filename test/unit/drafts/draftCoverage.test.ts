// Coverage of a draft: per heading, its citations and their themes; per theme, which tagged passages are not
// cited anywhere in the draft; per report, whether the draft cites it at all.

import assert from 'node:assert/strict';
import { parseCitations } from '../../../src/core/drafts/citationParser';
import { draftCoverage, type TaggedReport } from '../../../src/core/drafts/draftCoverage';
import { DRAFT_PATH, PASSAGES, REPORT, REPORT_PATH, sidecarFor, standardTags, tagOn } from './draftFixtures';

const link = (tag: string, report = 'reports/ashcombe-fv-2025.txt') => `[R](${report}#tag=${tag})`;

function reports(): TaggedReport[] {
  const other = sidecarFor(REPORT, [tagOn(REPORT, 'o1', PASSAGES.leaders, { themes: [{ id: 'leadership', label: 'Leadership' }] })]);
  other.report = { ...other.report, fileName: 'westmere.txt', authority: 'Westmere' };
  return [
    { reportPath: REPORT_PATH, sidecar: sidecarFor(REPORT, standardTags()) },
    { reportPath: '/ws/reports/westmere.txt', sidecar: other },
  ];
}

function coverage(draft: string) {
  return draftCoverage(draft, DRAFT_PATH, parseCitations(draft), reports());
}

describe('draft coverage', () => {
  it('counts each section’s citations and their themes under its heading', () => {
    const draft = `Intro “x” ${link('t1')}.\n\n# Voice\n\n“a” ${link('t1')} and “b” ${link('t1')}.\n\n## Partners\n\n“c” ${link('t2')}, “d” ${link('t9')}.\n\n# Empty\n`;
    const { sections, unmatched } = coverage(draft);
    assert.deepEqual(
      sections.map((s) => [s.heading, s.line, s.depth, s.citations, [...s.themes]]),
      [
        ['(before the first heading)', 0, 0, 1, [['Voice of the child', 1]]],
        ['Voice', 3, 1, 2, [['Voice of the child', 2]]],
        ['Partners', 7, 2, 2, [['Partnership working', 1]]],
        ['Empty', 11, 1, 0, []],
      ],
    );
    assert.equal(unmatched, 1);
  });

  it('lists per theme the tagged passages the draft does not cite, most left out first', () => {
    const none = coverage('# A\n\nNothing cited yet.\n').themes;
    assert.deepEqual(none.map((t) => [t.label, t.uncited.length]), [['Voice of the child', 2], ['Leadership', 1], ['Partnership working', 1]]);
    const { themes } = coverage(`# A\n\n“a” ${link('t1')}\n`);
    assert.deepEqual(
      themes.map((t) => [t.label, t.tagged, t.cited, t.uncited.map((u) => u.tagId)]),
      [
        ['Leadership', 1, 0, ['o1']],
        ['Partnership working', 1, 0, ['t2']],
        ['Voice of the child', 2, 1, ['t3']],
      ],
    );
    const voice = themes[2]!.uncited[0]!;
    assert.deepEqual([voice.reportPath, voice.quote], [REPORT_PATH, PASSAGES.leaders]);
  });

  it('puts reports the draft never cites first, and counts cited passages per report', () => {
    const { reports: rows } = coverage(`“a” ${link('t1')} “b” ${link('t2')}\n`);
    assert.deepEqual(rows.map((r) => [r.label, r.tagged, r.cited]), [
      ['Westmere focused visit', 1, 0],
      ['Ashcombe focused visit', 3, 2],
    ]);
  });

  it('matches a citation written with ./ or .. to the same report', () => {
    const { themes } = coverage(`“a” ${link('t2', './reports/../reports/ashcombe-fv-2025.txt')}\n`);
    assert.equal(themes.find((t) => t.label === 'Partnership working')!.cited, 1);
  });
});
