// Folding tags into evidence items field by field, and summarising 500,000 of them without a sort over all: each
// checked against the plain way it was done before (placing through tagContext, one stable sort, a count per passage).

import assert from 'node:assert/strict';
import { collectPassages } from '../../../src/core/evidence/collectPassages';
import { compareInReport, compareReportPaths, summariseEvidence } from '../../../src/core/evidence/summariseEvidence';
import { countThemes, NO_JUDGEMENT_AREA } from '../../../src/core/evidence/themeCounts';
import type { EvidenceReportModel } from '../../../src/core/evidence/evidenceReportModel';
import type { EvidenceItem, EvidenceReport, ThemeSummary } from '../../../src/core/evidence/evidenceModel';
import type { Sidecar, Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import type { JudgementArea } from '../../../src/core/recognition/model';
import { tagContext } from '../../../src/core/tags/anchoring/tagContext';

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

const TEXT = 'x'.repeat(1000);

const MODEL: EvidenceReportModel = {
  kind: 'ilacs-inspection',
  metadata: { authority: 'Westmere', publishedDate: '2024-03-01' },
  sections: [
    { title: 'Overview', role: 'overview', range: { start: 0, end: 200 }, children: [] },
    {
      title: 'Leaders',
      role: 'judgement',
      range: { start: 200, end: 600 },
      judgementArea: 'leaders',
      grade: 'good',
      children: [{ title: 'Oversight', role: 'subtopic', range: { start: 300, end: 400 }, children: [] }],
    },
    // No grade in its heading: the judgement table's grade.
    { title: 'In care', role: 'judgement', range: { start: 600, end: 800 }, judgementArea: 'in-care', children: [] },
  ],
  judgements: [
    { area: 'leaders', grade: 'good' },
    { area: 'in-care', grade: 'requires-improvement' },
    { area: 'leaders', grade: 'inadequate' },
  ],
  improvements: [{ text: 'Plans', priority: false, owner: 'local-authority', range: { start: 310, end: 330 }, line: 9, number: 1 }],
  strengths: [{ owner: 'lscb', range: { start: 305, end: 320 } }],
  paragraphs: [
    { number: 1, range: { start: 0, end: 100 } },
    { number: 2, label: '1.2', range: { start: 250, end: 450 } },
    { number: 3, range: { start: 650, end: 700 } },
  ],
};

function tag(id: string, start: number, end: number, extra: Partial<Tag> = {}): Tag {
  return {
    id,
    themes: [{ id: 'plans', label: 'Plans' }],
    created: '2024-02-01T10:00:00.000Z',
    modified: '2024-02-01T10:00:00.000Z',
    anchor: { position: { start, end, unit: 'utf-16' }, quote: { exact: TEXT.slice(start, end), prefix: '', suffix: '' } },
    ...extra,
  } as Tag;
}

/** Where a found passage was placed before: tagContext's answer, the judgement table's grade, then the tag's record. */
function placedAsBefore(tagged: Tag, start: number, end: number): Record<string, unknown> {
  const recorded = tagged.context ?? {};
  const now = tagContext(MODEL, { start, end });
  const grade = now.grade ?? (now.judgementArea ? MODEL.judgements.find((j) => j.area === now.judgementArea)?.grade : undefined);
  const paragraph = now.paragraph ?? recorded.paragraph;
  const label = paragraph === undefined ? undefined : MODEL.paragraphs.find((p) => p.number === paragraph)?.label;
  const place: Record<string, unknown> = {
    section: now.section ?? recorded.section,
    sectionRole: now.sectionRole ?? recorded.sectionRole,
    paragraph,
    paragraphLabel: label,
    judgementArea: now.judgementArea ?? recorded.judgementArea,
    grade: grade ?? recorded.grade,
  };
  for (const key of Object.keys(place)) if (place[key] === undefined) delete place[key];
  return place;
}

const PLACE_FIELDS = ['section', 'sectionRole', 'paragraph', 'paragraphLabel', 'judgementArea', 'grade'];
const placeOf = (item: EvidenceItem): Record<string, unknown> => Object.fromEntries(Object.entries(item).filter(([key]) => PLACE_FIELDS.includes(key)));

function sidecarOf(tags: Tag[]): Sidecar {
  return { format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'r.txt', textHash: 'a'.repeat(64) }, tags } as Sidecar;
}

