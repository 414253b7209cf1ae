// Properties of checking: any run of words taken from a tagged passage (however it is wrapped or quoted, with
// words dropped behind an ellipsis) is `ok`; changing one word of it to a word the passage does not have is
// always `misquote`. Passages are random sentences from report vocabulary, tagged in a report around them.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDraft } from '../../../src/core/drafts/citationChecker';
import { fileSystemSources } from '../../../src/core/drafts/draftSources';
import { DRAFT_PATH, tagOn, workspace } from './draftFixtures';

const VOCABULARY = ['children', 'are', 'seen', 'regularly', 'by', 'social', 'workers', 'who', 'know', 'them', 'well', 'plans', 'leaders', 'the', 'a', 'of', 'and', 'in', 'care', 'help', 'protection', 'partners', 'health', 'not', 'always', 'timely', 'decisions', 'young', 'people’s', 'wishes'];
const STRANGERS = ['zoning', 'quarterly', 'Brexit', 'xylophone', 'ombudsman'];
const PUNCTUATION = ['', '', '', ',', '.', ';'];

const passageArb = fc.array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...PUNCTUATION)), { minLength: 4, maxLength: 40 }).map((pairs) => pairs.map(([w, p]) => w + p));
const spaceArb = fc.constantFrom(' ', ' ', '  ', '\n', '\r\n  ');

/** A report holding the passage (tag t1) between two fixed paragraphs. */
function reportAround(passage: string): { text: string; fs: ReturnType<typeof workspace> } {
  const text = `Focused visit to Ashcombe children’s services\n\n3. ${passage}\n\n4. Leaders know their services well.\n`;
  return { text, fs: workspace(text, [tagOn(text, 't1', passage)]) };
}

async function statusOf(quote: string, open: string, close: string, passage: string): Promise<string> {
  const { fs } = reportAround(passage);
  const draft = `Our evidence: ${open}${quote}${close} [Ashcombe FV](reports/ashcombe-fv-2025.txt#tag=t1).\n`;
  const [check] = await checkDraft(draft, DRAFT_PATH, fileSystemSources(fs));
  return check!.status;
}

const quoteMarks = fc.constantFrom(['"', '"'], ['“', '”'], ['‘', '’']);

describe('citation checker properties', () => {
  it('a run of words taken from the passage is always ok, however wrapped, quoted or elided', async () => {
    await fc.assert(
      fc.asyncProperty(passageArb, fc.nat(), fc.nat(), fc.array(spaceArb, { minLength: 40, maxLength: 40 }), quoteMarks, fc.boolean(), async (words, a, b, spaces, [open, close], elide) => {
        const start = a % words.length;
        const end = start + 1 + (b % (words.length - start));
        const taken = words.slice(start, end);
        let quote = taken.map((w, i) => (i === 0 ? w : spaces[i]! + w)).join('');
        if (elide && taken.length >= 3) quote = `${taken[0]} … ${taken[taken.length - 1]}`;
        assert.equal(await statusOf(quote, open, close, words.join(' ')), 'ok', `quote ${JSON.stringify(quote)}`);
      }),
      { numRuns: 150 },
    );
  });

  it('changing one word of such a quote to a word the passage lacks is always misquote', async () => {
    await fc.assert(
      fc.asyncProperty(passageArb, fc.nat(), fc.nat(), fc.nat(), fc.constantFrom(...STRANGERS), fc.boolean(), quoteMarks, async (words, a, b, k, stranger, typo, [open, close]) => {
        const start = a % words.length;
        const end = start + 1 + (b % (words.length - start));
        const taken = words.slice(start, end);
        const at = k % taken.length;
        const original = taken[at]!;
        // A stranger word, or the same word with a letter dropped (when that leaves a word the passage lacks).
        const bare = original.replace(/[.,;]$/, '');
        const dropped = bare.length > 1 ? bare.slice(0, bare.length - 1) + original.slice(bare.length) : undefined;
        const lacks = (w: string) => !words.some((x) => x.replace(/[.,;]$/, '') === w.replace(/[.,;]$/, ''));
        const replacement = typo && dropped && lacks(dropped) ? dropped : stranger + original.slice(bare.length);
        const changed = taken.map((w, i) => (i === at ? replacement : w)).join(' ');
        assert.equal(await statusOf(changed, open, close, words.join(' ')), 'misquote', `quote ${JSON.stringify(changed)}`);
      }),
      { numRuns: 150 },
    );
  });
});
