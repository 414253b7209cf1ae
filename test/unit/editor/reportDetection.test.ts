import assert from 'node:assert/strict';
import { detectionSample, isReportDocument } from '../../../src/core/recognition/reportDetection';

describe('report detection', () => {
  it('always treats the report language as a report, without reading it', () => {
    assert.equal(isReportDocument('inspection-report', false, () => assert.fail('should not recognise')), true);
  });

  it('recognises plain text and Markdown only when the engine knows the kind', () => {
    assert.equal(isReportDocument('plaintext', true, () => 'focused-visit'), true);
    assert.equal(isReportDocument('markdown', true, () => 'unknown'), false);
  });

  it('leaves other languages alone, and everything when detection is off', () => {
    assert.equal(isReportDocument('typescript', true, () => assert.fail('should not recognise')), false);
    assert.equal(isReportDocument('plaintext', false, () => assert.fail('should not recognise')), false);
  });

  it('samples the opening, cut at a line end', () => {
    const text = 'first line\nsecond line\nthird line';
    assert.equal(detectionSample(text, 100), text);
    assert.equal(detectionSample(text, 15), 'first line');
    assert.equal(detectionSample('x'.repeat(30), 10), 'x'.repeat(10));
  });
});
