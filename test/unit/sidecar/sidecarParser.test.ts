import assert from 'node:assert/strict';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { conflicted, makeSidecar, makeTag } from './helpers';

const FILE = 'northmoor.txt.tags.json';

// Loosely typed on purpose: the tests break the data in ways the Sidecar type forbids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function valid(): Record<string, any> {
  return JSON.parse(serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly'), makeTag('t2', 'Leaders have recently')])));
}

function failure(text: string) {
  const result = parseSidecar(text, FILE);
  assert.equal(result.ok, false, 'expected the file to be rejected');
  return (result as Extract<typeof result, { ok: false }>).error;
}

describe('parseSidecar: malformed files', () => {
  it('an empty file says it is empty', () => {
    const error = failure('  \n');
    assert.equal(error.kind, 'empty');
    assert.match(error.message, /^northmoor\.txt\.tags\.json is empty/);
  });

  it('invalid JSON gives the line and column of the first problem', () => {
    const text = serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly')])).replace('"version": 1,', '"version": 1,,');
    const error = failure(text);
    assert.equal(error.kind, 'json');
    assert.equal(error.line, 3);
    assert.equal(error.column, 16);
    assert.equal(error.message, 'northmoor.txt.tags.json is not valid JSON: a property name in double quotes was expected at line 3, column 16. The file was left as it is; fix it (or restore it from version control) to tag this report again.');
  });

  it('a truncated file (unexpected end) points at the end', () => {
    const text = serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly')]));
    const cut = text.slice(0, 120);
    const error = failure(cut);
    assert.equal(error.kind, 'json');
    assert.equal(error.line, cut.split('\n').length);
    assert.match(error.message, /not valid JSON: .* at line \d+, column \d+/);
  });

  it('a tags file saved as UTF-16 says so, with or without its byte order mark', () => {
    const bytes = Buffer.from(serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly')])), 'utf16le');
    // As every reader reads a tags file: UTF-8, so the mark becomes two replacement characters and each letter gains a NUL.
    for (const read of [Buffer.concat([Buffer.from([0xff, 0xfe]), bytes]).toString('utf8'), bytes.toString('utf8')]) {
      const error = failure(read);
      assert.equal(error.kind, 'json');
      assert.match(error.message, /is not valid JSON: .* It looks like UTF-16 text, as some editors save: save it as UTF-8 \(tags files are always UTF-8\)\. The file was left as it is/);
    }
    assert.doesNotMatch(failure('{ "format": ').message, /UTF-16/);
  });

  it('a JSON file of another kind is named as not a tags file', () => {
    const error = failure('{"name": "some-package", "version": "1.0.0"}');
    assert.equal(error.kind, 'format');
    assert.match(error.message, /is not an Inspection Report Annotator tags file: it has no "format" field/);
    assert.equal(failure('[1,2]').message.includes('it holds a list, not an object'), true);
  });

  it('a schema failure names the JSON path, the problem, and the line', () => {
    const data = valid();
    data.tags[1].anchor.position.start = -4;
    const text = JSON.stringify(data, null, 2);
    const error = failure(text);
    assert.equal(error.kind, 'schema');
    assert.equal(error.path, 'tags[1].anchor.position.start');
    assert.equal(error.line, text.split('\n').findIndex((l) => l.includes('"start": -4')) + 1);
    assert.match(error.message, /^northmoor\.txt\.tags\.json is not a valid tags file \(line \d+\): tags\[1\]\.anchor\.position\.start must be at least 0, not -4\. The file was left as it is\.$/);
  });

  it('human messages for missing fields, wrong types, bad hashes and timestamps', () => {
    const data = valid();
    delete data.tags[0].themes;
    data.tags[1].modified = 'yesterday';
    data.report.textHash = 'abc';
    data.version = '1';
    const error = failure(JSON.stringify(data));
    assert.match(error.message, /version must be a whole number, not the text "1"/);
    assert.match(error.message, /report\.textHash must be a sha256 digest \(64 lower-case hexadecimal characters\), not "abc"/);
    assert.match(error.message, /tags\[0\]\.themes is missing/);
    assert.match(error.message, /tags\[1\]\.modified must be an ISO 8601 date and time/);
  });

  it('rejects a tag that ends before it starts and duplicate tag ids', () => {
    const backwards = valid();
    backwards.tags[0].anchor.position.end = 1;
    assert.match(failure(JSON.stringify(backwards)).message, /tags\[0\]\.anchor\.position ends \(1\) before it starts \(\d+\)/);
    const duplicate = valid();
    duplicate.tags[1].id = 't1';
    assert.match(failure(JSON.stringify(duplicate)).message, /tags\[1\]\.id "t1" is used by tags\[0\] too; tag ids must be unique/);
  });

  it('an empty theme list and an empty quote are refused', () => {
    const data = valid();
    data.tags[0].themes = [];
    data.tags[1].anchor.quote.exact = '';
    const error = failure(JSON.stringify(data));
    assert.match(error.message, /tags\[0\]\.themes must have at least 1 item/);
    assert.match(error.message, /tags\[1\]\.anchor\.quote\.exact must not be empty/);
  });

  it('reads a file with a byte order mark', () => {
    const result = parseSidecar('\ufeff' + JSON.stringify(valid()), FILE);
    assert.ok(result.ok);
    assert.equal(result.sidecar.tags.length, 2);
  });

  it('warns when the sidecar names another report than the one it sits beside', () => {
    const result = parseSidecar(JSON.stringify(valid()), 'renamed report.txt.tags.json');
    assert.ok(result.ok);
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0]!, /sits beside "renamed report\.txt"/);
  });
});

describe('parseSidecar: newer versions', () => {
  it('reads a newer version read-only, with a warning, keeping the tags it understands', () => {
    const data = valid();
    data.version = 3;
    data.tags[0].spans = [{ start: 1, end: 2 }];
    data.tags[1].themes = 'permanence'; // changed shape in the imagined version 3
    data.groups = ['pilot'];
    const result = parseSidecar(JSON.stringify(data), FILE);
    assert.ok(result.ok);
    assert.equal(result.readOnly, true);
    assert.match(result.warnings[0]!, /written by a newer version of the Inspection Report Annotator \(format version 3; this one reads version 1\)/);
    assert.match(result.warnings[1]!, /tags\[1\] is not in a form this version understands/);
    assert.deepEqual(result.sidecar.tags.map((t) => t.id), ['t1']);
    assert.deepEqual((result.sidecar as unknown as { groups: string[] }).groups, ['pilot']);
  });
});

describe('parseSidecar: git conflict markers', () => {
  it('reports a conflict with the line of the first marker and both sides parsed', () => {
    const ours = serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly'), makeTag('t2', 'Leaders have recently')]));
    const theirs = serialiseSidecar(makeSidecar([makeTag('t1', 'visit children regularly'), makeTag('t3', 'plans drift after review')]));
    const text = conflicted(ours, theirs);
    const error = failure(text);
    assert.equal(error.kind, 'conflict');
    assert.equal(error.line, text.split('\n').indexOf('<<<<<<< HEAD') + 1);
    assert.match(error.message, /contains git merge conflict markers/);
    assert.deepEqual(error.conflict?.ours?.tags.map((t) => t.id), ['t1', 't2']);
    assert.deepEqual(error.conflict?.theirs?.tags.map((t) => t.id), ['t1', 't3']);
  });
});
