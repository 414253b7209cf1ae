import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { tagTargetAt, tagTargetsAt } from '../../../src/core/tags/tagTargets';
import { LA_PRIORITY, LA_STRENGTH, LSCB_AFI, LSCB_PRIORITY, LSCB_STRENGTH, SIF_TEXT, sifModel } from '../editor/sifSampleReport';

const TEXT = readFileSync(new URL('../../fixtures/workspace/tagging/fennbridge-ilacs-2025.txt', import.meta.url), 'utf8');
const MODEL = analyseReport(TEXT);
const at = (needle: string) => TEXT.indexOf(needle) + 2;
const slice = (r: { start: number; end: number }) => TEXT.slice(r.start, r.end);

describe('tag targets at the cursor', () => {
  it('in a numbered paragraph: the paragraph (with its number) and its judgement section body', () => {
    const targets = tagTargetsAt(MODEL, TEXT, at('plans drift after the first review'));
    assert.deepEqual(targets.map((t) => t.kind), ['paragraph', 'judgement-section']);
    assert.equal(targets[0]!.name, 'paragraph 2');
    assert.match(slice(targets[0]!.range), /^2\.\s+Too many children wait[\s\S]*after the first review\.$/);
    const section = slice(targets[1]!.range);
    assert.match(section, /^1\.\s+Children who need help/, 'the section body starts after its heading');
    assert.match(section, /not understood\.$/, 'and ends at the last words of the section, without trailing space');
    assert.equal(targets[1]!.name, 'judgement section "The experiences and progress of children who need help and protection: requires improvement to be good"');
  });

  it('in an area for improvement: the item only', () => {
    const targets = tagTargetsAt(MODEL, TEXT, at('Management oversight of plans'));
    assert.deepEqual(targets.map((t) => t.kind), ['improvement']);
    assert.equal(slice(targets[0]!.range), 'Management oversight of plans for children in need, so that drift is avoided.');
    assert.equal(targets[0]!.name, 'area for improvement');
  });

  it('in the summary: nothing to tag in one action', () => {
    assert.deepEqual(tagTargetsAt(MODEL, TEXT, at('reduced caseloads')), []);
  });

  it('asks for one kind', () => {
    const offset = at('Permanence is considered early');
    assert.equal(tagTargetAt(MODEL, TEXT, offset, 'improvement'), undefined);
    assert.match(slice(tagTargetAt(MODEL, TEXT, offset, 'judgement-section')!.range), /^4\.\s+Children in care live/);
  });
});

describe('tag targets in a SIF report: strengths, and the safeguarding board’s items', () => {
  const model = sifModel();
  const targetsAt = (words: string) => tagTargetsAt(model, SIF_TEXT, SIF_TEXT.indexOf(words) + 2);
  const sif = (r: { start: number; end: number }) => SIF_TEXT.slice(r.start, r.end);

  it('offers "this strength" in a strength, not "this area for improvement", then its paragraph', () => {
    const targets = targetsAt(LA_STRENGTH);
    assert.deepEqual(targets.map((t) => [t.kind, t.name]), [
      ['strength', 'strength'],
      ['paragraph', 'paragraph 14'],
    ]);
    assert.equal(sif(targets[0]!.range), LA_STRENGTH);
    assert.equal(tagTargetAt(model, SIF_TEXT, SIF_TEXT.indexOf(LA_STRENGTH), 'improvement'), undefined);
  });

  it('names the board’s items and strengths as the board’s, the council’s without a mark', () => {
    assert.equal(targetsAt(LSCB_AFI)[0]!.name, 'area for improvement (LSCB)');
    assert.equal(targetsAt(LSCB_PRIORITY)[0]!.name, 'area for priority action (LSCB)');
    assert.equal(targetsAt(LSCB_STRENGTH)[0]!.name, 'strength (LSCB)');
    assert.equal(targetsAt(LA_PRIORITY)[0]!.name, 'area for priority action');
    assert.equal(sif(targetsAt(LA_PRIORITY)[0]!.range), LA_PRIORITY);
  });
});
