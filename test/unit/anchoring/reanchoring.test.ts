import { strict as assert } from 'node:assert';
import { reanchorTags } from '../../../src/core/tags/anchoring/reanchoring';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { slice, tagAt, tagOn } from './helpers';
import { layOut, readBlocks, sentenceRanges, STYLE_A, STYLE_B, type LaidOutReport } from './reportLayout';
import { seededRandom, sentence } from './syntheticReport';

const BLOCKS = readBlocks('wexcombe-report.txt');

/** Tags on every sentence of the report, plus a few spanning two sentences, in conversion `from`. */
function tagsOn(from: LaidOutReport): { tags: Tag[]; passages: { start: number; end: number }[] } {
  const sentences = sentenceRanges(from.source);
  const passages = [...sentences];
  for (let i = 8; i + 1 < sentences.length; i += 7) passages.push({ start: sentences[i]!.start, end: sentences[i + 1]!.end });
  const tags = passages.map((p, i) => {
    const { start, end } = from.range(p.start, p.end);
    return tagAt(`tag-${i}`, from.text, start, end);
  });
  return { tags, passages };
}

describe('reanchorTags', () => {
  it('keeps every tag where it is when the text is unchanged', () => {
    const a = layOut(BLOCKS, STYLE_A);
    const { tags } = tagsOn(a);
    const result = reanchorTags(tags, a.text);
    assert.deepEqual(result.summary, { stayed: tags.length, moved: 0, orphaned: 0 });
    result.tags.forEach((t, i) => assert.equal(t, tags[i], 'unchanged tags are returned as they were'));
  });

  it('moves every tag after an insertion at the top, onto the same words', () => {
    const a = layOut(BLOCKS, STYLE_A);
    const { tags } = tagsOn(a);
    const newText = 'DRAFT - not for circulation\n\n' + a.text;
    const result = reanchorTags(tags, newText);
    assert.deepEqual(result.summary, { stayed: 0, moved: tags.length, orphaned: 0 });
    result.tags.forEach((t, i) => {
      assert.equal(t.anchor.position.start, tags[i]!.anchor.position.start + 29);
      assert.equal(slice(newText, t), tags[i]!.anchor.quote.exact);
    });
  });

  for (const [name, from, to] of [
    ['A (curly quotes, hyphenated, LF, 92 columns) to B (straight quotes, CRLF, 70 columns)', STYLE_A, STYLE_B],
    ['B to A', STYLE_B, STYLE_A],
  ] as const) {
    it(`finds every tag at its exact new position across two conversions of the same report: ${name}`, () => {
      const before = layOut(BLOCKS, from);
      const after = layOut(BLOCKS, to);
      const { tags, passages } = tagsOn(before);
      // The conversions really differ where it matters: tags cross page footers and hyphenated line breaks.
      const crossesFooter = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end).includes('February 2026');
      assert.ok(passages.some((p) => crossesFooter(before.text, before.range(p.start, p.end)) || crossesFooter(after.text, after.range(p.start, p.end))));
      assert.ok(passages.some((p) => /[a-z]-\r?\n/.test(before.text.slice(before.range(p.start, p.end).start, before.range(p.start, p.end).end)) || /[a-z]-\r?\n/.test(after.text.slice(after.range(p.start, p.end).start, after.range(p.start, p.end).end))));

      const result = reanchorTags(tags, after.text);
      assert.deepEqual(result.summary.orphaned, 0, JSON.stringify(result.results.filter((r) => r.status === 'orphaned')));
      result.tags.forEach((tag, i) => {
        const expected = after.range(passages[i]!.start, passages[i]!.end);
        assert.deepEqual(
          { start: tag.anchor.position.start, end: tag.anchor.position.end },
          expected,
          `${tag.id}: got "${slice(after.text, tag)}", wanted "${after.text.slice(expected.start, expected.end)}"`,
        );
        assert.equal(tag.anchor.quote.exact, after.text.slice(expected.start, expected.end));
      });
    });
  }

  it('orphans a tag whose quote now occurs twice with the same context far from where it was, rather than guess', () => {
    const repeated = 'Leaders must ensure that plans are reviewed. ';
    const oldText = 'Summary of findings. ' + repeated + 'x'.repeat(20) + ' Other text follows here and continues for a while.';
    const tag = tagOn('t', oldText, 'plans are reviewed');
    const block = 'Area one. ' + repeated + 'y'.repeat(20) + ' ';
    const newText = 'A new introduction. '.repeat(60) + block + 'Filler sentence. '.repeat(10) + block + 'End of report.';
    const result = reanchorTags([tag], newText);
    assert.equal(result.results[0]!.status, 'orphaned');
    assert.equal(result.results[0]!.reason, 'ambiguous');
    assert.equal(result.tags[0]!.orphaned, true);
    assert.deepEqual(result.tags[0]!.anchor, tag.anchor, 'the stored quote is kept');
  });

  it('chooses between two occurrences by their context', () => {
    const oldText = 'Help and protection: good. Plans are reviewed regularly by managers. Children in care: good.';
    const tag = tagOn('t', oldText, 'Plans are reviewed regularly');
    const newText =
      'Care leavers: good. Plans are reviewed regularly by advisers. ' + 'More words here. '.repeat(20) + 'Help and protection: good. Plans are reviewed regularly by managers. Children in care: good.';
    const result = reanchorTags([tag], newText);
    assert.equal(result.results[0]!.status, 'moved');
    assert.equal(result.tags[0]!.anchor.position.start, newText.lastIndexOf('Plans are reviewed regularly'));
  });

  it('follows a lightly reworded passage, but orphans one rewritten beyond the bar', () => {
    const passage = 'Return home interviews are not always offered in a timely way, and the information they gather is not routinely used.';
    const oldText = 'Missing children. ' + passage + ' Leaders recognise this.';
    const tag = tagOn('t', oldText, passage);

    const reworded = 'Return home interviews are not always offered in a timely manner, and the information they gather is not routinely used.';
    const lightly = 'Missing children. ' + reworded + ' Leaders recognise this.';
    const found = reanchorTags([tag], lightly);
    assert.equal(found.results[0]!.status, 'moved');
    assert.equal(found.results[0]!.method, 'approximate');
    assert.equal(slice(lightly, found.tags[0]!), reworded);

    const rewritten = 'Missing children. When children go missing, they are now always offered a prompt conversation on their return. Leaders recognise this.';
    const lost = reanchorTags([tag], rewritten);
    assert.equal(lost.results[0]!.status, 'orphaned');
    assert.equal(lost.results[0]!.reason, 'not-found');
    assert.equal(lost.tags[0]!.anchor.quote.exact, passage);
  });

  it('retries tags that were orphaned before and clears the flag and its reason when found', () => {
    const text = 'The virtual school has a strong focus on attendance and attainment.';
    const orphan: Tag = { ...tagOn('t', text, 'strong focus on attendance'), orphaned: true, orphanReason: 'Its words are no longer in the report, not even slightly reworded.' };
    const newText = 'Education. ' + text;
    const result = reanchorTags([orphan], newText);
    assert.equal(result.results[0]!.status, 'moved');
    assert.equal(result.tags[0]!.orphaned, undefined);
    // The reason it was orphaned goes with the flag: the Tags view and the file say nothing stale.
    assert.equal(result.tags[0]!.orphanReason, undefined);
    assert.equal(slice(newText, result.tags[0]!), 'strong focus on attendance');
  });

  it('finds a tagged title that is also printed in every page footer', () => {
    const a = layOut(BLOCKS, STYLE_A);
    const title = "Inspection of Wexcombe local authority children\u2019s services";
    const tag = tagAt('title', a.text, 0, title.length);
    const b = layOut(BLOCKS, STYLE_B);
    const result = reanchorTags([tag], 'Ofsted\r\n\r\n' + b.text);
    assert.equal(result.results[0]!.status, 'moved');
    assert.equal(result.tags[0]!.anchor.position.start, 'Ofsted\r\n\r\n'.length);
  });

  it('orphans a tag with an empty quote with a reason, and loses nothing', () => {
    const tag = tagAt('t', 'abc', 1, 1);
    const result = reanchorTags([tag], 'xyz');
    assert.equal(result.results[0]!.reason, 'empty-quote');
    assert.deepEqual(result.tags[0]!.anchor, tag.anchor);
  });

  it('orphans a short quote found away from its place with nothing around it that matches', () => {
    const oldText = 'The experiences and progress of children in care: good. Leaders are effective.';
    const tag = tagOn('t', oldText, 'good');
    const newText = 'Something entirely different is written here now. '.repeat(5) + 'It is good to read.';
    const result = reanchorTags([tag], newText);
    assert.equal(result.results[0]!.status, 'orphaned');
  });

  it('copes with a malformed stored position: found again by its quote', () => {
    const text = 'Leaders know their services well. Staff feel valued.';
    const tag = tagOn('t', text, 'Staff feel valued');
    const broken: Tag = { ...tag, anchor: { ...tag.anchor, position: { start: Number.NaN, end: -3, unit: 'utf-16' } } };
    const result = reanchorTags([broken], text);
    assert.equal(result.results[0]!.status, 'moved');
    assert.equal(slice(text, result.tags[0]!), 'Staff feel valued');
  });

  it('follows a reworded passage whose paragraph moved beyond the search window', () => {
    const random = seededRandom(5);
    const filler = (n: number) => Array.from({ length: n }, () => sentence(random)).join(' ');
    const before = filler(15);
    const after = filler(90);
    const paragraph = (middle: string) => `Foster carers receive regular supervision. ${middle} Placement stability has improved.`;
    const passage = 'Their training is tailored to the needs of the children they look after, including disabled children.';
    const oldText = `${before}\n\n${paragraph(passage)}\n\n${after}`;
    const tag = tagOn('t', oldText, passage);
    const reworded = 'Their training is tailored to the needs of the children they care for, including disabled children.';
    const newText = `${after}\n\n${paragraph(reworded)}\n\n${before}`;
    const result = reanchorTags([tag], newText, { searchWindow: 500 });
    assert.ok(Math.abs(newText.indexOf(reworded) - tag.anchor.position.start) > 4000);
    assert.equal(result.results[0]!.status, 'moved');
    assert.equal(result.results[0]!.method, 'approximate');
    assert.equal(slice(newText, result.tags[0]!), reworded);
  });

  it('finds a slightly reworded sentence across two conversions, at its exact new place', () => {
    const before = layOut(BLOCKS, STYLE_A);
    const edited = BLOCKS.map((b) => (b.number === '7' ? { ...b, body: b.body.replace('a long way from', 'far away from') } : b));
    const after = layOut(edited, STYLE_B);
    const sentence7 = 'Too many older children live in placements a long way from their families, friends and schools.';
    const at = before.source.indexOf(sentence7);
    const range = before.range(at, at + sentence7.length);
    const tag = tagAt('t', before.text, range.start, range.end);
    const result = reanchorTags([tag], after.text);
    assert.equal(result.results[0]!.method, 'approximate');
    const newSentence = 'Too many older children live in placements far away from their families, friends and schools.';
    const newAt = after.source.indexOf(newSentence);
    assert.deepEqual(
      { start: result.tags[0]!.anchor.position.start, end: result.tags[0]!.anchor.position.end },
      after.range(newAt, newAt + newSentence.length),
    );
  });
});
