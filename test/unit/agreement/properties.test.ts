// Properties every coding must satisfy, on random codings from a seeded generator (the same cases every run).

import { strict as assert } from 'node:assert';
import { type AgreementReport, type AgreementUnit, computeAgreement, findDisagreements, type Tag } from '../../../src/core';
import { coded, report } from './helpers';
// mulberry32, seeded: the same cases on every run.
import { seededRandom as seeded } from '../../../bench/syntheticReport';

const THEMES = ['t1', 't2', 't3'];

function randomReport(random: () => number): AgreementReport {
  const words = Array.from({ length: 10 + Math.floor(random() * 60) }, () => (random() < 0.1 ? '\r\n\r\n' : random() < 0.05 ? '😀 ' : 'word '));
  const text = words.join('');
  const tags: Tag[] = [];
  for (const coder of ['A', 'B']) {
    for (let i = Math.floor(random() * 6); i > 0; i--) {
      const start = Math.floor(random() * text.length);
      const end = Math.min(text.length, start + 1 + Math.floor(random() * 40));
      const themes = THEMES.filter(() => random() < 0.5);
      tags.push(coded(coder, start, end, ...(themes.length ? themes : ['t1'])));
    }
  }
  return report(text, tags);
}

function cases(seed: number, n: number): AgreementReport[][] {
  const random = seeded(seed);
  return Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomReport(random)));
}

const UNITS: AgreementUnit[] = ['character', 'paragraph', 'segment'];

describe('agreement: properties on 200 seeded random codings', () => {
  for (const unit of UNITS) {
    it(`${unit}: agreement and kappa are the same with A and B swapped`, () => {
      for (const reports of cases(12, 200)) {
        const ab = computeAgreement(reports, { coderA: 'A', coderB: 'B', unit });
        const ba = computeAgreement(reports, { coderA: 'B', coderB: 'A', unit });
        assert.equal(ab.themes.length, ba.themes.length);
        for (const [i, t] of ab.themes.entries()) {
          const u = ba.themes[i]!;
          assert.ok(Math.abs(t.agreement - u.agreement) < 1e-12);
          if (t.kappa === 'undefined') assert.equal(u.kappa, 'undefined');
          else assert.ok(Math.abs(t.kappa - (u.kappa as number)) < 1e-12);
          assert.deepEqual([t.aOnly, t.bOnly, t.both, t.neither], [u.bOnly, u.aOnly, u.both, u.neither]);
        }
      }
    });

    it(`${unit}: agreement lies in [0, 1] and kappa in [-1, 1]`, () => {
      for (const reports of cases(34, 200)) {
        const r = computeAgreement(reports, { coderA: 'A', coderB: 'B', unit });
        for (const t of [...r.themes, r.overall.weighted, r.overall.unweighted]) {
          assert.ok(t.agreement >= 0 && t.agreement <= 1, `agreement ${t.agreement}`);
          if (t.kappa !== 'undefined') assert.ok(t.kappa >= -1 - 1e-12 && t.kappa <= 1 + 1e-12, `kappa ${t.kappa}`);
        }
      }
    });
  }

  it('identical codings give agreement 1 and kappa 1 (or undefined only when every unit is coded)', () => {
    for (const reports of cases(56, 200)) {
      const copied = reports.map((r) => ({ ...r, tags: r.tags.filter((t) => t.author === 'A').flatMap((t) => [t, { ...t, id: `${t.id}-b`, author: 'B' }]) }));
      for (const unit of ['character', 'paragraph'] as const) {
        const result = computeAgreement(copied, { coderA: 'A', coderB: 'B', unit });
        for (const t of result.themes) {
          assert.equal(t.agreement, 1);
          assert.equal(t.aOnly + t.bOnly, 0);
          if (t.kappa === 'undefined') assert.equal(t.neither, 0);
          else assert.ok(Math.abs(t.kappa - 1) < 1e-12, `kappa ${t.kappa}`);
        }
      }
      assert.equal(findDisagreements(copied[0]!, 'A', 'B').length, 0);
    }
  });

  it('adding a report without tags changes only the "neither" counts, by its length', () => {
    for (const reports of cases(78, 200)) {
      const blank = report('Nothing tagged here.\r\n\r\nNor here.', []);
      for (const [unit, extra] of [['character', blank.text.length], ['paragraph', 2]] as const) {
        const before = computeAgreement(reports, { coderA: 'A', coderB: 'B', unit });
        const after = computeAgreement([...reports, blank], { coderA: 'A', coderB: 'B', unit });
        assert.deepEqual(after.themes.map((t) => [t.id, t.aOnly, t.bOnly, t.both, t.neither - extra]), before.themes.map((t) => [t.id, t.aOnly, t.bOnly, t.both, t.neither]));
      }
    }
  });

  it('the disagreements listed never exceed the A-only and B-only characters', () => {
    for (const reports of cases(90, 100)) {
      for (const r of reports) {
        const counts = computeAgreement([r], { coderA: 'A', coderB: 'B' });
        const found = findDisagreements(r, 'A', 'B');
        for (const t of counts.themes) {
          const chars = (coder: 'A' | 'B') => found.filter((d) => d.themeId === t.id && d.coder === coder).reduce((n, d) => n + d.end - d.start, 0);
          // Whitespace-only stretches are not listed, so the listed ones are at most the counts.
          assert.ok(chars('A') <= t.aOnly && chars('B') <= t.bOnly);
        }
      }
    }
  });
});
