import assert from 'node:assert/strict';
import { foldingRegions } from '../../../src/core/folding';
import { SAMPLE_TEXT, sampleModel } from './sampleReport';

describe('folding regions', () => {
  it('folds each section from its heading to its last line of text (0-based lines)', () => {
    assert.deepEqual(foldingRegions(sampleModel(), SAMPLE_TEXT), [
      { start: 0, end: 9 }, // title block: the blank line 11 is not folded in
      { start: 11, end: 14 },
      { start: 16, end: 21 },
    ]);
  });

  it('folds nested sections inside their parent and skips one-line sections', () => {
    const model = sampleModel();
    const parent = model.sections[2]!;
    parent.children = [{ ...parent, title: 'Sub', line: 19, endLine: 20, children: [] }, { ...parent, title: 'One line', line: 22, endLine: 22, children: [] }];
    const regions = foldingRegions(model, SAMPLE_TEXT);
    assert.deepEqual(regions.slice(2), [
      { start: 16, end: 21 },
      { start: 18, end: 19 },
    ]);
  });

  it('gives one region per start line, the outer one', () => {
    const model = sampleModel();
    const parent = model.sections[2]!;
    parent.children = [{ ...parent, title: 'Same start', endLine: 19, children: [] }];
    assert.deepEqual(foldingRegions(model, SAMPLE_TEXT).filter((r) => r.start === 16), [{ start: 16, end: 21 }]);
  });

  it('handles CRLF text and an end line past the text', () => {
    const model = sampleModel();
    model.sections[2]!.endLine = 400;
    const crlf = SAMPLE_TEXT.replace(/\n/g, '\r\n');
    assert.deepEqual(foldingRegions(model, crlf).at(-1), { start: 16, end: 21 });
  });
});
