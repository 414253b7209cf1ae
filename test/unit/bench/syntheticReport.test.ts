import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { syntheticSifReport } from '../../../bench/syntheticReport';

const fixture = readFileSync('test/fixtures/reports/sif-2015-fernleigh.txt', 'utf8');

describe('bench: synthetic SIF report', () => {
  const text = syntheticSifReport(fixture);

  it('is about 110 KB and the same on every run', () => {
    assert.ok(text.length >= 105_000 && text.length <= 115_000, `length ${text.length}`);
    assert.equal(syntheticSifReport(fixture), text);
    assert.notEqual(syntheticSifReport(fixture, 110_000, 7), text, 'another seed gives other prose');
  });

  it('is read as a SIF report with its judgements, areas for improvement and many numbered paragraphs', () => {
    const model = analyseReport(text);
    assert.equal(model.kind, 'sif-inspection');
    assert.equal(model.metadata.authority, analyseReport(fixture).metadata.authority);
    assert.ok(model.judgements.some((j) => j.area === 'help-protection' && j.grade === 'inadequate'));
    assert.equal(model.improvements.length, 15);
    assert.equal(model.improvements.filter((i) => i.priority).length, 3);
    assert.ok(model.paragraphs.length > 150, `${model.paragraphs.length} paragraphs`);
    // One running sequence: the numbered areas for improvement (1..15), then the paragraphs, in order.
    assert.deepEqual(model.paragraphs.slice(0, 18).map((p) => p.number), Array.from({ length: 18 }, (_, k) => k + 1));
    assert.deepEqual(model.paragraphs.slice(0, 15).map((p) => p.line), model.improvements.map((i) => i.line));
    assert.ok(model.sections.some((s) => s.title === 'What the inspection judgements mean'));
  });

  it('says which line is missing when the fixture has no "Contents" line', () => {
    assert.throws(() => syntheticSifReport('no structure here'), /Contents/);
  });
});
