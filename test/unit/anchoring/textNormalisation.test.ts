import { strict as assert } from 'node:assert';
import {
  footerLineKey,
  normaliseAt,
  normaliseForMatching,
  repeatedLineKeys,
  toNormalisedOffset,
  toOriginalRange,
} from '../../../src/core/tags/anchoring/textNormalisation';

function view(text: string, keys?: Set<string>) {
  return normaliseForMatching(text, keys === undefined ? {} : { dropLineKeys: keys });
}

/** The original text a stretch of the view stands for. */
function original(text: string, needle: string, keys?: Set<string>): string {
  const v = view(text, keys);
  const at = v.text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in "${v.text}"`);
  const { start, end } = toOriginalRange(v, at, at + needle.length);
  return text.slice(start, end);
}

describe('normaliseForMatching', () => {
  it('reads line wraps, indentation, CRLF and tabs as single spaces', () => {
    assert.equal(view('Plans are\r\n        clear about\twho will\n\ndo what.').text, 'Plans are clear about who will do what.');
  });

  it('gives the same view of two wrappings, with and without a hyphenated line break', () => {
    const a = 'Experienced managers apply thresh-\n        olds consistently and well-\n   organised teams respond.';
    const b = 'Experienced managers apply\r\n        thresholds consistently and well-organised\r\n  teams respond.';
    assert.equal(view(a).text, view(b).text);
    assert.equal(view(a).text, 'Experienced managers apply thresholds consistently and wellorganised teams respond.');
  });

  it('keeps a hyphen before a space, and dashes between words', () => {
    assert.equal(view('pre- and post-\nproceedings \u2013 in 2018\u201319').text, 'pre- and postproceedings - in 2018-19');
  });

  it('folds curly quotes, ligatures, bullets and the ellipsis', () => {
    assert.equal(view('\u25FC The \u201Cfront door\u201D \uFB01nds children\u2019s needs\u2026').text, 'The "front door" finds children\'s needs...');
    assert.equal(view('\uF06E Oversight of plans').text, 'Oversight of plans');
  });

  it('maps a stretch of the view back to the exact original text, across a hyphenated break', () => {
    const text = 'They capture the impact of parent-\n        ing from a child\u2019s point of view.';
    assert.equal(original(text, 'impact of parenting from'), 'impact of parent-\n        ing from');
    assert.equal(original(text, "child's point"), 'child\u2019s point');
  });

  it('drops running page footers and page-number lines, and maps across them', () => {
    const page = (n: number, body: string) =>
      `${body}\n\nInspection of Wexcombe local authority children\u2019s services\n2 to 13 February 2026                                   ${n}\n\n`;
    const text = page(1, 'Children are seen alone.') + page(2, 'Leaders know their services well and') + page(3, 'act on what they learn.') + '17\nThe end.';
    const keys = repeatedLineKeys(text);
    assert.deepEqual([...keys].sort(), ['# to # February # #', 'Inspection of Wexcombe local authority children\'s services']);
    assert.equal(view(text, keys).text, 'Children are seen alone. Leaders know their services well and act on what they learn. The end.');
    const across = original(text, 'well and act on', keys);
    assert.ok(across.startsWith('well and\n\nInspection of Wexcombe') && across.endsWith('\n\nact on'));
  });

  it('does not take repeated lines of prose for footers', () => {
    const text = Array.from({ length: 4 }, (_v, i) => `${i + 1}.  Progress has been slower than planned.\nslower than planned.\n`).join('\n');
    assert.equal(repeatedLineKeys(text).size, 0);
    assert.equal(footerLineKey('  2 to 13 February 2026        7 '), '# to # February # #');
    assert.equal(footerLineKey('12'), undefined);
  });

  it('never drops the cut first and last lines of a quote with its context', () => {
    const keys = new Set(['# to # February # #']);
    const v = normaliseForMatching('2 to 13 February 2026   3\nmiddle\n2 to 13 February 2026   4', { dropLineKeys: keys, partialEdges: true });
    assert.equal(v.text, '2 to 13 February 2026 3 middle 2 to 13 February 2026 4');
  });

  it('normaliseAt gives the same view, and the view offsets of the original offsets asked for', () => {
    const quote = 'services for care leavers\r\n  was well-\n   organised \u2018and\u2019 \uFB01ne\n      12\nnext';
    const keys = new Set<string>();
    for (const options of [{ dropLineKeys: keys, partialEdges: true }, { dropPageNumbers: false }, {}]) {
      const whole = normaliseForMatching(quote, options);
      const offsets = [0, 9, 26, 40, 55, quote.length];
      const at = normaliseAt(quote, options, offsets);
      assert.equal(at.text, whole.text);
      assert.deepEqual(at.at, offsets.map((o) => toNormalisedOffset(whole, o)));
    }
    // Twice in a row (a shared scratch builder): the second answer is not mixed with the first.
    assert.equal(normaliseAt('a  b', {}, []).text, 'a b');
    assert.equal(normaliseAt('c', {}, [1]).text, 'c');
  });

  it('finds the view offset of an original offset', () => {
    const text = 'a  b\n\nc';
    const v = view(text);
    assert.equal(v.text, 'a b c');
    assert.equal(toNormalisedOffset(v, text.indexOf('c')), 4);
    assert.equal(toNormalisedOffset(v, 0), 0);
    assert.equal(toNormalisedOffset(v, text.length), 5);
  });
});