describe('folding tags into evidence items', () => {
  it('places every found passage as tagContext and the judgement table place it, in the fields the JSON lists', () => {
    const next = random(7);
    const tags: Tag[] = [];
    for (let i = 0; i < 300; i++) {
      const start = next(990);
      const recorded = next(3) === 0 ? { context: { section: 'Old', sectionRole: 'summary' as const, paragraph: 1 + next(4), judgementArea: 'overall' as JudgementArea, grade: 'adequate' as const } } : {};
      tags.push(tag(`t${i}`, start, start + 1 + next(9), recorded));
    }
    const collected = collectPassages({ path: '/r/r.txt', text: TEXT, model: MODEL, problems: [] }, sidecarOf(tags), '/r/r.txt.tags.json')!;
    collected.items.forEach((item, i) => {
      const { start, end } = tags[i]!.anchor.position;
      assert.deepEqual(placeOf(item), placedAsBefore(tags[i]!, start, end), `tag ${i} at ${start}`);
      assert.deepEqual(Object.keys(item).filter((key) => PLACE_FIELDS.includes(key)), PLACE_FIELDS.filter((key) => key in item), 'in the JSON order');
      assert.deepEqual(item.position, { start, end });
    });
    // The same from a stamp (the report not read again).
    const stamped = collectPassages({ path: '/r/r.txt', model: MODEL, stamped: { key: 'k', textLength: TEXT.length, places: tags.map((t) => ({ start: t.anchor.position.start, end: t.anchor.position.end })) }, problems: [] }, sidecarOf(tags), '/r/r.txt.tags.json')!;
    assert.equal(JSON.stringify(stamped.items), JSON.stringify(collected.items));
  });

  it('gives a passage on a listed item its owner, and the item the themes of the passages over it', () => {
    const tags = [
      tag('a', 318, 325, { themes: [{ id: 'zeta', label: 'Z' }, { id: 'plans', label: 'Plans' }] }),
      tag('b', 300, 312),
      tag('c', 500, 510, { themes: [{ id: 'other', label: 'O' }] }),
    ];
    const collected = collectPassages({ path: '/r/r.txt', text: TEXT, model: MODEL, problems: [] }, sidecarOf(tags), undefined)!;
    // Both overlap the board's strength (from 305) and 'a' the council's improvement too (from 310): the earliest wins.
    assert.deepEqual(collected.items.map((i) => i.listOwner), ['lscb', 'lscb', undefined]);
    assert.deepEqual(collected.report.improvements, [{ text: 'Plans', priority: false, owner: 'local-authority', number: 1, line: 9, themeIds: ['plans', 'zeta'] }]);
    assert.deepEqual(collected.report.judgements, [{ area: 'leaders', grade: 'good' }, { area: 'in-care', grade: 'requires-improvement' }]);
    // Passages with the same themes share one list.
    assert.equal(collected.items[1]!.themes, collectPassages({ path: '/r/s.txt', text: TEXT, model: MODEL, problems: [] }, sidecarOf([tag('d', 1, 5)]), undefined)!.items[0]!.themes);
  });

  it('keeps what a tag not found recorded, and its paragraph label, but takes no place from a foreign context', () => {
    const gone = (id: string, context: Record<string, unknown>) => ({ ...tag(id, 10, 20), anchor: { position: { start: 10, end: 20, unit: 'utf-16' }, quote: { exact: 'not there', prefix: '', suffix: '' } }, context } as Tag);
    const tags = [gone('a', { section: 'Old', paragraph: 2 }), gone('b', { found: true, position: { start: 300, end: 310 } }), { ...tag('c', 1, 5), orphaned: true }];
    const collected = collectPassages({ path: '/r/r.txt', text: TEXT, model: MODEL, problems: [] }, sidecarOf(tags), undefined)!;
    const [a, b, c] = collected.items;
    assert.deepEqual(placeOf(a!), { section: 'Old', paragraph: 2, paragraphLabel: '1.2' });
    assert.equal(a!.orphaned, true);
    // A foreign `found` and `position` in the context are not a place: the passage is not found, so it has none.
    assert.deepEqual([b!.orphaned, b!.position, b!.listOwner], [true, undefined, undefined]);
    assert.equal(c!.orphaned, true);
    assert.equal(collected.report.orphanedCount, 3);
    assert.deepEqual(collected.problems.map((p) => p.kind === 'orphaned-tag' && p.tagId), ['a', 'b', 'c']);
  });
});

/** An item with only what ordering and counting read. */
function item(reportPath: string, tagId: string, start: number | undefined, themes: string[], area?: JudgementArea): EvidenceItem {
  return {
    tagId,
    themes: themes.map((id) => ({ id, label: id.toUpperCase() })),
    quote: '',
    reportPath,
    reportFileName: reportPath,
    reportKind: 'ilacs-inspection',
    ...(area ? { judgementArea: area } : {}),
    orphaned: start === undefined,
    ...(start !== undefined ? { position: { start, end: start + 1 } } : {}),
  };
}

function sortedAsBefore(items: readonly EvidenceItem[]): EvidenceItem[] {
  return [...items].sort((a, b) => compareReportPaths(a.reportPath, b.reportPath) || compareInReport(a, b));
}

/** The count before it was kept per report run. */
function countedAsBefore(items: readonly EvidenceItem[]): ThemeSummary[] {
  const byId = new Map<string, ThemeSummary>();
  for (const it of items) {
    for (const theme of it.themes) {
      let summary = byId.get(theme.id);
      if (!summary) byId.set(theme.id, (summary = { themeId: theme.id, label: theme.label, total: 0, perReport: {}, perArea: {} }));
      summary.total++;
      summary.perReport[it.reportPath] = (summary.perReport[it.reportPath] ?? 0) + 1;
      const area = it.judgementArea ?? NO_JUDGEMENT_AREA;
      summary.perArea[area] = (summary.perArea[area] ?? 0) + 1;
    }
  }
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label) || a.themeId.localeCompare(b.themeId));
}

