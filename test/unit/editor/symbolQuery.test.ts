import assert from 'node:assert/strict';
import { buildOutline } from '../../../src/core/navigation/outline';
import { findSymbols, matchesQuery } from '../../../src/core/navigation/symbolQuery';
import { SAMPLE_TEXT, sampleModel } from './sampleReport';

describe('workspace symbol query', () => {
  it('matches the query’s characters in order, ignoring case and spaces', () => {
    assert.equal(matchesQuery('What needs to improve?', 'wnti'), true);
    assert.equal(matchesQuery('What needs to improve?', 'needs improve'), true);
    assert.equal(matchesQuery('What needs to improve?', 'improve needs'), false);
    assert.equal(matchesQuery('Overall effectiveness', ''), true);
  });

  it('finds symbols at any depth and names the section they sit in', () => {
    const tree = buildOutline(sampleModel(), SAMPLE_TEXT, { paragraphs: false });
    const hits = findSymbols(tree, 'overall');
    assert.deepEqual(hits.map((h) => [h.symbol.name, h.container]), [['Overall effectiveness', 'Inspection of Westmere local authority children’s services']]);
    assert.deepEqual(findSymbols(tree, 'timeliness').map((h) => h.container), ['What needs to improve?']);
  });
});
