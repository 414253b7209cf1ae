import assert from 'node:assert/strict';
import { countKeyCandidates, findDuplicateKey, formatJsonPath } from '../../../src/core/platform/text/jsonDuplicateKeys';

describe('keys given twice in JSON', () => {
  it('counts at least every key, and exactly the keys when no string begins with a colon', () => {
    assert.equal(countKeyCandidates('{}'), 0);
    assert.equal(countKeyCandidates('{"a":1,"b" :\n {"c"\t: "x:y"}}'), 3);
    // An escaped quote before a colon is inside a string; an even run of backslashes ends the string.
    assert.equal(countKeyCandidates('{"a":"say \\"b\\": c","d\\\\":2}'), 2);
    // The opening quote of a string that begins with a colon counts too: more candidates, never fewer.
    assert.equal(countKeyCandidates('{"a":":b"}'), 2);
  });

  it('finds the first key repeated within one object, with both places and the object', () => {
    const text = '{"a":1,"list":[{"k":1,"j":2,"k":3}],"a":2}';
    assert.deepEqual(findDuplicateKey(text), { key: 'k', firstOffset: text.indexOf('"k"'), offset: text.lastIndexOf('"k"'), length: 3, path: ['list', 0] });
    assert.equal(findDuplicateKey('{"a":{"b":1},"b":{"a":2}}'), undefined);
    // Comments and trailing commas only where allowed (the codebook).
    assert.equal(findDuplicateKey('{ /* "x": 1 */ "x": 1, }', true), undefined);
    assert.equal(findDuplicateKey('{ "x": 1, // one\n "x": 2, }', true)?.key, 'x');
  });

  it('writes paths as messages give them', () => {
    assert.equal(formatJsonPath([]), '');
    assert.equal(formatJsonPath(['tags', 2, 'anchor', 'quote']), 'tags[2].anchor.quote');
  });
});
