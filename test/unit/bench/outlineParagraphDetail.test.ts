// The Outline's paragraph details are built without collapsing each paragraph's whole opening (it runs on
// every keystroke); they must read exactly as the plain definition gives them, whatever the whitespace.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildOutline } from '../../../src/core/navigation/outline';
import type { ReportModel } from '../../../src/core/recognition/model';

/** The definition: the opening collapsed, its number dropped, cut at a word before `max` characters. */
function expectedDetail(opening: string, max: number): string {
  const words = opening.replace(/\s+/g, ' ').trim().replace(/^\d+\.?\s*/, '');
  if (words.length <= max) return words;
  const cut = words.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

function detailOf(text: string, max: number): string {
  const model: ReportModel = {
    kind: 'sif-inspection', metadata: { leadInspectors: [] }, sections: [], judgements: [], earlierJudgements: [], improvements: [], strengths: [],
    paragraphs: [{ number: 1, range: { start: 0, end: text.length }, line: 1 }], lineCount: 1,
  };
  return buildOutline(model, text, { maxNameLength: max })[0]!.detail;
}

describe('outline: paragraph details', () => {
  it('collapse line breaks, indentation and odd spaces, and drop the number', () => {
    const text = '12.  Children\u00a0are  seen\n     alone,\tand\u2003their views\r\n     are recorded.';
    assert.equal(detailOf(text, 80), 'Children are seen alone, and their views are recorded.');
    assert.equal(detailOf(text, 20), 'Children are seen…');
  });

  it('read as the plain definition gives them, for any text and width', () => {
    const pieces = fc.constantFrom('12.', '3', '1234567', '.', ' ', '  ', '\n     ', '\t', '\u00a0', '\u2028', 'word', 'children', 'x', 'a-b', '’');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 120 }), fc.integer({ min: 3, max: 90 }), (parts, max) => {
        const text = parts.join('');
        assert.equal(detailOf(text, max), expectedDetail(text.slice(0, max * 3), max));
      }),
      { numRuns: 2000 },
    );
  });
});
