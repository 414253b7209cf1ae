// Report text with a BOM, CRLF, tabs, curly quotes, emoji (astral characters, surrogate pairs), right-to-left
// scripts and combining marks: a tag's anchor, saved to disk and read back, slices the report at exactly the words
// tagged (UTF-16 offsets, as VS Code counts), through typing, through an outside change, and through the CLI.

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { createAnchor } from '../../../src/core/tags/anchoring/anchorCreation';
import { reanchorTags } from '../../../src/core/tags/anchoring/reanchoring';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { ReportTagSession } from '../../../src/core/tags/reportTagSession';
import { SidecarStore } from '../../../src/core/tags/sidecar/sidecarStore';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import type { Sidecar, Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { runCliProcess } from './cliProcess';

const ROOT = '/ws';
const REPORT = '/ws/ashgrove.txt';
const SIDECAR = `${REPORT}.tags.json`;
const THEMES = [{ id: 'voice', label: 'Voice of the child' }];

/** An invented letter with every awkward character class in it, CRLF line endings and a byte order mark. */
const TEXT = [
  '\ufeffFocused visit to Ashgrove local authority children’s services',
  '',
  'Inspection dates: 3 to 4 March 2026',
  '',
  '1.\tChildren said: “my worker listens 👂 and comes back when she says” — a view the inspectors heard often.',
  '2.\tA family wrote in Arabic: «العائلة راضية عن الدعم» and in Hebrew: ‏המשפחה מרוצה‏ about the help they had.',
  '3.\tTeenagers’ feedback used emoji: 👩🏽‍🦱👍🏿 and 🧒🏻; managers ‘noted’ this in the Café de l’Enfance (e\u0301te\u0301).',
  '4.\tPlans for 🧑‍🍼 babies are reviewed\u00a0regularly.',
].join('\r\n');

const PASSAGES = [
  'my worker listens 👂 and comes back',
  '«العائلة راضية عن الدعم»',
  '‏המשפחה מרוצה‏',
  '👩🏽‍🦱👍🏿 and 🧒🏻',
  '‘noted’ this in the Café de l’Enfance (e\u0301te\u0301)',
  '🧑‍🍼 babies are reviewed\u00a0regularly',
];

function rangeOf(text: string, exact: string): { start: number; end: number } {
  const start = text.indexOf(exact);
  assert.ok(start >= 0, `"${exact}" is in the text`);
  return { start, end: start + exact.length };
}

function onDisk(fs: MemoryFileSystem): Sidecar {
  const parsed = parseSidecar(fs.get(SIDECAR)!, 'ashgrove.txt.tags.json');
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return parsed.sidecar;
}

function assertSlicesExactly(text: string, tags: readonly Tag[], expected: readonly string[]): void {
  assert.deepEqual(tags.map((t) => t.orphaned ?? false), expected.map(() => false), 'no tag orphaned');
  const sliced = tags.map((t) => text.slice(t.anchor.position.start, t.anchor.position.end)).sort();
  assert.deepEqual(sliced, [...expected].sort());
  for (const t of tags) {
    assert.equal(text.slice(t.anchor.position.start, t.anchor.position.end), t.anchor.quote.exact);
    assert.equal(t.anchor.position.unit, 'utf-16');
  }
}

describe('hostile input: Unicode and line endings in anchors', () => {
  it('the recognition engine reads the letter despite BOM, CRLF, tabs, emoji and RTL text', () => {
    const model = analyseReport(TEXT);
    assert.equal(model.kind, 'focused-visit');
    assert.equal(model.lineCount, 8);
    for (const p of model.paragraphs) assert.ok(p.range.end <= TEXT.length);
  });

  it('tags on emoji, RTL and combining-mark passages slice back exactly after saving, typing and an outside change', async () => {
    const fs = new MemoryFileSystem({ [REPORT]: TEXT });
    const store = new SidecarStore(fs, { allowedRoots: [ROOT] });
    let text = TEXT;
    const session = new ReportTagSession(store, REPORT, { operationOptions: () => ({ now: '2026-03-05T10:00:00.000Z' }) });
    await session.open(() => text);
    for (const passage of PASSAGES) await session.addTag(() => text, rangeOf(text, passage), THEMES, undefined, () => undefined);
    assertSlicesExactly(TEXT, onDisk(fs).tags, PASSAGES);

    // Typing in the editor: an emoji (two UTF-16 units) and an RTL word inserted above every passage.
    const insertion = '🔎 مراجعة ';
    const at = TEXT.indexOf('1.\t');
    text = TEXT.slice(0, at) + insertion + TEXT.slice(at);
    session.applyChanges([{ rangeOffset: at, rangeLength: 0, text: insertion }], () => text);
    fs.set(REPORT, text);
    await session.saveReport(() => text);
    assertSlicesExactly(text, onDisk(fs).tags, PASSAGES);
    assert.ok(onDisk(fs).tags.every((t) => t.anchor.position.start >= at + insertion.length));

    // Changed outside the editor while closed (converted to LF, a line of emoji added at the top), then opened
    // again: the text hash differs, so the tags are looked for again and found on their words.
    const outside = '🏠🏠🏠 Draft\n' + text.replace(/\r\n/g, '\n');
    fs.set(REPORT, outside);
    const reopened = new ReportTagSession(new SidecarStore(fs, { allowedRoots: [ROOT] }), REPORT);
    const outcome = await reopened.open(() => outside);
    assert.ok(outcome.reanchored, 'the tags were re-anchored');
    assertSlicesExactly(outside, reopened.tags, PASSAGES);
    await reopened.saveReport(() => outside);
    assertSlicesExactly(outside, onDisk(fs).tags, PASSAGES);
  });

  it('a tag found again approximately never ends inside a character: an accent rewritten as a combining mark stays with its letter', () => {
    const text = 'The service works with the local café owners and the youth club to reach children missing education.\n';
    const words = 'works with the local café';
    const at = text.indexOf(words);
    const tag: Tag = { id: '00000000-0000-4000-8000-00000000c0fe', themes: [{ id: 'ed.missing', label: 'Children missing education' }], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', anchor: createAnchor(text, at, at + words.length) };
    // The same words, the é now written as e and U+0301 (as some converters and keyboards do).
    const decomposed = text.replace('café', 'cafe\u0301');
    const { tags, results } = reanchorTags([tag], decomposed);
    assert.equal(results[0]!.method, 'approximate');
    assert.equal(tags[0]!.anchor.quote.exact, 'works with the local cafe\u0301');
    assert.equal(decomposed.slice(tags[0]!.anchor.position.start, tags[0]!.anchor.position.end), 'works with the local cafe\u0301');
  });

  it('an edit inside an emoji’s neighbourhood moves the tag by the right number of UTF-16 units', async () => {
    const fs = new MemoryFileSystem({ [REPORT]: TEXT });
    const store = new SidecarStore(fs, { allowedRoots: [ROOT] });
    let text = TEXT;
    const session = new ReportTagSession(store, REPORT);
    await session.open(() => text);
    const passage = '🧒🏻';
    await session.addTag(() => text, rangeOf(text, passage), THEMES, undefined, () => undefined);
    // Delete the emoji just before (a 7-unit ZWJ sequence plus 👍🏿, 4 units), then type a single astral character.
    const gone = '👩🏽‍🦱👍🏿';
    const at = text.indexOf(gone);
    text = text.slice(0, at) + '🙂' + text.slice(at + gone.length);
    session.applyChanges([{ rangeOffset: at, rangeLength: gone.length, text: '🙂' }], () => text);
    assertSlicesExactly(text, session.tags, [passage]);
  });

  it('the CLI tags an emoji passage of a CRLF, BOM file at UTF-16 offsets that slice back exactly', async function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'hostile-unicode-'));
    try {
      writeFileSync(join(dir, 'ashgrove.txt'), TEXT);
      const result = await runCliProcess(dir, 'tag', 'ashgrove.txt', '--theme', 'voice', '--quote', PASSAGES[3]!, '--json');
      assert.equal(result.code, 0, result.stderr);
      const tag = JSON.parse(result.stdout) as Tag;
      // The editor sees the text without its BOM (VS Code strips it), so offsets count from after it.
      const editorText = TEXT.slice(1);
      assert.equal(editorText.slice(tag.anchor.position.start, tag.anchor.position.end), PASSAGES[3]);
      const parsed = parseSidecar(readFileSync(join(dir, 'ashgrove.txt.tags.json'), 'utf8'), 'ashgrove.txt.tags.json');
      assert.ok(parsed.ok);
      assert.equal(parsed.sidecar.tags[0]!.anchor.quote.exact, PASSAGES[3]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
