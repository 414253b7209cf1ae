// A tags file that is a symbolic link (kept in a shared store, say): a save used to rename its temp file over the
// link, so the link became a plain file and the file it led to silently stopped getting tags. Now a save writes
// through the link (temp file and rename beside the link's target), and a dangling link or a loop is refused with a
// message, the link left as it is. Real files in a temp folder: links are what users have on disk.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IFileSystem } from '../../../src/core/platform/fs/fileSystem';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import type { Sidecar } from '../../../src/core/tags/sidecar/sidecarModel';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { SidecarStore, SidecarStoreError } from '../../../src/core/tags/sidecar/sidecarStore';
import { addTag } from '../../../src/core/tags/tagOperations';
import { anchorFor, conflicted, makeSidecar, makeTag, REPORT_TEXT } from './helpers';
import { runCliProcess } from '../hostile/cliProcess';

function add(exact: string, id: string) {
  return (s: Sidecar) => addTag(s, { id, anchor: anchorFor(REPORT_TEXT, exact), themes: [{ id: 'permanence', label: 'Permanence' }] }).sidecar;
}

function tagIds(path: string): string[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as Sidecar).tags.map((t) => t.id).sort();
}

async function rejectsWith(promise: Promise<unknown>, kind: string, fault: string | undefined, message: RegExp) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof SidecarStoreError, String(e));
    assert.equal(e.kind, kind);
    assert.equal(e.fault, fault);
    assert.match(e.message, message);
    return true;
  });
}

