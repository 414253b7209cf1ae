// What the Evidence webview is sent: heat-map columns and cells, passages in column order with their
// citations, the filter controls' options, and totals that stay those of the whole set.

import assert from 'node:assert/strict';
import type { EvidenceItem, EvidenceReport, EvidenceSet } from '../../../src/core/evidence/evidenceModel';
import { buildEvidenceViewModel, clipboardText, type EvidenceViewModel, orderedViewItems, VIEW_PAGE_SIZE, viewItemsPage } from '../../../src/core/evidence/evidenceViewModel';
import { findRecurringImprovements } from '../../../src/core/evidence/recurringImprovements';
import { countThemes } from '../../../src/core/evidence/themeCounts';

function report(path: string, extra: Partial<EvidenceReport> = {}): EvidenceReport {
  return { path, fileName: path.slice(path.lastIndexOf('/') + 1), kind: 'ilacs-inspection', judgements: [], improvements: [], tagCount: 0, orphanedCount: 0, ...extra };
}

function passage(tagId: string, reportPath: string, extra: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    tagId,
    themes: [{ id: 'stability', label: 'Placement stability' }],
    quote: `Quote ${tagId}.`,
    reportPath,
    reportFileName: reportPath.slice(reportPath.lastIndexOf('/') + 1),
    reportKind: 'ilacs-inspection',
    orphaned: false,
    ...extra,
  };
}

const REPORTS: EvidenceReport[] = [
  report('/r/westmere-2024.txt', {
    authority: 'Westmere', date: '2024-03-12', judgements: [{ area: 'in-care', grade: 'good' }, { area: 'overall', grade: 'requires-improvement' }],
    improvements: [{ text: 'Improve the timeliness of return home interviews.', priority: false, owner: 'local-authority', line: 40, themeIds: [] }],
  }),
  report('/r/westmere-2022.txt', { authority: 'Westmere', date: '2022-11-02', kind: 'focused-visit' }),
  report('/r/kingsbridge.txt', { authority: 'Kingsbridge', date: '2023-06-14', kind: 'monitoring-visit', judgements: [] }),
  report('/r/notes.txt', { kind: 'unknown' }),
];

const ITEMS: EvidenceItem[] = [
  passage('w24b', '/r/westmere-2024.txt', { authority: 'Westmere', reportDate: '2024-03-12', position: { start: 900, end: 950 }, paragraph: 23, grade: 'good', themes: [{ id: 'stability', label: 'Placement stability' }, { id: 'voice', label: 'Voice of the child' }] }),
  passage('w24a', '/r/westmere-2024.txt', { authority: 'Westmere', reportDate: '2024-03-12', position: { start: 100, end: 150 }, grade: 'requires-improvement', section: 'Overall effectiveness', sectionRole: 'judgement' }),
  passage('w22', '/r/westmere-2022.txt', { authority: 'Westmere', reportDate: '2022-11-02', reportKind: 'focused-visit', themes: [{ id: 'voice', label: 'Voice of the child' }] }),
  passage('k1', '/r/kingsbridge.txt', { authority: 'Kingsbridge', reportDate: '2023-06-14', reportKind: 'monitoring-visit', orphaned: true }),
];

function evidenceSet(): EvidenceSet {
  return {
    generated: '2026-01-05T12:00:00.000Z',
    folders: ['/r'],
    reports: REPORTS,
    items: ITEMS,
    themes: countThemes(ITEMS),
    recurringImprovements: [],
    gradesOverTime: [],
    problems: [{ kind: 'malformed-sidecar', path: '/r/broken.txt.tags.json', message: 'Not JSON.' }],
  };
}

/** A theme's heat-map row (by report) as report path -> passages, the reports without any left out. */
function cellsByReport(model: EvidenceViewModel, row: number): Record<string, number> {
  return Object.fromEntries(model.reports.map((r, column) => [r.path, model.reportHeat.counts[row]![column]!] as const).filter(([, n]) => n > 0));
}