// Paths that sort apart, and two that collate as equal (é composed and decomposed), whose passages then interleave.
const PATHS = ['/r/b.txt', '/r/a.txt', '/r/A.txt', '/r/a-b.txt', '/r/ab.txt', '/r/10.txt', '/r/9.txt', '/r/caf\u00e9.txt', '/r/cafe\u0301.txt'];
const AREAS: Array<JudgementArea | undefined> = [undefined, 'leaders', 'in-care', 'overall'];

/** Passages report by report as a collection gathers them, now and then out of order, split or on colliding paths. */
function gathered(seed: number): EvidenceItem[] {
  const next = random(seed);
  const paths = [...PATHS].sort(() => next(3) - 1).slice(0, 2 + next(PATHS.length - 1));
  const withoutCollision = next(2) === 0 ? paths.filter((p) => !p.includes('cafe\u0301')) : paths;
  const items: EvidenceItem[] = [];
  for (const path of withoutCollision) {
    const count = next(12);
    let start = next(50);
    for (let i = 0; i < count; i++) {
      // Mostly in document order, as tags usually are; sometimes back, tied, or without a position.
      const roll = next(10);
      if (roll < 6) start += next(20);
      else if (roll < 8) start = Math.max(0, start - next(30));
      items.push(item(path, `t${next(5)}`, roll === 9 ? undefined : start, next(4) === 0 ? ['a', 'b'] : [['a', 'b', 'c'][next(3)]!], AREAS[next(AREAS.length)]));
    }
  }
  // A report's passages now and then in two runs.
  if (next(4) === 0 && items.length > 2) items.push(items[next(items.length)]!);
  return items;
}

describe('summarising passages', () => {
  it('orders them as one stable sort by report path, then within the report, would', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const items = gathered(seed);
      const set = summariseEvidence({ reports: [], items, problems: [] }, [], 'now');
      assert.deepEqual(set.items.map((i) => items.indexOf(i)), sortedAsBefore(items).map((i) => items.indexOf(i)), `seed ${seed}`);
    }
  });

  it('orders them so too when a report comes in two runs, or two paths collate as equal (their passages interleave)', () => {
    const split = [item('/r/b.txt', 't1', 5, ['a']), item('/r/a.txt', 't2', 3, ['a']), item('/r/b.txt', 't3', 4, ['a'])];
    const composed = [item('/r/caf\u00e9.txt', 't1', 1, ['a']), item('/r/caf\u00e9.txt', 't2', 10, ['a']), item('/r/cafe\u0301.txt', 't3', 5, ['a'])];
    for (const items of [split, composed]) assert.deepEqual(summariseEvidence({ reports: [], items, problems: [] }, [], 'now').items, sortedAsBefore(items));
    assert.deepEqual(sortedAsBefore(composed).map((i) => i.tagId), ['t1', 't3', 't2']);
  });

  it('orders them so too when a position is not a number (foreign data kept from a tag context)', () => {
    const items = [item('/r/a.txt', 't1', 5, ['a']), { ...item('/r/a.txt', 't2', 3, ['a']), position: { start: '4' as unknown as number, end: 9 } }, item('/r/a.txt', 't3', 4, ['a'])];
    assert.deepEqual(summariseEvidence({ reports: [], items, problems: [] }, [], 'now').items, sortedAsBefore(items));
  });

  it('counts each theme per report and per area, keys in the order the passages first name them', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const items = gathered(seed);
      assert.equal(JSON.stringify(countThemes(items)), JSON.stringify(countedAsBefore(items)), `seed ${seed}`);
      const sorted = sortedAsBefore(items);
      assert.equal(JSON.stringify(countThemes(sorted)), JSON.stringify(countedAsBefore(sorted)), `seed ${seed}, sorted`);
    }
  });

  it('keeps grades over time with a date only where the report has one', () => {
    const report = (path: string, date?: string): EvidenceReport => ({ path, fileName: path, kind: 'ilacs-inspection', authority: 'Westmere', ...(date ? { date } : {}), judgements: [{ area: 'leaders', grade: 'good' }], improvements: [], tagCount: 0, orphanedCount: 0 });
    const set = summariseEvidence({ reports: [report('/r/b.txt', '2024-01-01'), report('/r/a.txt')], items: [], problems: [] }, [], 'now');
    assert.equal(JSON.stringify(set.gradesOverTime), JSON.stringify([{ authority: 'Westmere', areas: { leaders: [{ reportPath: '/r/a.txt', kind: 'ilacs-inspection', grade: 'good' }, { date: '2024-01-01', reportPath: '/r/b.txt', kind: 'ilacs-inspection', grade: 'good' }] } }]));
  });
});
