// Bench part 'view' (BENCH_ONLY=view): the Evidence view at 500,000 passages (issue 14: "the Evidence view stays
// responsive at 500,000 passages"). The evidence sets are built in memory (5,000 reports of 150 invented
// authorities, 100 passages each, themes of the default codebook), as collection would hand them to the view,
// so the part times the view and not the reading of files (the scale part times that).
// Rows: what crosses postMessage when the view opens, against the same reports with a passage each (it must not
// grow with the passages); a page of passages and a window of report columns, against a small workspace's or a
// fifth of the passages in the same reports (they must not grow either); building the first message and applying a filter, which walk the
// passages once and may grow with them (information rows, absolute times printed).
// scripts/benchWeb.mjs draws the same messages in headless Chromium (writeViewMessages below).

import { writeFileSync } from 'node:fs';
import type { EvidenceItem, EvidenceReport, EvidenceSet } from '../src/core/evidence/evidenceModel';
import { summariseEvidence } from '../src/core/evidence/summariseEvidence';
import { narrowEvidence } from '../src/core/evidence/evidenceFilter';
import { buildEvidenceViewModel, orderedViewItems, reportColumnsPage, viewItemsPage } from '../src/core/evidence/evidenceViewModel';
import { REPORT_COLUMN_PAGE, reportColumns, reportHeatScale, taggedReports } from '../src/core/evidence/reportHeat';
import type { Grade, JudgementArea, ReportKind } from '../src/core/recognition/model';
import { defaultCodebook } from '../src/core/tags/codebook/defaultCodebook';
import { EVIDENCE_BODY } from '../src/extension/evidence/evidenceBody';
import { SCALE_AUTHORITIES } from './scaleCorpus';
import { seededRandom } from './syntheticReport';
import type { BenchRow } from './benchRow';

const KINDS: ReportKind[] = ['ilacs-inspection', 'focused-visit', 'monitoring-visit', 'sif-inspection', 'jtai'];
const GRADES: Grade[] = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
const AREAS: JudgementArea[] = ['overall', 'help-protection', 'in-care', 'care-leavers'];
const SENTENCES = [
  'Social workers visit children regularly and see them alone, so that their wishes and feelings shape their plans.',
  'Team managers do not always review the progress of children in care at regular intervals.',
  'Leaders use performance information to understand the quality of practice, although this is not yet consistent.',
  'Personal advisers support care leavers to find suitable accommodation, and most care leavers feel well supported.',
];

/** `reports` reports (a folder of a national collection), `perReport` passages each, the same for the same seed. */
export function evidenceViewSet(reports: number, perReport: number, seed = 14): EvidenceSet {
  const random = seededRandom(seed);
  const themes = defaultCodebook().groups.flatMap((g) => g.themes);
  const list: EvidenceReport[] = [];
  const items: EvidenceItem[] = [];
  for (let r = 0; r < reports; r++) {
    const authority = SCALE_AUTHORITIES[r % SCALE_AUTHORITIES.length]!;
    const kind = KINDS[r % KINDS.length]!;
    const date = `${2012 + (r % 13)}-${String(1 + (r % 12)).padStart(2, '0')}-${String(1 + (r % 28)).padStart(2, '0')}`;
    const path = `/home/analyst/Documents/Ofsted reports/${authority}/${kind}-${date}-${String(r).padStart(4, '0')}.txt`;
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    const judgements = kind === 'ilacs-inspection' || kind === 'sif-inspection' ? AREAS.map((area, i) => ({ area, grade: GRADES[(r + i) % GRADES.length]! })) : [];
    list.push({ path, fileName, kind, authority, date, dateKind: 'published', judgements, improvements: [], sidecarPath: `${path}.tags.json`, tagCount: perReport, orphanedCount: 0 });
    for (let k = 0; k < perReport; k++) {
      const theme = themes[Math.floor(random() * themes.length)]!;
      const area = judgements.length ? AREAS[k % AREAS.length]! : undefined;
      const start = 400 + k * 520;
      items.push({
        tagId: `t${r}-${k}`, themes: [{ id: theme.id, label: theme.label }], quote: SENTENCES[(r + k) % SENTENCES.length]!, reportPath: path, reportFileName: fileName, reportKind: kind,
        authority, reportDate: date, reportDateKind: 'published', section: area ? 'Experiences and progress of children' : 'Findings', sectionRole: area ? 'judgement' : 'other', paragraph: k + 1,
        ...(area ? { judgementArea: area, grade: judgements.find((j) => j.area === area)!.grade } : {}),
        author: 'Amira', created: '2026-01-05T10:00:00.000Z', modified: '2026-01-05T10:00:00.000Z', orphaned: false, position: { start, end: start + 110 },
      });
    }
  }
  return summariseEvidence({ reports: list, items, problems: [] }, ['/home/analyst/Documents/Ofsted reports'], '2026-01-05T10:00:00.000Z');
}

