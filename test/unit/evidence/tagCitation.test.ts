// "Copy with Citation" from the editor: which tag is under the cursor, and the citation pasted for it, from the
// report as it is now. The report text is invented (Eastcombe is not a real authority).

import assert from 'node:assert/strict';
import { citationFieldsFor, tagAtOffset } from '../../../src/core/evidence/tagCitation';
import { formatQuoteWithCitation } from '../../../src/core/evidence/citation';
import { createAnchor } from '../../../src/core/tags/anchoring/anchorCreation';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { buildModel } from './fixtureModels';

const TEXT =
  'Eastcombe local authority children’s services inspection\n\n' +
  'The experiences and progress of children in care: requires improvement to be good\n\n' +
  '31. Most children in care live in stable homes with carers who know them well.\n\n' +
  '32. Too many plans are not updated when circumstances change.\n';

const model = buildModel(TEXT, {
  kind: 'ilacs-inspection',
  authority: 'Eastcombe',
  published: '2024-05-07',
  judgements: [['in-care', 'requires-improvement']],
  sections: [{ heading: 'The experiences and progress', title: 'The experiences and progress of children in care: requires improvement to be good', area: 'in-care', grade: 'requires-improvement' }],
});

function tagOn(id: string, words: string, extra: Partial<Tag> = {}): Tag {
  const start = TEXT.indexOf(words);
  return { id, themes: [{ id: 'stability', label: 'Placement stability' }], created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', anchor: createAnchor(TEXT, start, start + words.length), ...extra };
}

describe('copy with citation from the editor', () => {
  const sentence = tagOn('sentence', 'Most children in care live in stable homes with carers who know them well.');
  const phrase = tagOn('phrase', 'stable homes');
  const gone = tagOn('gone', 'Too many plans', { orphaned: true });

  it('picks the shortest tag holding the cursor, ends included, never an orphaned one', () => {
    const tags = [sentence, phrase, gone];
    assert.equal(tagAtOffset(tags, TEXT.indexOf('stable') + 2)?.id, 'phrase');
    assert.equal(tagAtOffset(tags, TEXT.indexOf('Most'))?.id, 'sentence');
    assert.equal(tagAtOffset(tags, TEXT.indexOf('them well.') + 10)?.id, 'sentence');
    assert.equal(tagAtOffset(tags, TEXT.indexOf('Too many') + 3), undefined);
    assert.equal(tagAtOffset(tags, 0), undefined);
  });

  it('cites the passage by authority, date, paragraph and section, quoting the words in the report now', () => {
    assert.equal(
      formatQuoteWithCitation(citationFieldsFor({ text: TEXT, model }, sentence, 'eastcombe-2024.txt')),
      '“Most children in care live in stable homes with carers who know them well.” (Eastcombe ILACS inspection, published 7 May 2024, para 31, ' +
        "section 'The experiences and progress of children in care: requires improvement to be good')",
    );
  });

  it('says when only the inspection date is known, and names the file when the authority is not', () => {
    const undated = buildModel(TEXT, { kind: 'focused-visit', inspectionEnd: '2023-10-12' });
    const fields = citationFieldsFor({ text: TEXT, model: undated }, phrase, 'eastcombe-fv.txt');
    assert.equal(formatQuoteWithCitation(fields), '“stable homes” (eastcombe-fv.txt (focused visit), visit ended 12 October 2023, para 31)');
  });

  it('quotes the stored words, marked as no longer found, when the passage has gone from the report', () => {
    const edited = TEXT.replace('Too many plans', 'Some plans');
    const fields = citationFieldsFor({ text: edited, model }, { ...gone, orphaned: false, context: { paragraph: 32 } }, 'eastcombe-2024.txt');
    assert.equal(fields.quote, 'Too many plans');
    assert.equal(formatQuoteWithCitation(fields), '“Too many plans” (Eastcombe ILACS inspection, published 7 May 2024, para 32 (passage no longer found in the report; quoted as tagged))');
  });
});