describe('SidecarStore: a tags file that is a symbolic link', () => {
  let dir: string;
  let ws: string;
  let report: string;
  let link: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sidecar-link-'));
    ws = join(dir, 'ws');
    mkdirSync(join(ws, 'store'), { recursive: true });
    report = join(ws, 'report.txt');
    link = `${report}.tags.json`;
    writeFileSync(report, REPORT_TEXT);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const store = () => new SidecarStore(new NodeFileSystem(), { allowedRoots: [ws] });

  it('writes through the link: it stays a link, its target (in another folder) gets the tags, no temp file is left', async () => {
    const target = join(ws, 'store', 'report.json');
    writeFileSync(target, serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly')])));
    symlinkSync(join('store', 'report.json'), link);
    const saved = await store().save(report, add('plans drift', 't2'));
    assert.equal(saved.status, 'written');
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link was replaced by a plain file');
    assert.equal(readlinkSync(link), join('store', 'report.json'));
    assert.deepEqual(tagIds(target), ['t1', 't2']);
    assert.deepEqual(readdirSync(ws).sort(), ['report.txt', 'report.txt.tags.json', 'store']);
    assert.deepEqual(readdirSync(join(ws, 'store')), ['report.json']);
  });

  it('the automatic repair of a conflicted file writes through the link too', async () => {
    const target = join(ws, 'store', 'report.json');
    const ours = serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly')]));
    const theirs = serialiseSidecar(makeSidecar([makeTag('t2', 'plans drift')]));
    writeFileSync(target, conflicted(ours, theirs));
    symlinkSync(target, link);
    await store().acceptRepair(report);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.deepEqual(tagIds(target), ['t1', 't2']);
  });

  it('a dangling link is refused: nothing is created, the link is left as it is', async () => {
    symlinkSync('missing.json', link);
    await rejectsWith(store().save(report, add('plans drift', 't1')), 'symbolic-link', 'not-found', /^report\.txt\.tags\.json is a symbolic link to a file that does not exist \(a dangling link\), so nothing was saved/);
    assert.equal(readlinkSync(link), 'missing.json');
    assert.equal(existsSync(join(ws, 'missing.json')), false);
    assert.deepEqual(readdirSync(ws).sort(), ['report.txt', 'report.txt.tags.json', 'store']);
  });

  it('a renamed report takes its linked tags file along as a link: the target keeps being the file updated', async () => {
    const target = join(ws, 'store', 'report.json');
    writeFileSync(target, serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly')])));
    symlinkSync(join('store', 'report.json'), link);
    const renamed = join(ws, 'renamed.txt');
    renameSync(report, renamed);
    assert.equal(await store().moveSidecar(report, renamed), true);
    assert.ok(lstatSync(`${renamed}.tags.json`).isSymbolicLink(), 'the link was replaced by a plain file');
    assert.equal(existsSync(link), false);
    assert.equal((JSON.parse(readFileSync(target, 'utf8')) as Sidecar).report.fileName, 'renamed.txt');
    await store().save(renamed, add('plans drift', 't2'));
    assert.deepEqual(tagIds(target), ['t1', 't2']);
  });

  it('a relative link the move would break (another folder) is left where it is, and the move refused', async () => {
    const target = join(ws, 'store', 'report.json');
    const before = serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly')]));
    writeFileSync(target, before);
    symlinkSync(join('store', 'report.json'), link);
    mkdirSync(join(ws, 'elsewhere'));
    const moved = join(ws, 'elsewhere', 'report.txt');
    renameSync(report, moved);
    await rejectsWith(store().moveSidecar(report, moved), 'symbolic-link', undefined, /is a symbolic link that would no longer lead to .* so it was left where it is; move the link by hand/);
    assert.equal(readlinkSync(link), join('store', 'report.json'));
    assert.equal(readFileSync(target, 'utf8'), before);
  });

  it('a link loop is refused with a message, not a crash', async () => {
    symlinkSync('report.txt.tags.json', link);
    await rejectsWith(store().save(report, add('plans drift', 't1')), 'symbolic-link', 'symlink-loop', /^report\.txt\.tags\.json: symbolic links lead round in a loop, so nothing was saved/);
    assert.equal(readlinkSync(link), 'report.txt.tags.json');
  });
});

describe('SidecarStore: a link on a file system that cannot follow links (workspace.fs away from the local disk)', () => {
  it('is refused rather than replaced by a plain file', async () => {
    const memory = new MemoryFileSystem({ '/ws/report.txt': REPORT_TEXT, '/ws/store.json': serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly')])) });
    memory.symlink('/ws/store.json', '/ws/report.txt.tags.json');
    // What VscodeFileSystem does for a remote workspace: it knows a link (the stat's SymbolicLink bit), cannot resolve it.
    const remote: IFileSystem = Object.assign(Object.create(memory) as MemoryFileSystem, { realpath: async (path: string) => path });
    const store = new SidecarStore(remote, { allowedRoots: ['/ws'] });
    await rejectsWith(store.save('/ws/report.txt', add('plans drift', 't2')), 'symbolic-link', undefined, /cannot follow: saving would replace the link with a plain file, so nothing was saved/);
    assert.equal(memory.links.get('/ws/report.txt.tags.json'), '/ws/store.json');
  });
});

describe('CLI: report tag on a symlinked tags file (end to end)', function () {
  this.timeout(60_000);
  const W = 'westmere-ilacs-2025.txt';
  let dir: string;

  const run = (...args: string[]) => runCliProcess(dir, ...args);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-link-'));
    copyFileSync(resolve('samples', W), join(dir, W));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tags through the link: the link stays a link and store.json holds all 8 tags', async () => {
    copyFileSync(resolve('samples', `${W}.tags.json`), join(dir, 'store.json'));
    symlinkSync('store.json', join(dir, `${W}.tags.json`));
    const result = await run('tag', W, '--theme', 'hp.front-door', '--quote', 'Care leavers are well supported');
    assert.equal(result.code, 0, result.stderr);
    assert.ok(lstatSync(join(dir, `${W}.tags.json`)).isSymbolicLink(), 'the link was replaced by a plain file');
    const tags = (JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')) as Sidecar).tags;
    assert.equal(tags.length, 8);
    assert.ok(tags.some((t) => t.anchor.quote.exact === 'Care leavers are well supported'));
    assert.deepEqual(readdirSync(dir).sort(), ['store.json', W, `${W}.tags.json`].sort());
  });

  it('a dangling link exits 3 with a message, and stays a dangling link', async () => {
    symlinkSync('store.json', join(dir, `${W}.tags.json`));
    const result = await run('tag', W, '--theme', 'hp.front-door', '--quote', 'Care leavers are well supported');
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stderr, /westmere-ilacs-2025\.txt\.tags\.json is a symbolic link to a file that does not exist \(a dangling link\)/);
    assert.equal(readlinkSync(join(dir, `${W}.tags.json`)), 'store.json');
    assert.equal(existsSync(join(dir, 'store.json')), false);
  });
});
