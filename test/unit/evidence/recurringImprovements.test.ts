import assert from 'node:assert/strict';
import type { EvidenceReport, RecurringImprovement, RecurringOccurrence, ReportImprovement } from '../../../src/core/evidence/evidenceModel';
import type { ListOwner } from '../../../src/core/recognition/model';
import { findRecurringImprovements } from '../../../src/core/evidence/recurringImprovements';
import { contentWordIds, contentWords, jaccard, sortedJaccard, WORDING_SIMILARITY_THRESHOLD } from '../../../src/core/evidence/wordingSimilarity';
import { authorityKey } from '../../../src/core/vocabulary/authorityKey';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// mulberry32, seeded: the same cases on every run.
import { seededRandom as seeded } from '../../../bench/syntheticReport';

const REPORTS = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));

/** An improvement: its text, or [text, theme ids] (and whose list it is on: the local authority's unless said). */
function report(path: string, authority: string, date: string, improvements: Array<string | [string, string[]] | [string, string[], ListOwner]>): EvidenceReport {
  return {
    path,
    fileName: path,
    kind: 'ilacs-inspection',
    authority,
    date,
    judgements: [],
    improvements: improvements.map((i, n) => {
      const [text, themeIds, owner = 'local-authority'] = typeof i === 'string' ? [i, []] : i;
      return { text, priority: false, owner, line: n + 1, themeIds };
    }),
    tagCount: 0,
    orphanedCount: 0,
  };
}

describe('wording similarity', () => {
  it('compares content words, ignoring boilerplate, plurals, curly apostrophes and framework references', () => {
    assert.deepEqual(
      [...contentWords('The quality of children’s plans, ensuring they are timely (outcome 3, national framework).')],
      ['children', 'plan'],
    );
    const a = contentWords('Timeliness of permanence for children in care.');
    const b = contentWords('The timeliness of permanence for children.');
    assert.equal(jaccard(a, b), 2 / 3);
    assert.equal(jaccard(new Set(), new Set()), 0);
  });

  it('numbered word lists give the same index as word sets, for every pair', () => {
    const texts = [
      'The quality of written plans for children in need, so that families understand what needs to change.',
      'Plans for children in need are not specific enough for families to understand (national framework: outcome 2).',
      'The timeliness of assessments for disabled children.',
      'Disabled children’s assessments are completed in a timely way.',
      'Management oversight and supervision of social work practice.',
      '',
      'and the of',
    ];
    for (const a of texts) {
      for (const b of texts) {
        assert.equal(sortedJaccard(contentWordIds(a), contentWordIds(b)), jaccard(contentWords(a), contentWords(b)), `${a} | ${b}`);
      }
    }
    assert.ok(sortedJaccard(contentWordIds(texts[0]!), contentWordIds(texts[1]!)) > 0.3);
  });

  it('numbers exactly the content words, over every improvement of the fixture reports and awkward words', () => {
    const texts = readdirSync(REPORTS).flatMap((name) => analyseReport(readFileSync(`${REPORTS}/${name}`, 'utf8'), { markdown: name.endsWith('.md') }).improvements.map((i) => i.text));
    texts.push('Cities, cities and city; classes, class; is as us; Ofsted’s OFSTED’S ofsted\'s', 'Ärzte ÉVALUATIONS évaluations 2019s 12', 'policies policy’s (enabler 4) (outcome 1: help) x y');
    assert.ok(texts.length > 30, `${texts.length} texts`);
    // The same numbers for the same words, whichever text numbered them first; as many as there are words.
    const numberOf = new Map<string, number>();
    for (const text of texts) {
      const words = [...contentWords(text)];
      const ids = contentWordIds(text);
      assert.equal(ids.length, words.length, text);
      const byWord = words.map((w) => numberOf.get(w));
      if (byWord.every((n) => n !== undefined)) assert.deepEqual([...ids], (byWord as number[]).sort((a, b) => a - b), text);
      // A word met alone is numbered on its own: learn each word's number one at a time.
      for (const w of words) numberOf.set(w, contentWordIds(w)[0]!);
    }
  });

  it('keys authorities however they are printed', () => {
    assert.equal(authorityKey('Westmere City Council'), authorityKey(' WESTMERE '));
    assert.equal(authorityKey('Royal Borough of Kingsbridge'), 'kingsbridge');
    assert.notEqual(authorityKey('North Westmere'), authorityKey('Westmere'));
  });
});

