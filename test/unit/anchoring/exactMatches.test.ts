import { strict as assert } from 'node:assert';
import search from 'approx-string-match';
import fc from 'fast-check';
import { exactMatches } from '../../../src/core/tags/anchoring/candidateSearch';

describe('exactMatches (approximate search where the quote occurs exactly)', () => {
  it('returns what the approximate search returns whenever the pattern occurs exactly, and nothing otherwise', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c'), maxLength: 200 }),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c'), minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 0, max: 8 }),
        (text, pattern, at, maxErrors) => {
          const window = text.slice(0, at % (text.length + 1)) + pattern + text.slice(at % (text.length + 1));
          assert.deepEqual(exactMatches(window, pattern), search(window, pattern, maxErrors));
          if (!text.includes(pattern)) assert.equal(exactMatches(text, pattern), undefined);
        },
      ),
      { numRuns: 500 },
    );
  });
});
