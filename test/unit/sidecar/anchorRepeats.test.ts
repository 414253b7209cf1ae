// anchor.repeats (issue 17): how often a tag's words occurred when anchored. Optional: older files without it still
// read; files with it round-trip in a fixed key order; a malformed count is refused with its path.

import assert from 'node:assert/strict';
import { anchorWithRepeats } from '../../../src/core/tags/anchoring/anchorRepeats';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { makeSidecar, makeTag } from './helpers';

const REPORT = 'The local authority reviews plans.\n\nLeaders know their services well. The local authority audits plans.\n';

describe('sidecar: anchor.repeats', () => {
  it('counts how often the tagged words occur, which one is tagged, and how often with their context', () => {
    const second = REPORT.lastIndexOf('The local authority');
    const anchor = anchorWithRepeats(REPORT, second, second + 'The local authority'.length);
    assert.deepEqual(anchor.repeats, { count: 2, index: 1, withContext: 1 });
  });

  it('round-trips, written after position and quote with its keys in a fixed order', () => {
    const tag = makeTag('a', 'Too many children wait too long');
    const withRepeats = { ...tag, anchor: { ...tag.anchor, repeats: { withContext: 1, index: 0, count: 1 } } };
    const text = serialiseSidecar(makeSidecar([withRepeats]));
    assert.match(text, /"quote": \{[^}]*\},\n {8}"repeats": \{\n {10}"count": 1,\n {10}"index": 0,\n {10}"withContext": 1\n/);
    const parsed = parseSidecar(text, 'report.txt.tags.json');
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.deepEqual(parsed.sidecar.tags[0]!.anchor.repeats, { count: 1, index: 0, withContext: 1 });
    assert.equal(serialiseSidecar(parsed.sidecar), text);
  });

  it('reads a file written before repeats existed, and writes it back without inventing them', () => {
    const text = serialiseSidecar(makeSidecar([makeTag('a', 'Too many children wait too long')]));
    assert.doesNotMatch(text, /repeats/);
    const parsed = parseSidecar(text, 'report.txt.tags.json');
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.equal(parsed.sidecar.tags[0]!.anchor.repeats, undefined);
    assert.equal(serialiseSidecar(parsed.sidecar), text);
  });

  it('refuses a count below one, naming where it is', () => {
    const tag = makeTag('a', 'Too many children wait too long');
    const text = serialiseSidecar(makeSidecar([{ ...tag, anchor: { ...tag.anchor, repeats: { count: 0, index: 0, withContext: 1 } } }]));
    const parsed = parseSidecar(text, 'report.txt.tags.json');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.match(parsed.error.message, /tags\[0\]\.anchor\.repeats\.count/);
  });
});
