// A key given twice in one object of a tags file: JSON.parse keeps the last, so the file used to pass every check
// and the next save dropped the first (a second "tags" list silently cost every tag of the first). Now the file is
// malformed: refused by everything that reads it, with the key and where it is, and never rewritten.

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { readSidecarForEvidence } from '../../../src/core/evidence/sidecarReading';
import { interpretSidecar } from '../../../src/core/evidence/readSidecar';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { SidecarStore, SidecarStoreError } from '../../../src/core/tags/sidecar/sidecarStore';
import { addTag } from '../../../src/core/tags/tagOperations';
import { anchorFor, makeSidecar, makeTag, REPORT_TEXT } from './helpers';
import { runCliProcess } from '../hostile/cliProcess';

const FILE = 'northmoor.txt.tags.json';

function twoTags(): string {
  return serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly'), makeTag('t2', 'Leaders have recently')]));
}

/** The file with a second, empty "tags" list added at the end of the top-level object (the tester's case). */
function withSecondTagsList(text: string): string {
  return text.replace(/\n}\n$/, ',\n  "tags": []\n}\n');
}

function rejected(text: string) {
  const result = parseSidecar(text, FILE);
  assert.equal(result.ok, false, 'expected the file to be rejected');
  return (result as Extract<typeof result, { ok: false }>).error;
}

/** 1-based line and column of the n-th (0-based) occurrence of `needle`. */
function whereIs(text: string, needle: string, n: number): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} #${n} not found`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('parseSidecar: a key given twice', () => {
  it('a second top-level "tags" list is refused, naming the key and both places', () => {
    const text = withSecondTagsList(twoTags());
    const error = rejected(text);
    const first = whereIs(text, '"tags"', 0);
    const second = whereIs(text, '"tags"', 1);
    assert.equal(error.kind, 'json');
    assert.equal(error.path, 'tags');
    assert.deepEqual({ line: error.line, column: error.column }, second);
    assert.equal(
      error.message,
      `${FILE} is not a valid tags file: the key "tags" appears twice in the top-level object, at line ${first.line}, column ${first.column} and again at line ${second.line}, column ${second.column}. ` +
        'Only the last would be read and the other lost on the next save, so the file was left as it is; merge the two by hand (or restore the file from version control) to tag this report again.',
    );
  });

  it('a key repeated inside a tag or an anchor is refused with its path', () => {
    const text = twoTags();
    const inTag = text.replace('"id": "t2",', '"id": "t2",\n      "note": "first",\n      "note": "second",');
    assert.equal(rejected(inTag).path, 'tags[1].note');
    assert.match(rejected(inTag).message, /the key "note" appears twice in tags\[1\], at line \d+, column 7 and again at line \d+, column 7\./);
    const inAnchor = text.replace('"exact": "visit children regularly",', '"exact": "visit children regularly",\n          "exact": "visit",');
    assert.equal(rejected(inAnchor).path, 'tags[0].anchor.quote.exact');
    const inReport = text.replace('"report": {', '"report": {\n    "fileName": "other.txt",');
    assert.equal(rejected(inReport).path, 'report.fileName');
  });

  it('a key spelt with an escape is the same key to JSON.parse, and so a duplicate', () => {
    const error = rejected(withSecondTagsList(twoTags()).replace(/"tags": \[\]\n}\n$/, '"t\\u0061gs": []\n}\n'));
    assert.equal(error.path, 'tags');
  });

  it('text that only looks like keys (escaped quotes before a colon, strings starting with a colon) is not a duplicate', () => {
    const sidecar = makeSidecar([
      makeTag('t1', 'visit children regularly', { note: 'The report says "tags": then "tags": again, and a backslash \\": too' }),
      makeTag('t2', 'Leaders have recently', { note: ': starts with a colon', author: '"quoted": author' }),
    ]);
    const text = serialiseSidecar(sidecar).replace('"note": ": starts', '"note" :   ": starts');
    const result = parseSidecar(text, FILE);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.sidecar.tags.length, 2);
  });

  it('the same key in different objects is fine', () => {
    assert.ok(parseSidecar(twoTags(), FILE).ok);
  });
});

describe('a tags file with a key given twice is never rewritten', () => {
  const REPORT = '/ws/northmoor.txt';
  const SIDECAR = `${REPORT}.tags.json`;

  it('the store refuses to save (and load says invalid); the bytes stay as they were', async () => {
    const text = withSecondTagsList(twoTags());
    const fs = new MemoryFileSystem({ [REPORT]: REPORT_TEXT, [SIDECAR]: text });
    const store = new SidecarStore(fs, { allowedRoots: ['/ws'] });
    const loaded = await store.load(REPORT);
    assert.equal(loaded.status, 'invalid');
    await assert.rejects(
      store.save(REPORT, (s) => addTag(s, { anchor: anchorFor(REPORT_TEXT, 'plans drift'), themes: [{ id: 'permanence', label: 'Permanence' }] }).sidecar),
      (e: unknown) => e instanceof SidecarStoreError && e.kind === 'invalid' && /the key "tags" appears twice/.test(e.message),
    );
    assert.equal(fs.get(SIDECAR), text);
  });

  it('evidence aggregation lists it as a malformed sidecar, with the same message', () => {
    const text = withSecondTagsList(twoTags());
    const stage = interpretSidecar(SIDECAR, text, readSidecarForEvidence);
    assert.equal(stage.sidecar, undefined);
    assert.equal(stage.problems.length, 1);
    const problem = stage.problems[0]!;
    assert.equal(problem.kind, 'malformed-sidecar');
    assert.match(JSON.stringify(problem), /the key \\"tags\\" appears twice in the top-level object/);
  });
});

describe('CLI: a tags file with a key given twice (end to end)', function () {
  this.timeout(60_000);
  const W = 'westmere-ilacs-2025.txt';
  let dir: string;

  const run = (...args: string[]) => runCliProcess(dir, ...args);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-duplicate-key-'));
    copyFileSync(resolve('samples', W), join(dir, W));
    // The tester's file: the sample's 7 tags on one line, then a second, empty "tags" list.
    const compact = JSON.stringify(JSON.parse(readFileSync(resolve('samples', `${W}.tags.json`), 'utf8')));
    writeFileSync(join(dir, `${W}.tags.json`), `${compact.slice(0, -1)},"tags":[]}`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [['tag', W, '--theme', 'hp.front-door', '--quote', 'Care leavers are well supported'], ['reanchor', '--always', W]]) {
    it(`${args[0]} exits 6 naming the key and where it is, and leaves the file byte for byte`, async () => {
      const before = readFileSync(join(dir, `${W}.tags.json`));
      const result = await run(...args);
      assert.equal(result.code, 6, result.stderr);
      assert.match(result.stderr, /westmere-ilacs-2025\.txt\.tags\.json is not a valid tags file: the key "tags" appears twice in the top-level object, at line 1, column \d+ and again at line 1, column \d+\./);
      assert.deepEqual(readFileSync(join(dir, `${W}.tags.json`)), before);
    });
  }
});
