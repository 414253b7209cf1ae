import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { ReportTagSession, TaggingPausedError } from '../../../src/core/tags/reportTagSession';
import { SidecarStore } from '../../../src/core/tags/sidecar/sidecarStore';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import type { Sidecar, Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { conflicted, makeSidecar, makeTag, REPORT_TEXT } from '../sidecar/helpers';

const ROOT = '/ws';
const REPORT = '/ws/reports/northmoor.txt';
const SIDECAR = `${REPORT}.tags.json`;
const PERMANENCE = [{ id: 'cc.permanence', label: 'Permanence' }];
const NOW = '2026-03-01T09:00:00.000Z';

function setup(files: Record<string, string> = {}) {
  const fs = new MemoryFileSystem({ [REPORT]: REPORT_TEXT, ...files });
  const store = new SidecarStore(fs, { allowedRoots: [ROOT] });
  let text = REPORT_TEXT;
  const session = new ReportTagSession(store, REPORT, { operationOptions: () => ({ now: NOW, author: 'QA officer' }) });
  return {
    fs,
    store,
    session,
    text: () => text,
    setText: (t: string) => (text = t),
    onDisk: (): Sidecar | undefined => {
      const raw = fs.get(SIDECAR);
      return raw === undefined ? undefined : (JSON.parse(raw) as Sidecar);
    },
  };
}

function range(text: string, exact: string): { start: number; end: number } {
  const start = text.indexOf(exact);
  assert.ok(start >= 0, `"${exact}" not in text`);
  return { start, end: start + exact.length };
}

const noContext = () => ({ section: 'Test section' });

describe('ReportTagSession', () => {
  it('an untagged report gets no sidecar until the first tag, which is written at once with its quote', async () => {
    const t = setup();
    assert.equal((await t.session.open(t.text)).status.kind, 'untagged');
    assert.equal(t.fs.get(SIDECAR), undefined);
    // Selected with the space and line break around the words: the tag covers the words only.
    const exact = 'Too many children wait too long for permanence; plans drift after review.';
    const r = range(REPORT_TEXT, exact);
    const tag = await t.session.addTag(t.text, { start: r.start - 1, end: r.end + 1 }, PERMANENCE, 'Drift after review', noContext);
    assert.equal(t.session.status.kind, 'ready');
    const disk = t.onDisk()!;
    assert.equal(disk.tags.length, 1);
    assert.equal(disk.tags[0]!.id, tag.id);
    assert.equal(disk.tags[0]!.anchor.quote.exact, exact);
    assert.deepEqual(disk.tags[0]!.anchor.position, { start: r.start, end: r.end, unit: 'utf-16' });
    assert.equal(disk.tags[0]!.note, 'Drift after review');
    assert.equal(disk.tags[0]!.author, 'QA officer');
    assert.deepEqual(disk.tags[0]!.context, { section: 'Test section' });
    assert.equal(disk.report.fileName, 'northmoor.txt');
  });

  it('an empty or blank selection is refused with a message and nothing is written', async () => {
    const t = setup();
    await t.session.open(t.text);
    const nl = REPORT_TEXT.indexOf('\n\n');
    await assert.rejects(t.session.addTag(t.text, { start: nl, end: nl + 2 }, PERMANENCE, undefined, noContext), /Select the words to tag/);
    assert.equal(t.fs.get(SIDECAR), undefined);
  });

  it('typing shifts tags in memory; the shifted positions reach the disk when the report is saved', async () => {
    const t = setup();
    await t.session.open(t.text);
    const exact = 'Leaders have recently strengthened';
    await t.session.addTag(t.text, range(REPORT_TEXT, exact), PERMANENCE, undefined, noContext);
    const before = t.onDisk()!.tags[0]!.anchor.position.start;
    const insert = 'NEW LINE OF TEXT\n';
    const newText = insert + REPORT_TEXT;
    t.setText(newText);
    assert.equal(t.session.applyChanges([{ rangeOffset: 0, rangeLength: 0, text: insert }], t.text), true);
    assert.equal(t.session.tags[0]!.anchor.position.start, before + insert.length);
    assert.equal(t.onDisk()!.tags[0]!.anchor.position.start, before, 'text edits are written on save, not while typing');
    t.fs.set(REPORT, newText); // the editor saved the report
    assert.equal(await t.session.saveReport(t.text), true);
    const disk = t.onDisk()!;
    assert.equal(disk.tags[0]!.anchor.position.start, before + insert.length);
    assert.equal(newText.slice(disk.tags[0]!.anchor.position.start, disk.tags[0]!.anchor.position.end), exact);
    assert.notEqual(disk.report.textHash, makeSidecar().report.textHash, 'the hash follows the saved text');
  });

  it('re-anchors when the report changed outside the editor, and says how many tags moved or were orphaned', async () => {
    const sidecar = makeSidecar([makeTag('a', 'Social workers in Northmoor visit children regularly'), makeTag('b', 'strengthened the quality assurance framework')]);
    const changed = 'A new first line.\n' + REPORT_TEXT.replace('strengthened the quality assurance framework', 'reorganised the front door');
    const t = setup({ [SIDECAR]: serialiseSidecar(sidecar) });
    t.setText(changed);
    const outcome = await t.session.open(t.text);
    assert.equal(outcome.status.kind, 'ready');
    assert.deepEqual(outcome.reanchored, { stayed: 0, moved: 1, orphaned: 1 });
    const a = t.session.tag('a')!;
    assert.equal(changed.slice(a.anchor.position.start, a.anchor.position.end), 'Social workers in Northmoor visit children regularly');
    assert.equal(t.session.tag('b')!.orphaned, true);
    assert.equal(t.session.tag('b')!.anchor.quote.exact, 'strengthened the quality assurance framework', 'an orphan keeps its quote');
  });

  it('a malformed sidecar pauses tagging and is never overwritten', async () => {
    const broken = '{ "format": "inspection-report-annotator/tags", "tags": [ oops ';
    const t = setup({ [SIDECAR]: broken });
    const outcome = await t.session.open(t.text);
    assert.equal(outcome.status.kind, 'paused');
    assert.match(outcome.status.kind === 'paused' ? outcome.status.message : '', /northmoor\.txt\.tags\.json/);
    await assert.rejects(t.session.addTag(t.text, range(REPORT_TEXT, 'Leaders have'), PERMANENCE, undefined, noContext), TaggingPausedError);
    assert.equal(await t.session.saveReport(t.text), false);
    assert.equal(t.fs.get(SIDECAR), broken);
  });

  it('a sidecar with git conflict markers pauses tagging until repaired with both sides kept', async () => {
    const ours = serialiseSidecar(makeSidecar([makeTag('a', 'Social workers in Northmoor')]));
    const theirs = serialiseSidecar(makeSidecar([makeTag('b', 'Leaders have recently')]));
    const t = setup({ [SIDECAR]: conflicted(ours, theirs) });
    const outcome = await t.session.open(t.text);
    assert.deepEqual(outcome.status.kind === 'paused' && outcome.status.reason, 'conflict');
    const repaired = await t.session.repair(t.text);
    assert.equal(repaired.status.kind, 'ready');
    assert.deepEqual(t.session.tags.map((x) => x.id).sort(), ['a', 'b']);
    assert.deepEqual(t.onDisk()!.tags.map((x) => x.id).sort(), ['a', 'b']);
  });

  it('a sidecar of a newer format version is shown but never written', async () => {
    const newer = serialiseSidecar({ ...makeSidecar([makeTag('a', 'Social workers in Northmoor')]), version: 99 });
    const t = setup({ [SIDECAR]: newer });
    const outcome = await t.session.open(t.text);
    assert.deepEqual(outcome.status.kind === 'paused' && outcome.status.reason, 'read-only');
    assert.deepEqual(t.session.tags.map((x) => x.id), ['a']);
    await assert.rejects(t.session.removeTag(t.text, 'a'), /newer version/);
    assert.equal(t.fs.get(SIDECAR), newer);
  });

  it('our own write coming back from the file watcher changes nothing; another writer’s tag is merged in', async () => {
    const t = setup();
    await t.session.open(t.text);
    await t.session.addTag(t.text, range(REPORT_TEXT, 'Leaders have recently'), PERMANENCE, undefined, noContext);
    assert.equal((await t.session.reload(t.text)).changed, false);
    // Another window adds a tag while we have an unsaved shift of ours.
    const disk = t.onDisk()!;
    const other: Tag = makeTag('other', 'Social workers in Northmoor');
    t.fs.set(SIDECAR, serialiseSidecar({ ...disk, tags: [...disk.tags, other] }));
    const insert = 'Typed. ';
    const at = REPORT_TEXT.indexOf('3. Leaders');
    t.setText(REPORT_TEXT.slice(0, at) + insert + REPORT_TEXT.slice(at));
    t.session.applyChanges([{ rangeOffset: at, rangeLength: 0, text: insert }], t.text);
    const outcome = await t.session.reload(t.text);
    assert.equal(outcome.changed, true);
    const ours = t.session.tags.find((x) => x.id !== 'other')!;
    assert.equal(t.text().slice(ours.anchor.position.start, ours.anchor.position.end), 'Leaders have recently', 'our unsaved shift is kept');
    assert.ok(t.session.tag('other'), 'the other window’s tag arrives');
  });

  it('a sidecar deleted while the report is open: tags kept in memory, not silently recreated, saved again on request', async () => {
    const t = setup();
    await t.session.open(t.text);
    await t.session.addTag(t.text, range(REPORT_TEXT, 'Leaders have recently'), PERMANENCE, undefined, noContext);
    await t.fs.delete(SIDECAR);
    const outcome = await t.session.reload(t.text);
    assert.deepEqual(outcome.status.kind === 'paused' && outcome.status.reason, 'sidecar-deleted');
    assert.equal(t.session.tags.length, 1);
    assert.equal(await t.session.saveReport(t.text), false);
    assert.equal(t.fs.get(SIDECAR), undefined);
    await t.session.recreate(t.text);
    assert.equal(t.onDisk()!.tags.length, 1);
    assert.equal(t.session.status.kind, 'ready');
  });

  it('edits made while a tag is being written are not lost', async () => {
    const t = setup();
    await t.session.open(t.text);
    await t.session.addTag(t.text, range(REPORT_TEXT, 'Leaders have recently'), PERMANENCE, undefined, noContext);
    const insert = 'XX ';
    let typed = false;
    t.fs.beforeWrite = () => {
      if (typed) return;
      typed = true;
      t.setText(insert + REPORT_TEXT);
      t.session.applyChanges([{ rangeOffset: 0, rangeLength: 0, text: insert }], t.text);
    };
    await t.session.addTag(t.text, range(REPORT_TEXT, 'Social workers in Northmoor'), PERMANENCE, undefined, noContext);
    assert.equal(t.session.tags.length, 2);
    const first = t.session.tags.find((x) => x.anchor.quote.exact === 'Leaders have recently')!;
    assert.equal(t.text().slice(first.anchor.position.start, first.anchor.position.end), 'Leaders have recently');
  });

  it('edit, remove, restore, orphan deletion and re-attachment write at once', async () => {
    const t = setup({ [SIDECAR]: serialiseSidecar(makeSidecar([makeTag('a', 'Social workers in Northmoor'), makeTag('o', 'Social workers', { orphaned: true, anchor: { position: { start: 0, end: 15, unit: 'utf-16' }, quote: { exact: 'words long gone', prefix: '', suffix: '' } } })])) });
    await t.session.open(t.text);
    await t.session.editTag(t.text, 'a', { note: 'Good practice example' });
    assert.equal(t.onDisk()!.tags.find((x) => x.id === 'a')!.note, 'Good practice example');
    await assert.rejects(t.session.deleteOrphan(t.text, 'a'), /not orphaned/);
    await t.session.reattachTag(t.text, 'o', range(REPORT_TEXT, 'plans drift after review'), noContext);
    const o = t.onDisk()!.tags.find((x) => x.id === 'o')!;
    assert.equal(o.orphaned, undefined);
    assert.equal(o.anchor.quote.exact, 'plans drift after review');
    const a = t.session.tag('a')!;
    await t.session.removeTag(t.text, 'a');
    assert.deepEqual(t.onDisk()!.tags.map((x) => x.id), ['o']);
    await t.session.restoreTag(t.text, a);
    assert.deepEqual(t.onDisk()!.tags.map((x) => x.id).sort(), ['a', 'o']);
  });

  it('follows the report when it is renamed', async () => {
    const t = setup({ [SIDECAR]: serialiseSidecar(makeSidecar([makeTag('a', 'Social workers in Northmoor')])) });
    await t.session.open(t.text);
    t.fs.set('/ws/reports/northmoor-2025.txt', REPORT_TEXT);
    await t.fs.delete(REPORT);
    assert.equal(await t.session.moveTo('/ws/reports/northmoor-2025.txt'), true);
    assert.equal(t.fs.get(SIDECAR), undefined);
    const moved = JSON.parse(t.fs.get('/ws/reports/northmoor-2025.txt.tags.json')!) as Sidecar;
    assert.equal(moved.report.fileName, 'northmoor-2025.txt');
    assert.deepEqual(moved.tags.map((x) => x.id), ['a']);
    await t.session.editTag(t.text, 'a', { note: 'after the rename' });
    assert.equal((JSON.parse(t.fs.get('/ws/reports/northmoor-2025.txt.tags.json')!) as Sidecar).tags[0]!.note, 'after the rename');
  });
});
