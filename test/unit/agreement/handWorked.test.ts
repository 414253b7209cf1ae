// Agreement figures worked out by hand (in the comments) on small reports, checked to three decimals.

import { strict as assert } from 'node:assert';
import { computeAgreement } from '../../../src/core';
import { coded, report, round3 } from './helpers';

const TEN = 'abcdefghij';

function theme(result: ReturnType<typeof computeAgreement>, id: string) {
  const t = result.themes.find((x) => x.id === id);
  assert.ok(t, `theme ${id} is in the result`);
  return { agreement: round3(t.agreement), kappa: round3(t.kappa), aOnly: t.aOnly, bOnly: t.bOnly, both: t.both, neither: t.neither };
}

describe('agreement: character units, worked by hand', () => {
  it('partial overlap: A codes 0-6, B codes 3-9 of ten characters', () => {
    // both = 3 (3..6), A only = 3, B only = 3, neither = 1 (9). agreement = (3+1)/10 = 0.4.
    // pA = pB = 0.6, pe = 0.36 + 0.16 = 0.52, kappa = (0.4 - 0.52) / 0.48 = -0.25.
    const r = computeAgreement([report(TEN, [coded('A', 0, 6, 't1'), coded('B', 3, 9, 't1')])], { coderA: 'A', coderB: 'B' });
    assert.deepEqual(theme(r, 't1'), { agreement: 0.4, kappa: -0.25, aOnly: 3, bOnly: 3, both: 3, neither: 1 });
  });

  it('a passage A coded twice (overlapping tags) counts once', () => {
    // A: 0-4 and 2-6 → union 0-6 (6 characters). B: 0-5. both 5, A only 1, B only 0, neither 4.
    // agreement = 9/10 = 0.9; pA = 0.6, pB = 0.5, pe = 0.3 + 0.2 = 0.5; kappa = (0.9 - 0.5) / 0.5 = 0.8.
    const r = computeAgreement([report(TEN, [coded('A', 0, 4, 't1'), coded('A', 2, 6, 't1'), coded('B', 0, 5, 't1')])], { coderA: 'A', coderB: 'B' });
    assert.deepEqual(theme(r, 't1'), { agreement: 0.9, kappa: 0.8, aOnly: 1, bOnly: 0, both: 5, neither: 4 });
  });

  it('a theme only A used', () => {
    // A only 2, neither 8: agreement 0.8; pA = 0.2, pB = 0, pe = 0 + 0.8 × 1 = 0.8; kappa = (0.8 - 0.8) / 0.2 = 0.
    const r = computeAgreement([report(TEN, [coded('A', 0, 2, 't2'), coded('B', 5, 7, 't1')])], { coderA: 'A', coderB: 'B' });
    assert.deepEqual(theme(r, 't2'), { agreement: 0.8, kappa: 0, aOnly: 2, bOnly: 0, both: 0, neither: 8 });
  });

  it('a theme nobody used is agreement 1 and kappa 1, and stays out of the overall figures', () => {
    // t1: A 0-6, B 3-9 as above (0.4, -0.25). t9 from the codebook, unused: all ten characters "neither".
    const r = computeAgreement([report(TEN, [coded('A', 0, 6, 't1'), coded('B', 3, 9, 't1')])], { coderA: 'A', coderB: 'B', themes: [{ id: 't9', label: 'Unused' }] });
    assert.deepEqual(theme(r, 't9'), { agreement: 1, kappa: 1, aOnly: 0, bOnly: 0, both: 0, neither: 10 });
    assert.equal(round3(r.overall.unweighted.agreement), 0.4);
    assert.equal(round3(r.overall.unweighted.kappa), -0.25);
  });

  it('both coders coding every character leaves kappa undefined (p_e = 1)', () => {
    const r = computeAgreement([report(TEN, [coded('A', 0, 10, 't1'), coded('B', 0, 10, 't1')])], { coderA: 'A', coderB: 'B' });
    assert.equal(theme(r, 't1').agreement, 1);
    assert.equal(theme(r, 't1').kappa, 'undefined');
  });

  it('counts UTF-16 code units: an emoji is two characters', () => {
    // "a😀b" is 4 units: a(0) 😀(1,2) b(3). A codes the emoji 1-3, B codes 1-4.
    // both 2, B only 1, neither 1: agreement 3/4 = 0.75; pA = 0.5, pB = 0.75, pe = 0.375 + 0.125 = 0.5; kappa = 0.5.
    const r = computeAgreement([report('a😀b', [coded('A', 1, 3, 't1'), coded('B', 1, 4, 't1')])], { coderA: 'A', coderB: 'B' });
    assert.deepEqual(theme(r, 't1'), { agreement: 0.75, kappa: 0.5, aOnly: 0, bOnly: 1, both: 2, neither: 1 });
  });

  it('CRLF text: a line break is two characters', () => {
    // "One.\r\n\r\nTwo.\r\n" is 14 units. A codes "One." (0-4), B codes "Two." (8-12).
    // A only 4, B only 4, neither 6: agreement 6/14 = 0.429; pA = pB = 2/7; pe = 4/49 + 25/49 = 29/49;
    // kappa = (21/49 - 29/49) / (20/49) = -0.4.
    const r = computeAgreement([report('One.\r\n\r\nTwo.\r\n', [coded('A', 0, 4, 't1'), coded('B', 8, 12, 't1')])], { coderA: 'A', coderB: 'B' });
    assert.deepEqual(theme(r, 't1'), { agreement: 0.429, kappa: -0.4, aOnly: 4, bOnly: 4, both: 0, neither: 6 });
  });

  it('over two reports: per theme pooled, overall weighted by length and unweighted', () => {
    // Report 1 (10 chars): as the partial-overlap case, 0.4 and -0.25. Report 2 (30 chars): nobody codes t1 → 1 and 1.
    // Pooled t1: both 3, A only 3, B only 3, neither 1 + 30 = 31; agreement 34/40 = 0.85;
    // pA = pB = 0.15, pe = 0.0225 + 0.7225 = 0.745; kappa = 0.105 / 0.255 = 0.412.
    // Weighted: agreement (0.4×10 + 1×30)/40 = 0.85, kappa (-0.25×10 + 30)/40 = 0.6875. Unweighted: 0.7 and 0.375.
    const r = computeAgreement(
      [report(TEN, [coded('A', 0, 6, 't1'), coded('B', 3, 9, 't1')]), report('x'.repeat(30), [coded('A', 0, 5, 't2')])],
      { coderA: 'A', coderB: 'B' },
    );
    assert.deepEqual(theme(r, 't1'), { agreement: 0.85, kappa: 0.412, aOnly: 3, bOnly: 3, both: 3, neither: 31 });
    // t2 (report 2 only, A only): report 1 gives 1/1 over 10; report 2: A only 5, neither 25 → 25/30 = 0.833, kappa 0.
    // Weighted over the four theme-report pairs: agreement (0.4×10 + 1×30 + 1×10 + 0.8333×30)/80 = 69/80 = 0.8625.
    assert.equal(round3(r.overall.weighted.agreement), 0.863);
    // Weighted kappa: (-2.5 + 30 + 10 + 0)/80 = 37.5/80 = 0.46875. Unweighted: (0.4 + 1 + 1 + 0.8333)/4 = 0.808; kappa (-0.25+1+1+0)/4 = 0.4375.
    assert.equal(round3(r.overall.weighted.kappa), 0.469);
    assert.equal(round3(r.overall.unweighted.agreement), 0.808);
    assert.equal(round3(r.overall.unweighted.kappa), 0.438);
  });

  it('other coders and orphaned tags are left out', () => {
    const orphan = { ...coded('A', 0, 10, 't1'), orphaned: true };
    const r = computeAgreement([report(TEN, [coded('A', 0, 6, 't1'), coded('C', 0, 10, 't1'), orphan, coded('B', 3, 9, 't1')])], { coderA: 'A', coderB: 'B' });
    assert.deepEqual(theme(r, 't1'), { agreement: 0.4, kappa: -0.25, aOnly: 3, bOnly: 3, both: 3, neither: 1 });
    assert.equal(r.orphansSkipped, 1);
  });
});

