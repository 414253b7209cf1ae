import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../src/core/platform/text/lineIndex';
import { parseDateRange, parseDate } from '../../../src/core/recognition/dates';
import { parseArea } from '../../../src/core/recognition/gradeWords';

describe('LineIndex', () => {
  const text = 'one\r\ntwo\nthree\rfour';
  const index = new LineIndex(text);

  it('counts LF, CRLF and lone CR line breaks', () => {
    assert.equal(index.lineCount, 4);
    assert.deepEqual([1, 2, 3, 4].map((l) => text.slice(index.lineStart(l), index.lineEnd(l))), ['one', 'two', 'three', 'four']);
  });

  it('converts offsets to 1-based lines and back', () => {
    assert.deepEqual(index.positionAt(0), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('four') + 2), { line: 4, character: 2 });
    assert.equal(index.offsetAt({ line: 3, character: 2 }), text.indexOf('three') + 2);
    assert.equal(index.offsetAt({ line: 1, character: 99 }), 3, 'clamped to the end of the line');
    assert.deepEqual(index.positionAt(999), { line: 4, character: 4 });
  });

  it('splits every mix of CR, LF and CRLF as split(/\\r\\n|\\r|\\n/) does, and LF-only as split("\\n") does', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: random(30) }, () => ['a', 'b', '\r', '\n', '\r\n'][random(5)]).join('');
      const any = new LineIndex(text);
      const lines = Array.from({ length: any.lineCount }, (_, k) => text.slice(any.lineStart(k + 1), any.lineEnd(k + 1)));
      assert.deepEqual(lines, text.split(/\r\n|\r|\n/), JSON.stringify(text));
      const lf = new LineIndex(text, 'lf');
      const lfStarts = Array.from({ length: lf.lineCount }, (_, k) => lf.lineStart(k + 1));
      let at = 0;
      assert.deepEqual(lfStarts, text.split('\n').map((l) => ((at += l.length + 1), at - l.length - 1)), JSON.stringify(text));
    }
  });
});

describe('recognition: dates and areas as printed', () => {
  it('reads date ranges in the forms reports use', () => {
    assert.deepEqual(parseDateRange('15 to 26 May 2023'), { start: '2023-05-15', end: '2023-05-26' });
    assert.deepEqual(parseDateRange('28 February to 11 March 2022'), { start: '2022-02-28', end: '2022-03-11' });
    assert.deepEqual(parseDateRange('30 December 2019 to 10 January 2020'), { start: '2019-12-30', end: '2020-01-10' });
    assert.deepEqual(parseDateRange('30 December to 10 January 2020'), { start: '2019-12-30', end: '2020-01-10' });
    assert.deepEqual(parseDateRange('3 and 4 December 2024'), { start: '2024-12-03', end: '2024-12-04' });
    assert.equal(parseDate('Report published: 13 June 2017'), '2017-06-13');
    assert.deepEqual(parseDateRange('no dates here'), {});
  });

  it('maps judgement labels to areas', () => {
    assert.equal(parseArea('The experiences and progress of children in care and care leavers'), 'in-care');
    assert.equal(parseArea('The experiences and progress of children care leavers'), 'care-leavers');
    assert.equal(parseArea('2. Children looked after and achieving permanence'), 'in-care');
    assert.equal(parseArea('3. Leadership, management and governance'), 'leaders');
    assert.equal(parseArea('Quality of provision'), undefined);
  });
});
