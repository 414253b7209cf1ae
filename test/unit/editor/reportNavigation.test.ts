import assert from 'node:assert/strict';
import { navigate } from '../../../src/core/navigation/reportNavigation';
import { SAMPLE_TEXT, lineStart, sampleModel } from './sampleReport';
import { sifModel } from './sifSampleReport';

describe('report navigation', () => {
  const model = sampleModel();

  it('goes to the next area for improvement after the cursor', () => {
    const r = navigate(model, 'improvement', 'next', 0)!;
    assert.equal(r.line, 13);
    assert.equal(SAMPLE_TEXT.slice(r.range.start, r.range.start + 16), 'The timeliness o');
    assert.deepEqual([r.index, r.count, r.wrapped], [1, 2, false]);
    assert.equal(navigate(model, 'improvement', 'next', r.range.start)!.line, 14);
  });

  it('wraps round at the end and at the start', () => {
    const end = navigate(model, 'improvement', 'next', lineStart(SAMPLE_TEXT, 20))!;
    assert.deepEqual([end.line, end.wrapped], [13, true]);
    const start = navigate(model, 'improvement', 'previous', 0)!;
    assert.deepEqual([start.line, start.wrapped], [14, true]);
  });

  it('previous from inside an item goes to its start, from its start to the one before', () => {
    const second = model.improvements[1]!.range.start;
    assert.equal(navigate(model, 'improvement', 'previous', second + 5)!.line, 14);
    assert.equal(navigate(model, 'improvement', 'previous', second)!.line, 13);
  });

  it('steps through the judgements in text order, not list order', () => {
    const shuffled = { ...model, judgements: [...model.judgements].reverse() };
    const lines: number[] = [];
    let offset = 0;
    for (let i = 0; i < 4; i++) {
      const r = navigate(shuffled, 'judgement', 'next', offset)!;
      lines.push(r.line);
      offset = r.range.start;
    }
    assert.deepEqual(lines, [5, 7, 18, 5]);
  });

  it('finds nothing in a document without improvements', () => {
    assert.equal(navigate({ ...model, improvements: [] }, 'improvement', 'next', 0), undefined);
  });

  it('goes through the safeguarding board’s areas for improvement too, saying whose each is, and not through strengths', () => {
    const sif = sifModel();
    const stops: string[] = [];
    let offset = 0;
    for (let k = 0; k < 5; k++) {
      const r = navigate(sif, 'improvement', 'next', offset)!;
      stops.push(`${r.line} ${r.label} ${r.index}/${r.count}${r.wrapped ? ' wrapped' : ''}`);
      offset = r.range.start;
    }
    assert.deepEqual(stops, [
      '8 area for priority action 1/4',
      '11 area for improvement 2/4',
      '18 area for priority action (LSCB) 3/4',
      '20 area for improvement (LSCB) 4/4',
      '8 area for priority action 1/4 wrapped',
    ]);
    assert.equal(navigate(sif, 'judgement', 'next', 0), undefined);
  });
});
