import assert from 'node:assert/strict';
import { summariseReport } from '../../../src/core/presentation/reportSummary';
import { sampleModel } from './sampleReport';
import { sifModel } from './sifSampleReport';

describe('report summary (status bar)', () => {
  it('names the kind and the authority, with details for the tooltip', () => {
    const s = summariseReport(sampleModel());
    assert.equal(s.short, 'ILACS inspection report · Westmere');
    assert.deepEqual(s.details, [
      'ILACS inspection report',
      'Authority: Westmere',
      'Dates: 2 to 13 June 2025',
      'Overall effectiveness: Good',
      '3 judgements, 2 areas for improvement, 2 numbered paragraphs',
    ]);
  });

  it('names only the kind when no authority was found, and counts in the singular', () => {
    const model = { ...sampleModel(), kind: 'focused-visit' as const, judgements: [], paragraphs: [] };
    model.metadata = { leadInspectors: [] };
    model.improvements = model.improvements.slice(0, 1);
    const s = summariseReport(model);
    assert.equal(s.short, 'Focused-visit letter');
    assert.equal(s.details.at(-1), '0 judgements, 1 area for improvement, 0 numbered paragraphs');
  });

  it('counts the local authority’s areas for improvement, the safeguarding board’s apart, and the strengths', () => {
    const s = summariseReport(sifModel());
    assert.equal(s.details.at(-1), '0 judgements, 2 areas for improvement + 2 for the LSCB, 2 strengths, 6 numbered paragraphs');
  });
});