describe('agreement: paragraph units, worked by hand', () => {
  it('numbered paragraphs where the report numbers them, blank-line blocks elsewhere', () => {
    const text = 'Heading\n\n1. Alpha beta.\n2. Gamma delta.\n';
    const p1 = { start: text.indexOf('1.'), end: text.indexOf('\n2.') };
    const p2 = { start: text.indexOf('2.'), end: text.length - 1 };
    // Units: "Heading", paragraph 1, paragraph 2. A's tag runs from "beta" into paragraph 2 (touches both);
    // B's tag is in paragraph 2. both 1, A only 1, neither 1 ("Heading"): agreement 2/3 = 0.667;
    // pA = 2/3, pB = 1/3, pe = 2/9 + 2/9 = 4/9; kappa = (6/9 - 4/9) / (5/9) = 0.4.
    const tags = [coded('A', text.indexOf('beta'), text.indexOf('Gamma') + 5, 't1'), coded('B', text.indexOf('delta'), text.indexOf('delta') + 5, 't1')];
    const r = computeAgreement([report(text, tags, { numberedParagraphs: [p1, p2] })], { coderA: 'A', coderB: 'B', unit: 'paragraph' });
    assert.deepEqual(theme(r, 't1'), { agreement: 0.667, kappa: 0.4, aOnly: 1, bOnly: 0, both: 1, neither: 1 });
  });

  it('CRLF blank lines separate paragraphs', () => {
    // Units "One." and "Two."; A codes the first, B the second: A only 1, B only 1 → agreement 0;
    // pA = pB = 0.5, pe = 0.5, kappa = (0 - 0.5) / 0.5 = -1.
    const r = computeAgreement([report('One.\r\n\r\nTwo.\r\n', [coded('A', 0, 4, 't1'), coded('B', 8, 12, 't1')])], { coderA: 'A', coderB: 'B', unit: 'paragraph' });
    assert.deepEqual(theme(r, 't1'), { agreement: 0, kappa: -1, aOnly: 1, bOnly: 1, both: 0, neither: 0 });
  });
});