describe('recurring areas for improvement', () => {
  it('links reworded improvements of one authority across years, transitively', () => {
    const found = findRecurringImprovements([
      report('w2018', 'Westmere', '2018-05-01', ['Management oversight and supervision of social workers.', 'Sufficiency of foster carers.']),
      report('w2021', 'Westmere Council', '2021-11-19', ['Supervision and management oversight of practice.']),
      report('w2024', 'WESTMERE', '2024-02-23', ['Management oversight of practice in assessment teams.', 'Life-story work for children in care.']),
    ]);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]!.years, [2018, 2021, 2024]);
    assert.deepEqual(found[0]!.matchedBy, ['wording']);
    assert.deepEqual(found[0]!.occurrences.map((o) => o.reportPath), ['w2018', 'w2021', 'w2024']);
  });

  it('links by a shared theme even when the wording differs, and says so', () => {
    const found = findRecurringImprovements([
      report('a', 'Westmere', '2019-01-01', [['Pathway plans for care leavers.', ['pathway']]]),
      report('b', 'Westmere', '2023-01-01', [['Help for young adults leaving care to plan their next steps.', ['pathway', 'leavers']]]),
    ]);
    assert.deepEqual(found.map((r) => [r.matchedBy, r.sharedThemeIds, r.years]), [[['theme'], ['pathway'], [2019, 2023]]]);
  });

  it('never links improvements of one report, of different authorities, or below the threshold', () => {
    const found = findRecurringImprovements([
      report('a1', 'Westmere', '2019-01-01', ['Management oversight of practice.', 'Management oversight of practice in teams.']),
      report('b1', 'Kingsbridge', '2022-01-01', ['Management oversight of practice.']),
      report('a2', 'Westmere', '2023-01-01', ['Sufficiency of placements for children in care.']),
    ]);
    assert.deepEqual(found, []);
  });

  it("leaves out the safeguarding children board's items: the board's identical item in two reports is not the council's", () => {
    const boardItem = 'The LSCB should evaluate the impact of multi-agency training on frontline practice.';
    const reports = [
      report('s2014', 'Westmere', '2014-08-08', [['Management oversight of practice.', []], [boardItem, ['training'], 'lscb']]),
      report('s2017', 'Westmere', '2017-03-01', [['Sufficiency of placements for children in care.', []], [boardItem, ['training'], 'lscb']]),
    ];
    assert.deepEqual(findRecurringImprovements(reports), []);
    // The same two items on the council's lists do recur, so the test above fails if owners are ignored.
    const councils = reports.map((r) => ({ ...r, improvements: r.improvements.map((i) => ({ ...i, owner: 'local-authority' as const })) }));
    assert.deepEqual(
      findRecurringImprovements(councils).map((r) => [r.occurrences.map((o) => o.text), r.matchedBy]),
      [[[boardItem, boardItem], ['theme', 'wording']]],
    );
  });

  it("still links the council's items of a report that also lists the board's", () => {
    const found = findRecurringImprovements([
      report('s2014', 'Westmere', '2014-08-08', [['Management oversight and supervision of social workers.', []], ['The LSCB should audit its section 11 returns.', [], 'lscb']]),
      report('i2019', 'Westmere', '2019-05-01', ['Supervision and management oversight of practice.']),
    ]);
    assert.deepEqual(found.map((r) => r.occurrences.map((o) => o.reportPath)), [['s2014', 'i2019']]);
  });
});

/**
 * The pairwise algorithm findRecurringImprovements replaced (every two improvements of an authority compared, each
 * link merged into a union-find with its reason), kept as the model the indexed one must match exactly.
 */
