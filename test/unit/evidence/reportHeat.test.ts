// The heat map "by report" at scale: its columns go to the webview a window at a time, with counts by theme and
// column, so what crosses postMessage does not grow with the passages (nor with the reports beyond one window).

import assert from 'node:assert/strict';
import type { EvidenceItem, EvidenceReport, EvidenceSet } from '../../../src/core/evidence/evidenceModel';
import { buildEvidenceViewModel, reportColumnsPage } from '../../../src/core/evidence/evidenceViewModel';
import { ALL_REPORT_COLUMNS, REPORT_COLUMN_PAGE, reportColumns, taggedReports } from '../../../src/core/evidence/reportHeat';
import { countThemes } from '../../../src/core/evidence/themeCounts';

const THEMES = [
  { id: 'stability', label: 'Placement stability' },
  { id: 'voice', label: 'Voice of the child' },
  { id: 'leaving-care', label: 'Leaving care' },
];

/** `reports` reports of 10 authorities, the first `tagged` of them with `perReport` passages each. */
function scaleSet(reports: number, tagged: number, perReport: number): EvidenceSet {
  const list: EvidenceReport[] = [];
  const items: EvidenceItem[] = [];
  for (let r = 0; r < reports; r++) {
    const authority = `Authority ${String.fromCharCode(65 + (r % 10))}`;
    const date = `${2015 + (r % 9)}-0${1 + (r % 9)}-1${r % 10}`;
    const path = `/home/analyst/reports/${authority}/inspection-${String(r).padStart(4, '0')}.txt`;
    list.push({ path, fileName: path.slice(path.lastIndexOf('/') + 1), kind: 'ilacs-inspection', authority, date, judgements: [], improvements: [], tagCount: r < tagged ? perReport : 0, orphanedCount: 0 });
    if (r >= tagged) continue;
    for (let k = 0; k < perReport; k++) {
      items.push({ tagId: `t${r}-${k}`, themes: [THEMES[(r + k) % THEMES.length]!], quote: `Passage ${k} of report ${r}.`, reportPath: path, reportFileName: list[r]!.fileName, reportKind: 'ilacs-inspection', authority, reportDate: date, orphaned: false, position: { start: k * 100, end: k * 100 + 50 } });
    }
  }
  return { generated: '2026-01-01T00:00:00.000Z', folders: ['/home/analyst/reports'], reports: list, items, themes: countThemes(items), recurringImprovements: [], gradesOverTime: [], problems: [] };
}

/** Every cell of every window, as theme id -> report path -> passages (zeros left out), fetched as the view would. */
function allWindows(set: EvidenceSet): Record<string, Record<string, number>> {
  const columns = reportColumns(set.reports, taggedReports(set.items));
  const cells: Record<string, Record<string, number>> = Object.fromEntries(set.themes.map((t) => [t.themeId, {}]));
  for (let offset = 0; offset < columns.length; offset += REPORT_COLUMN_PAGE) {
    const page = reportColumnsPage(columns, set.themes, offset);
    assert.equal(page.reportHeat.offset, offset);
    page.reports.forEach((report, column) => {
      set.themes.forEach((theme, row) => {
        const n = page.reportHeat.counts[row]![column]!;
        if (n > 0) cells[theme.themeId]![report.path] = n;
      });
    });
  }
  return cells;
}

describe('Evidence view: the heat map by report, a window of columns at a time', () => {
  it('sends the first window of columns, ordered by authority then date, with counts, totals and the largest cell of all windows', () => {
    const set = scaleSet(260, 250, 4);
    const model = buildEvidenceViewModel(set, {});
    // 10 reports have no passage: beyond ALL_REPORT_COLUMNS reports they are not columns.
    assert.equal(model.reportCount, 260);
    assert.equal(model.taggedReportCount, 250);
    assert.equal(model.reportHeat.columns, 250);
    assert.equal(model.reports.length, REPORT_COLUMN_PAGE);
    assert.equal(model.reportHeat.counts.length, model.themes.length);
    assert.ok(model.reportHeat.counts.every((row) => row.length === REPORT_COLUMN_PAGE));
    const expected = [...set.reports].filter((r) => r.tagCount > 0).sort((a, b) => a.authority!.localeCompare(b.authority!) || a.date!.localeCompare(b.date!) || a.path.localeCompare(b.path));
    assert.deepEqual(model.reports.map((r) => r.path), expected.slice(0, REPORT_COLUMN_PAGE).map((r) => r.path));
    assert.equal(model.reports[0]!.shortLabel, 'Authority A 2015');
    // Totals are over all the columns, not the window: the Total column stays each theme's number of passages.
    assert.deepEqual(model.reportHeat.totals, set.themes.map((t) => t.total));
    assert.equal(model.reportHeat.max, Math.max(...set.themes.flatMap((t) => Object.values(t.perReport))));
  });

  it('gives every cell once over the windows, as the counts per report of the whole set', () => {
    const set = scaleSet(330, 330, 5);
    assert.deepEqual(allWindows(set), Object.fromEntries(set.themes.map((t) => [t.themeId, t.perReport])));
  });

  it('clamps a window asked for past the end to the last column, and a negative one to the first', () => {
    const set = scaleSet(230, 230, 1);
    const columns = reportColumns(set.reports, taggedReports(set.items));
    assert.equal(reportColumnsPage(columns, set.themes, 10_000).reportHeat.offset, 229);
    assert.equal(reportColumnsPage(columns, set.themes, 10_000).reports.length, 1);
    assert.equal(reportColumnsPage(columns, set.themes, -5).reportHeat.offset, 0);
  });

  it('keeps every report as a column, tagged or not, up to ALL_REPORT_COLUMNS reports', () => {
    const set = scaleSet(ALL_REPORT_COLUMNS, 3, 2);
    const model = buildEvidenceViewModel(set, {});
    assert.equal(model.reportHeat.columns, ALL_REPORT_COLUMNS);
    assert.equal(model.reports.length, ALL_REPORT_COLUMNS);
  });

  it('filters the columns and their counts with the passages', () => {
    const set = scaleSet(300, 300, 3);
    const model = buildEvidenceViewModel(set, { authority: 'authority c', themeIds: ['voice'] });
    assert.ok(model.reports.every((r) => r.authority === 'Authority C'));
    assert.deepEqual(model.themes.map((t) => t.themeId), ['voice']);
    assert.equal(model.reportHeat.totals[0], model.itemCount);
  });

  it('sends a message whose size does not grow with the passages, and names no report beyond the window', () => {
    // The same 400 reports with 1 passage each, and with 60 each (24,000 passages).
    const few = JSON.stringify(buildEvidenceViewModel(scaleSet(400, 400, 1), {}));
    const setOfMany = scaleSet(400, 400, 60);
    const many = JSON.stringify(buildEvidenceViewModel(setOfMany, {}));
    assert.ok(many.length < few.length * 1.2, `${many.length} characters for 24,000 passages against ${few.length} for 400`);
    // The last column of all is in no window but the last: its path is not in the first message.
    const last = reportColumns(setOfMany.reports, taggedReports(setOfMany.items)).at(-1)!;
    assert.ok(!many.includes(last.path), 'a report outside the first window is not sent');
    assert.ok(!many.includes('perReport'));
  });
});