describe('agreement: segment overlap, worked by hand', () => {
  const tags = [coded('A', 0, 10, 't1'), coded('A', 20, 30, 't1'), coded('B', 0, 9, 't1'), coded('B', 22, 30, 't1')];
  const text = 'x'.repeat(40);

  it('a tag is matched when one of the other coder covers at least 90 % of it', () => {
    // A 0-10 ← B 0-9 covers 9/10 = 0.9: matched. A 20-30 ← B 22-30 covers 8/10: unmatched.
    // B 0-9 ← A 0-10 covers 9/9; B 22-30 ← A 20-30 covers 8/8: both matched. Share 3/4 = 0.75.
    const r = computeAgreement([report(text, tags)], { coderA: 'A', coderB: 'B', unit: 'segment' });
    assert.deepEqual(r.segments?.['t1'], { aMatched: 1, aUnmatched: 1, bMatched: 2, bUnmatched: 0 });
    assert.equal(theme(r, 't1').agreement, 0.75);
    assert.equal(theme(r, 't1').kappa, 'undefined');
  });

  it('a lower minimum overlap matches them all', () => {
    const r = computeAgreement([report(text, tags)], { coderA: 'A', coderB: 'B', unit: 'segment', minOverlap: 0.8 });
    assert.deepEqual(r.segments?.['t1'], { aMatched: 2, aUnmatched: 0, bMatched: 2, bUnmatched: 0 });
    assert.equal(theme(r, 't1').agreement, 1);
  });

  it('rejects a minimum overlap outside (0, 1]', () => {
    assert.throws(() => computeAgreement([], { coderA: 'A', coderB: 'B', unit: 'segment', minOverlap: 1.5 }), /at most 1/);
  });
});
