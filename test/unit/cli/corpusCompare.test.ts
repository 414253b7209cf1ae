import assert from 'node:assert/strict';
import type { Judgement, ReportModel } from '../../../src/core/recognition/model';
import { compareWithPeer, engineGrade, kindConsistent, median, parseCsv, parseManifest, peerGrade, percentile } from '../../corpus/corpusCompare';

function modelWith(judgements: Omit<Judgement, 'range'>[]): ReportModel {
  return {
    kind: 'ilacs-inspection',
    metadata: { leadInspectors: [] },
    sections: [],
    judgements: judgements.map((j) => ({ ...j, range: { start: 0, end: 1 } })),
    earlierJudgements: [],
    improvements: [],
    strengths: [],
    paragraphs: [],
    lineCount: 1,
  };
}

describe('corpus check: manifest', () => {
  it('parses quoted CSV fields with commas, quotes and CRLF', () => {
    assert.deepEqual(parseCsv('a,b\r\n"x, y","say ""good"""\r\n'), [
      ['a', 'b'],
      ['x, y', 'say "good"'],
    ]);
  });

  it('maps rows by header and rejects a file without file/kind columns', () => {
    assert.deepEqual(parseManifest('file,kind,peer_overall\ninspection/a.txt,inspection,good\n'), [{ file: 'inspection/a.txt', kind: 'inspection', peer_overall: 'good' }]);
    assert.throws(() => parseManifest('name,grade\nx,good\n'), /expected a header with "file" and "kind"/);
  });
});

describe('corpus check: kinds and peer grades', () => {
  it('accepts every inspection framework for manifest kind "inspection" only', () => {
    for (const k of ['ilacs-inspection', 'sif-inspection', 'sif-reinspection', 'lac-inspection-2013', 'cp-inspection-2013'] as const) assert.ok(kindConsistent('inspection', k));
    assert.ok(!kindConsistent('inspection', 'focused-visit'));
    assert.ok(kindConsistent('focused-visit', 'focused-visit'));
    assert.ok(!kindConsistent('area-send', 'unknown'));
  });

  it('reads peer cells that hold grades and ignores the placeholders', () => {
    assert.equal(peerGrade('requires improvement'), 'requires-improvement');
    assert.equal(peerGrade('to requires improvement'), 'requires-improvement');
    assert.equal(peerGrade(' Outstanding '), 'outstanding');
    for (const none of ['', 'data_unreadable', 'not_reported_post_reform', 'inspection_pre_dates_judgement']) assert.equal(peerGrade(none), undefined);
  });

  it('prefers the table grade and reports a contradicting heading grade', () => {
    const m = modelWith([
      { area: 'in-care', grade: 'good', source: 'heading', line: 80 },
      { area: 'in-care', grade: 'requires-improvement', source: 'table', line: 12 },
    ]);
    assert.deepEqual(engineGrade(m, 'in-care'), { grade: 'requires-improvement', line: 12, source: 'table', conflicting: ['good'] });
    assert.equal(engineGrade(m, 'overall'), undefined);
  });

  it('classifies each peer column as agree, disagree, engine-missing, peer-missing or nothing', () => {
    const m = modelWith([
      { area: 'overall', grade: 'good', source: 'table', line: 20 },
      { area: 'leaders', grade: 'outstanding', source: 'table', line: 8 },
      { area: 'care-leavers', grade: 'good', source: 'heading', line: 90 },
    ]);
    const row = { file: 'f', kind: 'inspection', peer_overall: 'good', peer_leaders: 'good', peer_help_protection: 'inadequate', peer_in_care: '', peer_care_leavers: 'data_unreadable' };
    const got = Object.fromEntries(compareWithPeer(m, row).map((c) => [c.area, c.outcome]));
    assert.deepEqual(got, { overall: 'agree', leaders: 'disagree', 'help-protection': 'engine-missing', 'in-care': undefined, 'care-leavers': 'peer-missing' });
  });
});

describe('corpus check: timing statistics', () => {
  it('computes median and percentiles', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
    assert.ok(Number.isNaN(median([])));
  });
});
