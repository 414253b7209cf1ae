import assert from 'node:assert/strict';
import type { EvidenceReport } from '../../../src/core/evidence/evidenceModel';
import type { ListOwner } from '../../../src/core/recognition/model';
import { findRecurringImprovements } from '../../../src/core/evidence/recurringImprovements';
import { contentWordIds, contentWords, jaccard, sortedJaccard } from '../../../src/core/evidence/wordingSimilarity';
import { authorityKey } from '../../../src/core/vocabulary/authorityKey';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
