// `report tag --quote`: a quote found many times names every line it is on. Finding those lines used to
// rescan the text from the start for each match (97 s for thousands of matches in a 10 MB report); it is
// now one pass, checked here against a single regular-expression pass over the same text.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { findQuote } from '../../../src/cli/tagCommand';

const QUOTE = 'the child was seen alone';

/** ~5 MB: 100,000 lines with mixed line endings (LF, CRLF, lone CR); every fifth line holds the quote. */
function bigReport(): { text: string; lines: number[] } {
  const endings = ['\n', '\r\n', '\n', '\r'];
  const parts: string[] = [];
  const lines: number[] = [];
  for (let line = 1; line <= 100_000; line++) {
    const words = line % 5 === 0 ? `Paragraph ${line}: the social worker noted that ${QUOTE} on each visit.` : `Paragraph ${line}: managers review plans for children every month.`;
    if (line % 5 === 0) lines.push(line);
    parts.push(words.padEnd(48, ' '), endings[line % endings.length]!);
  }
  return { text: parts.join(''), lines };
}

function fastest(run: () => unknown, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('report tag --quote: many matches in a large report', () => {
  const { text, lines } = bigReport();

  it('names the line of every one of 20,000 matches, whatever the line endings', () => {
    assert.ok(text.length > 5_000_000 && lines.length === 20_000);
    const result = findQuote(text, QUOTE);
    assert.equal(result.ok, false);
    const message = result.ok ? '' : result.message;
    assert.match(message, /^the quote "the child was seen alone" occurs 20000 times \(lines 5, 10, 15, /);
    const listed = /\(lines ([\d, ]+)\)/.exec(message)![1]!.split(', ').map(Number);
    assert.deepEqual(listed, lines);
  });

  it('takes time linear in the text, not in text x matches', function () {
    this.timeout(60_000);
    // The reference: one pass of the same search over the same text, as findQuote makes before counting lines.
    const pattern = /the\s+child\s+was\s+seen\s+alone/g;
    const onePass = fastest(() => [...text.matchAll(pattern)].length);
    const search = fastest(() => findQuote(text, QUOTE));
    // Rescanning from the start for each match costs ~10,000 passes here; the linear search a handful.
    assert.ok(search < onePass * 50, `findQuote took ${search.toFixed(1)} ms, one pass ${onePass.toFixed(1)} ms`);
  });
});

describe('report tag --quote: quotes and dashes typed in another style', () => {
  const text = 'The local authority’s “front door” works well – most referrals are seen within 24 hours.\n';

  it('finds a quote typed with straight quotes and a hyphen in a report printed with curly quotes and an en dash', () => {
    const found = findQuote(text, 'local authority\'s "front door" works well - most referrals');
    assert.ok(found.ok, found.ok ? '' : found.message);
    assert.equal(text.slice(found.range.start, found.range.end), 'local authority’s “front door” works well – most referrals');
  });

  it('still tells a quote from other words: a typed quote mark matches only a quote mark', () => {
    const found = findQuote(text, 'authoritys front door');
    assert.equal(found.ok, false);
  });
});