function referenceRecurring(reports: readonly EvidenceReport[], threshold = WORDING_SIMILARITY_THRESHOLD): RecurringImprovement[] {
  const isCouncils = (i: ReportImprovement): boolean => i.owner === 'local-authority';
  const byAuthority = new Map<string, { name: string; reports: EvidenceReport[] }>();
  for (const report of reports) {
    if (!report.authority || !report.improvements.some(isCouncils)) continue;
    const key = authorityKey(report.authority);
    const entry = byAuthority.get(key) ?? { name: report.authority, reports: [] };
    entry.reports.push(report);
    byAuthority.set(key, entry);
  }
  const result: RecurringImprovement[] = [];
  for (const { name, reports: own } of byAuthority.values()) {
    if (own.length < 2) continue;
    own.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const candidates: Array<{ occurrence: RecurringOccurrence; reportIndex: number; words: Int32Array }> = [];
    own.forEach((report, reportIndex) => {
      for (const improvement of report.improvements) {
        if (!isCouncils(improvement)) continue;
        candidates.push({
          occurrence: {
            reportPath: report.path,
            ...(report.date ? { date: report.date, year: Number(report.date.slice(0, 4)) } : {}),
            text: improvement.text,
            themeIds: improvement.themeIds,
          },
          reportIndex,
          words: contentWordIds(improvement.text),
        });
      }
    });
    const parent = candidates.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const how = new Map<number, Set<'theme' | 'wording'>>();
    const link = (i: number, j: number, reason: 'theme' | 'wording'): void => {
      const ri = find(i);
      const rj = find(j);
      const reasons = how.get(rj) ?? new Set<'theme' | 'wording'>();
      if (ri !== rj) {
        for (const r of how.get(ri) ?? []) reasons.add(r);
        how.delete(ri);
        parent[ri] = rj;
      }
      reasons.add(reason);
      how.set(rj, reasons);
    };
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      for (let j = i + 1; j < candidates.length; j++) {
        const b = candidates[j]!;
        if (a.reportIndex === b.reportIndex) continue;
        if (a.occurrence.themeIds.some((id) => b.occurrence.themeIds.includes(id))) link(i, j, 'theme');
        const small = Math.min(a.words.length, b.words.length);
        const large = Math.max(a.words.length, b.words.length);
        if (small >= threshold * large && sortedJaccard(a.words, b.words) >= threshold) link(i, j, 'wording');
      }
    }
    const groups = new Map<number, typeof candidates>();
    candidates.forEach((candidate, i) => {
      const root = find(i);
      const members = groups.get(root);
      if (members) members.push(candidate);
      else groups.set(root, [candidate]);
    });
    for (const [root, members] of groups) {
      if (new Set(members.map((m) => m.reportIndex)).size < 2) continue;
      const occurrences = members.map((m) => m.occurrence);
      const themeCounts = new Map<string, Set<string>>();
      for (const o of occurrences) for (const id of o.themeIds) themeCounts.set(id, (themeCounts.get(id) ?? new Set()).add(o.reportPath));
      result.push({
        authority: name,
        occurrences,
        years: [...new Set(occurrences.flatMap((o) => (o.year ? [o.year] : [])))].sort((a, b) => a - b),
        matchedBy: (['theme', 'wording'] as const).filter((r) => how.get(root)?.has(r)),
        sharedThemeIds: [...themeCounts].filter(([, paths]) => paths.size >= 2).map(([id]) => id).sort(),
      });
    }
  }
  return result.sort((a, b) => a.authority.localeCompare(b.authority) || (a.years[0] ?? 0) - (b.years[0] ?? 0));
}


// One authority printed several ways (authorityKey folds them), its neighbour that must stay apart, and others.
const AUTHORITY_NAMES = ['Westmere', 'WESTMERE', 'Westmere City Council', ' westmere council ', 'North Westmere', 'Royal Borough of Kingsbridge', 'Kingsbridge', 'Ashby’s', "Ashby's", 'Dunmere'];
// Few content words, so that many pairs share some and land on the threshold exactly (2 of 5, 4 of 10); plurals,
// curly apostrophes, stop words and framework references fold into them.
const VOCABULARY = ['plans', 'plan', 'supervision', 'oversight', 'children’s', 'children', 'carers', 'care', 'leavers', 'Assessments', 'the', 'of', 'and', 'quality', 'timely', '(outcome 2)', 'visits', 'policies', 'policy'];
const THEME_IDS = ['t1', 't2', 't3', 't4'];

