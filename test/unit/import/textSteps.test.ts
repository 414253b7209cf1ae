// The pure steps of the import, each on its own: running headers and footers, hyphenated words, table rows.
import { strict as assert } from 'node:assert';
import { joinHyphenatedWords } from '../../../src/core/import/hyphenation';
import type { PageLine } from '../../../src/core/import/pageLines';
import { dropRunningLines } from '../../../src/core/import/runningLines';
import { rebuildTableRows } from '../../../src/core/import/tableRows';

describe('PDF import steps', () => {
  describe('running headers, footers and page numbers', () => {
    const page = (n: number, body: string[]) => ['Northmoor County Council children’s services', '', ...body, '', `12 to 23 May 2025        ${n}`];

    it('drops lines repeated at the edges of most pages (digits aside) and leaves the body', () => {
      const pages = dropRunningLines([page(1, ['First page text.']), page(2, ['Second page text.']), page(3, ['Third.'])]);
      assert.deepEqual(pages, [['First page text.'], ['Second page text.'], ['Third.']]);
    });

    it('drops a bare page number at the bottom, but keeps a number inside the text and a line said once', () => {
      const pages = dropRunningLines([['Leaders act.', '42', 'More text.', '', '7'], ['Only here at the top', 'Text.', '8']]);
      assert.deepEqual(pages, [['Leaders act.', '42', 'More text.'], ['Only here at the top', 'Text.']]);
    });
  });

  describe('words hyphenated at a line end', () => {
    it('joins them without the hyphen when the document spells the word whole elsewhere', () => {
      assert.deepEqual(joinHyphenatedWords([['Leaders improved safe-', 'guarding practice.', 'Safeguarding is strong.']]), [['Leaders improved safeguarding', 'practice.', 'Safeguarding is strong.']]);
    });

    it('keeps the hyphen of a compound, and never joins a capitalised next line or a dash', () => {
      assert.deepEqual(joinHyphenatedWords([['strong multi-', 'agency work. Risk -', 'Plans are clear.']]), [['strong multi-agency', 'work. Risk -', 'Plans are clear.']]);
    });

    it('drops a line left empty by the join', () => {
      assert.deepEqual(joinHyphenatedWords([['the well-', 'being.', 'Next.']]), [['the well-being.', 'Next.']]);
    });
  });

  describe('judgement table rows', () => {
    const line = (y: number, cells: [number, string][], gapBefore = 14.5): PageLine => ({
      y, fontSize: 12, gapBefore, sizeAbove: 12, cells: cells.map(([x, text]) => ({ x, end: x + text.length * 5, text })),
    });

    it('makes a row whose label and grade wrap one line: label, then grade', () => {
      const rows = rebuildTableRows([
        line(600, [[77, 'The experiences and progress of'], [303, 'Requires']], 30),
        line(585, [[77, 'children who need help and protection'], [303, 'improvement to be good']]),
        line(558, [[77, 'Overall effectiveness'], [303, 'Good']], 27),
      ]);
      assert.deepEqual(rows.map((r) => r.cells.map((c) => c.text)), [
        ['The experiences and progress of children who need help and protection', 'Requires improvement to be good'],
        ['Overall effectiveness', 'Good'],
      ]);
    });

    it('leaves prose alone, even when a line ends in a grade word in its own column', () => {
      const prose = [line(600, [[71, 'Leaders have improved practice since the last inspection, when they were judged']], 30), line(585, [[71, 'to be good overall.']])];
      assert.deepEqual(rebuildTableRows(prose), prose);
      const notTable = [line(600, [[77, 'Judgement'], [303, 'Grade']], 30)];
      assert.deepEqual(rebuildTableRows(notTable), notTable);
    });
  });
});
