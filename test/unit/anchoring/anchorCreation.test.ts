import { strict as assert } from 'node:assert';
import { createAnchor, textHash } from '../../../src/core/tags/anchoring/anchorCreation';

const TEXT = '12.     Senior leaders and elected members know their services well. Self-evaluation is accurate.';

describe('createAnchor', () => {
  it('records the position in UTF-16 units and the quote with 32 characters either side', () => {
    const start = TEXT.indexOf('elected members');
    const anchor = createAnchor(TEXT, start, start + 'elected members'.length);
    assert.deepEqual(anchor.position, { start, end: start + 15, unit: 'utf-16' });
    assert.equal(anchor.quote.exact, 'elected members');
    assert.equal(anchor.quote.prefix, TEXT.slice(0, start).slice(-32));
    assert.equal(anchor.quote.prefix.length, start < 32 ? start : 32);
    assert.equal(anchor.quote.suffix, ' know their services well. Self-');
  });

  it('cuts the context at the ends of the text', () => {
    const anchor = createAnchor('Good work.', 0, 4);
    assert.deepEqual(anchor.quote, { exact: 'Good', prefix: '', suffix: ' work.' });
  });

  it('counts UTF-16 code units as VS Code does', () => {
    const text = 'Emoji \u{1F600} then words';
    const start = text.indexOf('then');
    assert.equal(start, 9);
    assert.equal(createAnchor(text, start, start + 4).quote.exact, 'then');
  });

  it('clamps offsets outside the text and swaps reversed ones', () => {
    assert.deepEqual(createAnchor('abc', 5, -2).position, { start: 0, end: 3, unit: 'utf-16' });
  });
});

describe('textHash', () => {
  it('is the sha256 hex of the UTF-8 text, and changes with the text', () => {
    assert.equal(textHash(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(textHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.notEqual(textHash('children\u2019s'), textHash("children's"));
  });
});