function randomText(random: () => number, seen: string[]): string {
  if (seen.length > 0 && random() < 0.1) return seen[Math.floor(random() * seen.length)]!;
  if (random() < 0.05) return '';
  const length = 1 + Math.floor(random() * 7);
  const text = Array.from({ length }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]).join(random() < 0.5 ? ' ' : ', ');
  seen.push(text);
  return text;
}

function randomReports(random: () => number, realTexts: readonly string[]): EvidenceReport[] {
  const seen: string[] = [];
  const text = (): string => (realTexts.length > 0 && random() < 0.3 ? realTexts[Math.floor(random() * realTexts.length)]! : randomText(random, seen));
  return Array.from({ length: 1 + Math.floor(random() * 12) }, (_, n) => {
    const year = 2014 + Math.floor(random() * 5);
    // No date, an empty one, a year alone, or one of few days (so that reports tie in the date order).
    const date = random() < 0.15 ? undefined : random() < 0.05 ? '' : random() < 0.1 ? `${year}` : `${year}-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`;
    const improvements = Array.from({ length: Math.floor(random() * 7) }, (): [string, string[], ListOwner] => {
      const themes = random() < 0.6 ? [] : THEME_IDS.filter(() => random() < 0.3);
      if (themes.length > 0 && random() < 0.1) themes.push(themes[0]!);
      return [text(), themes, random() < 0.15 ? 'lscb' : 'local-authority'];
    });
    const authority = random() < 0.05 ? '' : AUTHORITY_NAMES[Math.floor(random() * AUTHORITY_NAMES.length)]!;
    const made = report(`r${n}`, authority, date ?? '', improvements);
    if (date === undefined) delete made.date;
    return made;
  });
}

describe('recurring areas for improvement: the indexed links against the pairwise model', () => {
  const fixtureTexts = readdirSync(REPORTS).flatMap((name) => analyseReport(readFileSync(`${REPORTS}/${name}`, 'utf8'), { markdown: name.endsWith('.md') }).improvements.map((i) => i.text));

  it('gives exactly the same groups, order and reasons on 3,000 seeded random authorities', () => {
    const random = seeded(20240601);
    const reasons = new Map<string, number>();
    let exactlyAtThreshold = 0;
    for (let n = 0; n < 3000; n++) {
      const reports = randomReports(random, n % 3 === 0 ? fixtureTexts : []);
      const expected = referenceRecurring(reports);
      const found = findRecurringImprovements(reports);
      assert.deepStrictEqual(found, expected, `case ${n}`);
      assert.equal(JSON.stringify(found), JSON.stringify(expected), `case ${n}`);
      for (const r of found) reasons.set(r.matchedBy.join('+'), (reasons.get(r.matchedBy.join('+')) ?? 0) + 1);
      const texts = reports.flatMap((r) => r.improvements.map((i) => contentWordIds(i.text)));
      for (const a of texts) for (const b of texts) if (sortedJaccard(a, b) === WORDING_SIMILARITY_THRESHOLD) exactlyAtThreshold++;
    }
    // The cases reach every reason and the threshold's edge, so the comparison above means something.
    assert.ok(exactlyAtThreshold > 1000, `${exactlyAtThreshold} pairs exactly at the threshold`);
    for (const r of ['theme', 'wording', 'theme+wording']) assert.ok((reasons.get(r) ?? 0) > 100, `${r}: ${reasons.get(r)}`);
  });

  it('and at other thresholds, where the index bounds and the pairwise fallback (0 and below) are exercised', () => {
    const random = seeded(7);
    for (const threshold of [0.25, 1 / 3, 0.5, 0.6, 2 / 3, 0.75, 0.9, 1, 1.5, 0, -0.5]) {
      for (let n = 0; n < 300; n++) {
        const reports = randomReports(random, n % 3 === 0 ? fixtureTexts : []);
        assert.deepStrictEqual(findRecurringImprovements(reports, threshold), referenceRecurring(reports, threshold), `threshold ${threshold}, case ${n}`);
      }
    }
  });
});
