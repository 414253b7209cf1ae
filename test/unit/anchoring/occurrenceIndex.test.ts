import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findByScanning, OccurrenceIndex } from '../../../src/core/tags/anchoring/occurrenceIndex';

function byIndexOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

describe('OccurrenceIndex', () => {
  it('finds every occurrence, overlapping ones included, in ascending order', () => {
    const text = 'plans are reviewed; plans are reviewed again; plans are reviewed are reviewed';
    const index = new OccurrenceIndex(text);
    assert.deepEqual(index.find('plans are reviewed'), [0, 20, 46]);
    assert.deepEqual(index.find('are reviewed'), byIndexOf(text, 'are reviewed'));
    assert.deepEqual(new OccurrenceIndex('aaaaaaaaaaaa').find('aaaaaaaaa'), [0, 1, 2, 3]);
    assert.deepEqual(index.find('plans are reviewed', 2), [0, 20]);
    assert.deepEqual(index.find('not there at all'), []);
    assert.deepEqual(index.find('are'), byIndexOf(text, 'are'));
  });

  it('agrees with indexOf on random texts and needles', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\u2019', 'c'), maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 14 }), (text, at, length) => {
        const start = text.length === 0 ? 0 : at % text.length;
        const needle = text.slice(start, start + length) || 'ab';
        assert.deepEqual(new OccurrenceIndex(text).find(needle), byIndexOf(text, needle));
      }),
      { numRuns: 300 },
    );
  });

  it('finds passages that begin with indentation (a gram found everywhere) by a rarer gram, in order, up to the limit', () => {
    // A quote with its context, cut from a converted report: it begins with a line's indentation.
    const para = (n: number) => `        ${n}. Managers review plans for children in care every ${n % 3 === 0 ? 'month' : 'week'}.\n`;
    const text = Array.from({ length: 60 }, (_v, n) => para(n % 6)).join('');
    const index = new OccurrenceIndex(text);
    for (const needle of ['        3. Managers review plans', '        1. Managers review plans for children in care every week.\n        2.', '          ', 'every month.\n        ']) {
      assert.deepEqual(index.find(needle), byIndexOf(text, needle), needle);
      assert.deepEqual(index.find(needle, 3), byIndexOf(text, needle).slice(0, 3), needle);
      assert.deepEqual(findByScanning(text, needle, 3), byIndexOf(text, needle).slice(0, 3), needle);
    }
    assert.equal(index.find('        3. Managers review plans').length, 10);
    assert.deepEqual(index.find('        7. Managers review plans'), []);
    assert.deepEqual(findByScanning(text, ''), []);
  });
});