/** The first message as the panel posts it (each passage with its report's URI), serialised as postMessage does. */
export function firstMessage(set: EvidenceSet, filter = {}): string {
  const model = buildEvidenceViewModel(set, filter, ['Ofsted reports']);
  return JSON.stringify({ type: 'evidence', model: { ...model, items: model.items.map((i) => ({ ...i, reportUri: `file://${encodeURI(i.reportPath)}` })) } });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Each operation's median in ms over `rounds` rounds (after `warmup`), in a rotating order. */
function interleaved(ops: Array<{ name: string; run: () => unknown }>, rounds: number, warmup: number): Map<string, number> {
  const samples = new Map<string, number[]>(ops.map((o) => [o.name, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    for (let k = 0; k < ops.length; k++) {
      const op = ops[(r + k) % ops.length]!;
      const t0 = performance.now();
      op.run();
      if (r >= warmup) samples.get(op.name)!.push(performance.now() - t0);
    }
  }
  return new Map([...samples].map(([name, s]) => [name, median(s)]));
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** What the panel keeps per filter and slices for each page and window the view asks for. */
function viewState(set: EvidenceSet, filter = {}) {
  const narrowed = narrowEvidence(set, filter);
  return { narrowed, ordered: orderedViewItems(narrowed.items), columns: reportColumns(narrowed.reports, taggedReports(narrowed.items)), scale: reportHeatScale(narrowed.themes) };
}

export function evidenceViewBench(rounds = Number(process.env.BENCH_VIEW_ROUNDS ?? 7)): { rows: BenchRow[]; notes: string[] } {
  const t0 = performance.now();
  const large = evidenceViewSet(5000, 100);
  const sparse = evidenceViewSet(5000, 1);
  const fifth = evidenceViewSet(5000, 20);
  const small = evidenceViewSet(20, 100);
  const made = performance.now() - t0;
  const theme = large.themes[0]!.themeId;
  const sizes = { large: firstMessage(large).length, sparse: firstMessage(sparse).length, small: firstMessage(small).length, filtered: firstMessage(large, { themeIds: [theme] }).length };
  const rows: BenchRow[] = [
    { operation: 'view: first message to the Evidence webview, 500,000 passages in 5,000 reports (JSON characters)', median: sizes.large, baseline: { name: 'the same 5,000 reports, 1 passage each', median: sizes.sparse }, target: 1.5, bytes: true, note: `${kb(sizes.large)} against ${kb(sizes.sparse)}; 27 MB for this set before the heat map by report was windowed` },
    { operation: 'view: that message, against a small workspace (2,000 passages in 20 reports)', median: sizes.large, baseline: { name: '20 reports x 100 passages', median: sizes.small }, bytes: true, note: `${kb(sizes.large)} against ${kb(sizes.small)}: grows with the reports (grades over time, 150 authorities), not the passages` },
  ];
  const views = { large: viewState(large), fifth: viewState(fifth), small: viewState(small) };
  // Page fetches: the passages half-way down the list, and the middle window of report columns, serialised.
  const page = (v: ReturnType<typeof viewState>) => JSON.stringify(viewItemsPage(v.ordered, v.ordered.length >> 1));
  const columns = (v: ReturnType<typeof viewState>) => JSON.stringify(reportColumnsPage(v.columns, v.narrowed.themes, v.columns.length >> 1, v.scale));
  const light = interleaved([
    { name: 'page large', run: () => page(views.large) },
    { name: 'page small', run: () => page(views.small) },
    { name: 'columns large', run: () => columns(views.large) },
    { name: 'columns fifth', run: () => columns(views.fifth) },
  ], rounds * 5, 5);
  rows.push(
    { operation: 'view: "Show more" page of 200 passages at offset 250,000 of 500,000, with citations, serialised', median: light.get('page large')!, baseline: { name: 'the same at offset 1,000 of 2,000', median: light.get('page small')! }, target: 1.5 },
    { operation: `view: a window of ${REPORT_COLUMN_PAGE} report columns (of 5,000) with counts for every theme, 500,000 passages, serialised`, median: light.get('columns large')!, baseline: { name: 'the same reports with 20 passages each (100,000)', median: light.get('columns fifth')! }, target: 1.5 },
  );
  const heavy = interleaved([
    { name: 'first large', run: () => firstMessage(large) },
    { name: 'first small', run: () => firstMessage(small) },
    { name: 'filter large', run: () => firstMessage(large, { themeIds: [theme] }) },
  ], rounds, 1);
  rows.push(
    { operation: 'view: building + serialising the first message, 500,000 passages (walks them once: proportional)', median: heavy.get('first large')!, baseline: { name: '2,000 passages in 20 reports', median: heavy.get('first small')! }, note: 'information: absolute time is what counts' },
    { operation: 'view: applying a theme filter at 500,000 passages (filter, recount, order, first message)', median: heavy.get('filter large')!, baseline: { name: 'first message, 2,000 passages', median: heavy.get('first small')! }, note: `information; the filtered message is ${kb(sizes.filtered)}` },
  );
  const notes = [`View part: evidence sets made in memory (bench/evidenceViewBench.ts) in ${(made / 1000).toFixed(1)} s: ${large.items.length.toLocaleString('en-GB')} passages in ${large.reports.length.toLocaleString('en-GB')} reports, ${large.themes.length} themes; message sizes ${kb(sizes.large)} (500,000), ${kb(sizes.sparse)} (5,000 in the same reports), ${kb(sizes.small)} (2,000 in 20 reports), ${kb(sizes.filtered)} (500,000, one theme).`];
  return { rows, notes };
}

/** The page's body and three first messages (500,000 passages; 5,000 in the same reports; 2,000 in 20 reports), for scripts/benchWeb.mjs: `npx tsx bench/evidenceViewBench.ts <file>`. */
export function writeViewMessages(file: string): void {
  writeFileSync(file, JSON.stringify({ body: EVIDENCE_BODY, small: firstMessage(evidenceViewSet(20, 100)), sparse: firstMessage(evidenceViewSet(5000, 1)), large: firstMessage(evidenceViewSet(5000, 100)) }));
}

if (process.argv[1]?.endsWith('evidenceViewBench.ts') && process.argv[2]) writeViewMessages(process.argv[2]);
