// The heat map by authority and by region, as the Evidence view model sends it: passages per theme summed over
// each authority's reports (however each report prints the name) and over each region's authorities, every
// authority of the set present even with nothing tagged, unknown names under "Other", and the filter applied.

import assert from 'node:assert/strict';
import type { EvidenceItem, EvidenceReport, EvidenceSet } from '../../../src/core/evidence/evidenceModel';
import { buildEvidenceViewModel } from '../../../src/core/evidence/evidenceViewModel';
import { buildAuthorityHeat, NO_AUTHORITY_LABEL } from '../../../src/core/evidence/authorityHeat';
import { countThemes } from '../../../src/core/evidence/themeCounts';

const STABILITY = { id: 'stability', label: 'Placement stability' };
const VOICE = { id: 'voice', label: 'Voice of the child' };

function report(path: string, authority: string | undefined, date = '2023-05-01'): EvidenceReport {
  return { path, fileName: path.slice(path.lastIndexOf('/') + 1), kind: 'ilacs-inspection', judgements: [], improvements: [], tagCount: 0, orphanedCount: 0, date, ...(authority ? { authority } : {}) };
}

function passages(reportPath: string, authority: string | undefined, themes: EvidenceItem['themes'], count: number): EvidenceItem[] {
  return Array.from({ length: count }, (_, i) => ({
    tagId: `${reportPath}#${themes.map((t) => t.id).join('+')}${i}`,
    themes,
    quote: 'Children are seen alone.',
    reportPath,
    reportFileName: reportPath.slice(reportPath.lastIndexOf('/') + 1),
    reportKind: 'ilacs-inspection' as const,
    orphaned: false,
    ...(authority ? { authority } : {}),
  }));
}

// Leeds twice (printed two ways), Bristol, Tower Hamlets and Camden (London, Camden untagged), an invented
// authority and a report naming none.
const REPORTS = [
  report('/r/leeds-2019.txt', 'Leeds', '2019-03-01'),
  report('/r/leeds-2023.txt', 'Leeds City Council', '2023-03-01'),
  report('/r/bristol.txt', 'Bristol, City of'),
  report('/r/tower-hamlets.txt', 'London Borough of Tower Hamlets'),
  report('/r/camden.txt', 'Camden'),
  report('/r/westmere.txt', 'Westmere'),
  report('/r/notes.txt', undefined),
];
const ITEMS = [
  ...passages('/r/leeds-2019.txt', 'Leeds', [STABILITY], 2),
  ...passages('/r/leeds-2023.txt', 'Leeds City Council', [STABILITY, VOICE], 3),
  ...passages('/r/bristol.txt', 'Bristol, City of', [VOICE], 4),
  ...passages('/r/tower-hamlets.txt', 'London Borough of Tower Hamlets', [STABILITY], 1),
  ...passages('/r/westmere.txt', 'Westmere', [VOICE], 5),
  ...passages('/r/notes.txt', undefined, [STABILITY], 1),
];

function set(): EvidenceSet {
  return { generated: '2026-01-05T12:00:00.000Z', folders: ['/r'], reports: REPORTS, items: ITEMS, themes: countThemes(ITEMS), recurringImprovements: [], gradesOverTime: [], problems: [] };
}

describe('Evidence heat map by authority and region', () => {
  it('sums each authority\'s reports, however they print its name, in region order with every authority present', () => {
    const heat = buildEvidenceViewModel(set(), {}).authorityHeat;
    assert.deepEqual(
      heat.authorities.map((a) => [a.region, a.label, a.reports, a.total, a.perTheme]),
      [
        ['Yorkshire and The Humber', 'Leeds', 2, 8, { stability: 5, voice: 3 }],
        ['London', 'Camden', 1, 0, {}],
        ['London', 'London Borough of Tower Hamlets', 1, 1, { stability: 1 }],
        ['South West', 'Bristol, City of', 1, 4, { voice: 4 }],
        ['Other', NO_AUTHORITY_LABEL, 1, 1, { stability: 1 }],
        ['Other', 'Westmere', 1, 5, { voice: 5 }],
      ],
    );
  });

  it('sums each region over its authorities, Other last', () => {
    const heat = buildEvidenceViewModel(set(), {}).authorityHeat;
    assert.deepEqual(
      heat.regions.map((r) => [r.label, r.authorities, r.reports, r.total, r.perTheme]),
      [
        ['Yorkshire and The Humber', 1, 2, 8, { stability: 5, voice: 3 }],
        ['London', 2, 2, 1, { stability: 1 }],
        ['South West', 1, 1, 4, { voice: 4 }],
        ['Other', 2, 2, 6, { stability: 1, voice: 5 }],
      ],
    );
    // Every passage of every theme is in some region, once per theme it carries.
    const themeTotal = set().themes.reduce((n, t) => n + t.total, 0);
    assert.equal(heat.regions.reduce((n, r) => n + r.total, 0), themeTotal);
  });

  it('counts only what the filter keeps', () => {
    const heat = buildEvidenceViewModel(set(), { themeIds: ['voice'], since: '2020-01-01' }).authorityHeat;
    // Leeds 2019 is outside the dates: Leeds is one report. Its 3 passages carry voice and stability, and a passage
    // counts once for each theme it carries (as the themes' rows do): 6; Tower Hamlets' stability-only one is out.
    assert.deepEqual(heat.authorities.map((a) => [a.label, a.reports, a.total]), [
      ['Leeds City Council', 1, 6],
      ['Camden', 1, 0],
      ['London Borough of Tower Hamlets', 1, 0],
      ['Bristol, City of', 1, 4],
      [NO_AUTHORITY_LABEL, 1, 0],
      ['Westmere', 1, 5],
    ]);
    assert.deepEqual(heat.regions.map((r) => [r.label, r.total]), [['Yorkshire and The Humber', 6], ['London', 0], ['South West', 4], ['Other', 5]]);
  });

  it('counts 150 authorities of 5,000 reports from the per-report counts alone', () => {
    const names = ['Leeds', 'Camden', 'Cornwall', 'Kent', 'Essex'];
    const reports = Array.from({ length: 5000 }, (_, i) => report(`/r/${i}.txt`, i % 150 < 5 ? names[i % 150]! : `Invented ${i % 150}`));
    const perReport = Object.fromEntries(reports.map((r, i) => [r.path, 1 + (i % 3)]));
    const heat = buildAuthorityHeat(reports, [{ themeId: 'stability', label: 'Placement stability', total: 0, perReport, perArea: {} }]);
    assert.equal(heat.authorities.length, 150);
    assert.deepEqual(heat.regions.map((r) => [r.label, r.authorities]), [['East of England', 1], ['London', 1], ['South East', 1], ['South West', 1], ['Yorkshire and The Humber', 1], ['Other', 145]].sort((a, b) => order(a[0] as string) - order(b[0] as string)));
    assert.equal(heat.authorities.reduce((n, a) => n + a.total, 0), Object.values(perReport).reduce((n, v) => n + v, 0));
    assert.equal(heat.authorities.reduce((n, a) => n + a.reports, 0), 5000);
  });
});

function order(region: string): number {
  return ['Yorkshire and The Humber', 'East of England', 'London', 'South East', 'South West', 'Other'].indexOf(region);
}
