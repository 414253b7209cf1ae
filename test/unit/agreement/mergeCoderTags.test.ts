// Merging another coder's tags file of the same report: authorship kept, nothing lost, nothing doubled.

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnchor, mergeCoderTags, type Sidecar, type Tag, textHash } from '../../../src/core';
import { runCliProcess } from '../hostile/cliProcess';

const TEXT = `2. Too many children wait too long for permanence; plans drift after review.\n\n3. Leaders have improved the sufficiency of local foster placements.\n`;

let next = 0;
function tag(author: string, words: string, themes: string[], text = TEXT, extra: Partial<Tag> = {}): Tag {
  const start = text.indexOf(words);
  next++;
  return { id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`, themes: themes.map((id) => ({ id, label: id })), author, created: '2026-03-01T10:00:00.000Z', modified: '2026-03-01T10:00:00.000Z', anchor: createAnchor(text, start, start + words.length), ...extra };
}

function sidecar(tags: Tag[], text = TEXT): Sidecar {
  return { format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'Brackenford.txt', textHash: textHash(text) }, tags };
}

describe('merging another coder\'s tags', () => {
  it('adds the other coder\'s tags with their author, and keeps one copy of a tag both files hold', () => {
    const mine = tag('Amira', 'wait too long', ['cc.permanence']);
    const shared = tag('Ben', 'plans drift', ['cc.planning']);
    const own = sidecar([mine, shared]);
    const theirs = sidecar([shared, tag('Ben', 'wait too long', ['cc.permanence']), tag('Ben', 'foster placements', ['cc.sufficiency'])]);
    const { sidecar: merged, summary } = mergeCoderTags(own, theirs, TEXT);
    assert.deepEqual(merged.tags.map((t) => `${t.author}:${t.anchor.quote.exact}`), ['Amira:wait too long', 'Ben:plans drift', 'Ben:wait too long', 'Ben:foster placements']);
    assert.deepEqual({ ...summary }, { added: 2, updated: 0, duplicates: 1, orphaned: 0, ownReanchored: false });
    assert.equal(own.tags.length, 2, 'the inputs are left as they were');
  });

  it('the same coder, passage and themes under another id is one tag; a different theme set is another', () => {
    const own = sidecar([tag('Ben', 'plans drift', ['a', 'b'])]);
    const theirs = sidecar([tag('Ben', 'plans drift', ['b', 'a']), tag('Ben', 'plans drift', ['a'])]);
    const { sidecar: merged, summary } = mergeCoderTags(own, theirs, TEXT);
    assert.equal(merged.tags.length, 2);
    assert.deepEqual([summary.added, summary.duplicates], [1, 1]);
  });

  it('the same id: the newer copy wins', () => {
    const older = tag('Ben', 'plans drift', ['a']);
    const newer = { ...older, themes: [{ id: 'b', label: 'b' }], modified: '2026-03-02T10:00:00.000Z' };
    const forward = mergeCoderTags(sidecar([older]), sidecar([newer]), TEXT);
    assert.deepEqual(forward.sidecar.tags.map((t) => t.themes[0]!.id), ['b']);
    assert.equal(forward.summary.updated, 1);
    const backward = mergeCoderTags(sidecar([newer]), sidecar([older]), TEXT);
    assert.deepEqual(backward.sidecar.tags.map((t) => t.themes[0]!.id), ['b']);
    assert.equal(backward.summary.duplicates, 1);
  });

  it('a newer copy whose words are not in this text replaces the older one orphaned, and is counted as orphaned', () => {
    const older = tag('Ben', 'plans drift', ['a']);
    // The colleague's copy, made on another text of the report, quotes words this text does not have.
    const otherText = TEXT.replace('plans drift after review', 'plans are revisited each quarter');
    const newer: Tag = { ...tag('Ben', 'revisited each quarter', ['b'], otherText), id: older.id, modified: '2026-03-02T10:00:00.000Z' };
    const { sidecar: merged, summary } = mergeCoderTags(sidecar([older]), sidecar([newer], otherText), TEXT);
    assert.equal(merged.tags.length, 1);
    assert.equal(merged.tags[0]!.orphaned, true);
    assert.equal(merged.tags[0]!.anchor.quote.exact, 'revisited each quarter', 'its own words are kept, not the older copy\'s');
    assert.deepEqual([summary.added, summary.updated, summary.orphaned], [0, 1, 1]);
  });

  it('tags made on another text of the report are found again in this one; the lost come in orphaned, not dropped', () => {
    // The other copy was made when the report began with a line since removed: its offsets are all off by that line.
    const oldText = `Draft addendum: a sentence since removed.\n\n${TEXT}`;
    const theirs = sidecar([tag('Ben', 'foster placements', ['s'], oldText), tag('Ben', 'a sentence since removed', ['x'], oldText)], oldText);
    const { sidecar: merged, summary } = mergeCoderTags(sidecar([]), theirs, TEXT);
    const found = merged.tags.find((t) => t.themes[0]!.id === 's')!;
    assert.equal(TEXT.slice(found.anchor.position.start, found.anchor.position.end), 'foster placements');
    assert.equal(merged.tags.find((t) => t.themes[0]!.id === 'x')?.orphaned, true);
    assert.deepEqual([summary.added, summary.orphaned], [2, 1]);
    assert.equal(merged.report.textHash, textHash(TEXT));
  });

  it('report merge-tags writes the merge into the report\'s tags file and leaves the other file alone', async function () {
    this.timeout(60000);
    const dir = mkdtempSync(join(tmpdir(), 'merge-tags-'));
    try {
      writeFileSync(join(dir, 'Brackenford.txt'), TEXT);
      writeFileSync(join(dir, 'Brackenford.txt.tags.json'), JSON.stringify(sidecar([tag('Amira', 'wait too long', ['cc.permanence'])])));
      const otherText = JSON.stringify(sidecar([tag('Ben', 'wait too long', ['cc.permanence'])]));
      writeFileSync(join(dir, 'ben.tags.json'), otherText);
      const run = await runCliProcess(dir, 'merge-tags', 'Brackenford.txt', 'ben.tags.json');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /1 added, 0 updated to a newer copy, 0 already there/);
      const written = JSON.parse(readFileSync(join(dir, 'Brackenford.txt.tags.json'), 'utf8')) as Sidecar;
      assert.deepEqual(written.tags.map((t) => t.author).sort(), ['Amira', 'Ben']);
      assert.equal(readFileSync(join(dir, 'ben.tags.json'), 'utf8'), otherText);
      const again = await runCliProcess(dir, 'merge-tags', 'Brackenford.txt', 'ben.tags.json', '--json');
      assert.deepEqual(JSON.parse(again.stdout), { sidecar: join(dir, 'Brackenford.txt.tags.json'), added: 0, updated: 0, duplicates: 1, orphaned: 0 });
      writeFileSync(join(dir, 'broken.tags.json'), '{ "format": ');
      const broken = await runCliProcess(dir, 'merge-tags', 'Brackenford.txt', 'broken.tags.json');
      assert.equal(broken.code, 6);
      assert.match(broken.stderr, /nothing was merged/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
