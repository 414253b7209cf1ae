import assert from 'node:assert/strict';
import { listItemAt, listItemHoverMarkdown } from '../../../src/core/presentation/listItemHover';
import { LA_AFI, LA_STRENGTH, LSCB_AFI, LSCB_PRIORITY, LSCB_STRENGTH, SIF_TEXT, sifModel } from './sifSampleReport';
import { SAMPLE_TEXT, sampleModel } from './sampleReport';

describe('hover over a listed item (whose it is)', () => {
  const model = sifModel();
  const hoverAt = (words: string, text = SIF_TEXT, m = model) => {
    const hit = listItemAt(m, text.indexOf(words) + 3);
    return hit ? listItemHoverMarkdown(hit) : undefined;
  };

  it('names the safeguarding board’s area for improvement as the board’s', () => {
    assert.equal(
      hoverAt(LSCB_AFI),
      '**Area for improvement (LSCB)** — paragraph 16\n\nFor the Local Safeguarding Children Board to act on, not the local authority.',
    );
    assert.match(hoverAt(LSCB_PRIORITY)!, /^\*\*Priority action \(LSCB\)\*\* — paragraph 15\n/);
  });

  it('leaves the local authority’s own item unmarked', () => {
    assert.equal(hoverAt(LA_AFI), '**Area for improvement** — paragraph 13\n\nFor the local authority to act on.');
  });

  it('says a strength is not an area for improvement, and whose strength it is', () => {
    assert.equal(hoverAt(LA_STRENGTH), '**Strength** — paragraph 14\n\nA strength of the local authority that the report lists: not an area for improvement.');
    assert.match(hoverAt(LSCB_STRENGTH)!, /^\*\*Strength \(LSCB\)\*\* — paragraph 17\n\nA strength of the Local Safeguarding Children Board /);
  });

  it('shows the framework reference of an unnumbered ILACS item, and finds nothing outside the items', () => {
    assert.equal(
      hoverAt('The quality of written plans', SAMPLE_TEXT, sampleModel()),
      '**Area for improvement**\n\nFor the local authority to act on.\n\nRefers to: \\(outcome 2, national framework\\)',
    );
    assert.equal(listItemAt(model, SIF_TEXT.indexOf('Section 2:')), undefined);
  });
});
