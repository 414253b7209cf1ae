// Nesting measured without recursion, and the codebook readers refusing absurd nesting with a short message
// before a recursive parser could overflow the stack.

import assert from 'node:assert/strict';
import { jsonNestingDepth, xmlNestingDepth } from '../../../src/core/platform/text/nestingDepth';
import { parseCodebookFile } from '../../../src/core/tags/codebook/codebookFile';
import { importQdc } from '../../../src/core/exports/qdcImport';

describe('nesting depth without parsing', () => {
  it('JSON: brackets in strings, escaped quotes and comments do not count', () => {
    assert.equal(jsonNestingDepth('{"a": [1, {"b": "[[[\\"{{"}]} // [[[[\n /* {{{{ */'), 3);
    assert.equal(jsonNestingDepth('[]'), 1);
    assert.equal(jsonNestingDepth('"no brackets"'), 0);
    assert.equal(jsonNestingDepth('['.repeat(100_000), 64), 65, 'stops just past the limit');
  });

  it('XML: self-closing tags, comments, CDATA, declarations and quoted ">" do not count', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x><a><!-- <b><c> --><b attr="x>y"><c/><![CDATA[<d><e>]]></b></a>';
    assert.equal(xmlNestingDepth(xml), 2);
    assert.equal(xmlNestingDepth('<a>'.repeat(5000), 64), 65);
  });
});

describe('deeply nested codebooks get a message, not a stack overflow', () => {
  it('a JSON codebook nested 3,000 deep', () => {
    const parsed = parseCodebookFile(`{"groups": ${'['.repeat(3000)}${']'.repeat(3000)}}`);
    assert.equal(parsed.codebook, undefined);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0]!.message, /is nested more than 64 levels deep, far deeper than any codebook, so it was not read/);
  });

  it('a .qdc codebook nested 3,000 deep', () => {
    const deep = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${'<Code guid="g" name="n" isCodable="true">'.repeat(3000)}${'</Code>'.repeat(3000)}</Codes></CodeBook>`;
    const result = importQdc(deep);
    assert.deepEqual(result, { ok: false, error: 'The codebook nests elements more than 64 levels deep, far deeper than any REFI-QDA codebook, so it was not read.' });
  });

  it('a malformed .qdc quoting a megabyte of itself gives a short message', () => {
    const result = importQdc(`<CodeBook><Codes ${'a'.repeat(1_100_000)}></CodeBook>`);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.error.length < 400, `${!result.ok ? result.error.length : 0} characters`);
    assert.match(!result.ok ? result.error : '', /^Not well-formed XML \(line 1, column \d+\): /);
  });
});