describe('Evidence view model', () => {
  it('sends the first page of passages and their count; the pages asked for next hold the rest, in the same order', () => {
    // 30 reports of 3 authorities, 15 passages each (450), given in no particular order.
    const reports: EvidenceReport[] = [];
    const items: EvidenceItem[] = [];
    for (let r = 0; r < 30; r++) {
      const authority = ['Westmere', 'Ashcombe', 'Kingsbridge'][r % 3]!;
      const date = `${2015 + ((r * 7) % 10)}-0${1 + (r % 9)}-15`;
      const path = `/r/${authority.toLowerCase()}-${String(r).padStart(2, '0')}.txt`;
      reports.push(report(path, { authority, date }));
      for (let k = 0; k < 15; k++) items.push(passage(`t${r}-${k}`, path, { authority, reportDate: date, position: { start: ((k * 37) % 15) * 100, end: ((k * 37) % 15) * 100 + 50 } }));
    }
    const set: EvidenceSet = { ...evidenceSet(), reports, items: items.reverse(), themes: countThemes(items) };
    const model = buildEvidenceViewModel(set, {});
    assert.equal(model.items.length, VIEW_PAGE_SIZE);
    assert.equal(model.itemCount, 450);
    assert.equal(model.taggedReportCount, 30);
    const ordered = orderedViewItems(set.items);
    const pages = [...model.items, ...viewItemsPage(ordered, 200), ...viewItemsPage(ordered, 400)];
    assert.equal(viewItemsPage(ordered, 600).length, 0);
    // The plain definition: by authority, then date, then report, then place in the report.
    const expected = [...set.items].sort((a, b) => a.authority!.localeCompare(b.authority!) || a.reportDate!.localeCompare(b.reportDate!) || a.reportPath.localeCompare(b.reportPath) || a.position!.start - b.position!.start);
    assert.deepEqual(pages.map((i) => i.tagId), expected.map((i) => i.tagId));
    assert.ok(pages.every((i) => i.citation.includes(i.authority!)), 'every page carries citations');
  });

  it('orders heat-map columns by authority then date, with full and short headings', () => {
    const model = buildEvidenceViewModel(evidenceSet(), {}, ['reports']);
    assert.deepEqual(
      model.reports.map((r) => [r.label, r.shortLabel]),
      [
        ['notes.txt, report', 'notes.txt undated'],
        ['Kingsbridge, monitoring visit, 14 June 2023', 'Kingsbridge 2023 MV'],
        ['Westmere, focused visit, 2 November 2022', 'Westmere 2022 FV'],
        ['Westmere, ILACS inspection, 12 March 2024', 'Westmere 2024'],
      ],
    );
    assert.deepEqual(model.folderLabels, ['reports']);
    // Each report's own improvements are not sent (the recurring ones are, on their own).
    assert.ok(model.reports.every((r) => !('improvements' in r)));
  });

  it('sends heat-map cells as passages per theme per report', () => {
    const model = buildEvidenceViewModel(evidenceSet(), {});
    assert.deepEqual(
      model.themes.map((t, row) => [t.label, t.total, cellsByReport(model, row)]),
      [
        ['Placement stability', 3, { '/r/westmere-2024.txt': 2, '/r/kingsbridge.txt': 1 }],
        ['Voice of the child', 2, { '/r/westmere-2024.txt': 1, '/r/westmere-2022.txt': 1 }],
      ],
    );
  });

  it('lists passages in column order, then by place in the report, each with its citation', () => {
    const model = buildEvidenceViewModel(evidenceSet(), {});
    assert.deepEqual(model.items.map((i) => i.tagId), ['k1', 'w22', 'w24a', 'w24b']);
    assert.deepEqual(
      model.items.map((i) => i.citation),
      [
        'Kingsbridge monitoring visit, dated 14 June 2023 (passage no longer found in the report; quoted as tagged)',
        'Westmere focused visit, dated 2 November 2022',
        "Westmere ILACS inspection, published 12 March 2024, section 'Overall effectiveness: requires improvement to be good'",
        'Westmere ILACS inspection, published 12 March 2024, para 23',
      ],
    );
  });

  it('offers the filter options found in the whole set, labelled, in a fixed order', () => {
    const model = buildEvidenceViewModel(evidenceSet(), { authority: 'westmere' });
    assert.deepEqual(model.options.themes, [{ id: 'stability', label: 'Placement stability' }, { id: 'voice', label: 'Voice of the child' }]);
    assert.deepEqual(model.options.authorities, ['Kingsbridge', 'Westmere']);
    assert.deepEqual(model.options.kinds, [
      { id: 'focused-visit', label: 'focused visit' },
      { id: 'ilacs-inspection', label: 'ILACS inspection' },
      { id: 'monitoring-visit', label: 'monitoring visit' },
      { id: 'unknown', label: 'report' },
    ]);
    assert.deepEqual(model.options.grades, [{ id: 'good', label: 'good' }, { id: 'requires-improvement', label: 'requires improvement to be good' }]);
  });

  it('applies the filter to columns, passages and cells, but keeps totals and problems of the whole set', () => {
    const model = buildEvidenceViewModel(evidenceSet(), { authority: ' WESTMERE ', themeIds: ['voice'] });
    assert.deepEqual(model.filter, { authority: ' WESTMERE ', themeIds: ['voice'] });
    // A Westmere report with no "voice" passage still has its column: a gap shows.
    assert.deepEqual(model.reports.map((r) => r.shortLabel), ['Westmere 2022 FV', 'Westmere 2024']);
    assert.deepEqual(model.items.map((i) => i.tagId), ['w22', 'w24b']);
    assert.deepEqual(model.themes.map((t, row) => [t.themeId, cellsByReport(model, row)]), [
      ['stability', { '/r/westmere-2024.txt': 1 }],
      ['voice', { '/r/westmere-2022.txt': 1, '/r/westmere-2024.txt': 1 }],
    ]);
    assert.deepEqual(model.totals, { reports: 4, items: 4 });
    assert.deepEqual(model.problems.map((p) => p.message), ['Not JSON.']);
    assert.equal(model.areaLabels['in-care'], 'Children in care');
  });

  it('sends the words the webview draws: area labels with their short forms, grade labels best first', () => {
    const model = buildEvidenceViewModel(evidenceSet(), {});
    // The same label as the Outline and the CLI; the short form only where a column is narrow.
    assert.deepEqual([model.areaLabels.adoption, model.areaShortLabels.adoption], ['Adoption performance', 'Adoption']);
    assert.deepEqual([model.areaLabels.lscb, model.areaShortLabels.lscb], ['Safeguarding children board', 'LSCB']);
    assert.deepEqual(Object.keys(model.areaLabels), ['overall', 'leaders', 'help-protection', 'in-care', 'care-leavers', 'adoption', 'lscb']);
    assert.deepEqual(model.gradeOrder.map((g) => model.gradeLabels[g]), ['Outstanding', 'Good', 'Requires improvement', 'Adequate', 'Inadequate']);
  });

  it("marks the board's passages and says the board's items are left out of the recurring ones", () => {
    const board = 'The LSCB should evaluate the impact of multi-agency training on frontline practice.';
    const sif = (path: string, date: string) =>
      report(path, {
        kind: 'sif-inspection', authority: 'Harbourside', date,
        improvements: [
          { text: 'Improve the timeliness of return home interviews.', priority: false, owner: 'local-authority', line: 30, themeIds: ['missing'] },
          { text: board, priority: true, owner: 'lscb', line: 120, themeIds: ['training'] },
        ],
      });
    const items = [
      passage('b', '/r/h-2014.txt', { authority: 'Harbourside', reportKind: 'sif-inspection', listOwner: 'lscb' }),
      passage('c', '/r/h-2014.txt', { authority: 'Harbourside', reportKind: 'sif-inspection', listOwner: 'local-authority' }),
    ];
    const reports = [sif('/r/h-2014.txt', '2014-08-08'), sif('/r/h-2017.txt', '2017-03-01')];
    // Summarised as a collection summarises it: with no filter the view shows the set's own summaries.
    const set: EvidenceSet = { ...evidenceSet(), reports, items, themes: countThemes(items), recurringImprovements: findRecurringImprovements(reports) };
    const model = buildEvidenceViewModel(set, {});
    assert.deepEqual(model.items.map((i) => [i.tagId, i.listOwner]), [['b', 'lscb'], ['c', 'local-authority']]);
    // The chip's words (the webview reads them from here).
    assert.deepEqual([model.ownerLabels.lscb.label, model.ownerLabels.lscb.short], ['Safeguarding children board', 'LSCB']);
    // Only the council's item recurs (shared theme); the board's identical item in both reports does not.
    assert.deepEqual(model.recurringImprovements.map((r) => r.occurrences.map((o) => o.text)), [['Improve the timeliness of return home interviews.', 'Improve the timeliness of return home interviews.']]);
    assert.equal(model.recurringScope, "Only the local authority's areas for improvement are compared; 2 items of the Local Safeguarding Children Board (LSCB) are left out.");
    // A set with only the council's items says nothing about the board.
    assert.equal(buildEvidenceViewModel(evidenceSet(), {}).recurringScope, undefined);
  });

  it('shows nothing but the totals when the filter matches no report', () => {
    const model = buildEvidenceViewModel(evidenceSet(), { since: '2030-01-01' });
    assert.deepEqual([model.reports, model.items, model.themes], [[], [], []]);
    assert.deepEqual(model.totals, { reports: 4, items: 4 });
  });

  it('copies a passage as quote plus citation, spaces collapsed', () => {
    const item = passage('c', '/r/westmere-2024.txt', { quote: 'Children  live\nin stable homes.', authority: 'Westmere', reportDate: '2024-03-12', paragraph: 23 });
    assert.equal(clipboardText(item), '“Children live in stable homes.” (Westmere ILACS inspection, published 12 March 2024, para 23)');
  });
});
