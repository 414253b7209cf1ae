// A tags file is data: keys named "__proto__", "constructor" or "prototype" (an object, a string, a number) at
// the top level, in the report, in a tag, a theme or an anchor survive parse -> add a tag -> write unchanged,
// and never change how any object behaves.

import { strict as assert } from 'node:assert';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { SidecarStore } from '../../../src/core/tags/sidecar/sidecarStore';
import { addTag, mergeSidecars } from '../../../src/core/tags/tagOperations';
import { anchorFor, makeSidecar, makeTag, REPORT_TEXT } from './helpers';

const REPORT = '/ws/northmoor.txt';
const SIDECAR = `${REPORT}.tags.json`;
const NAME = 'northmoor.txt.tags.json';

type Place = 'top level' | 'report' | 'tag' | 'theme' | 'anchor' | 'anchor.quote';

/** The sidecar as JSON text with `extra` keys written into `place` (by text, as an editor or another tool would). */
function withKeys(place: Place, extra: Record<string, unknown>): string {
  const value: unknown = JSON.parse(serialiseSidecar(makeSidecar([makeTag('a', 'plans drift')])));
  const target = own(value, PATHS[place]) as object;
  // JSON.stringify of an object literal with "__proto__" would not carry it: splice the text in instead.
  const marker = '"__MARKER__": 1';
  Object.defineProperty(target, '__MARKER__', { value: 1, enumerable: true, writable: true, configurable: true });
  const inner = JSON.stringify(extra, null, 2).slice(1, -1).trim();
  return JSON.stringify(value, null, 2).replace(marker, inner);
}

const PATHS: Record<Place, string[]> = { 'top level': [], report: ['report'], tag: ['tags', '0'], theme: ['tags', '0', 'themes', '0'], anchor: ['tags', '0', 'anchor'], 'anchor.quote': ['tags', '0', 'anchor', 'quote'] };

/** The path to `place` in a written file, where tag 'a' may have moved (tags are sorted by position). */
function pathIn(written: unknown, place: Place): string[] {
  const tags = own(written, ['tags']) as Array<{ id: string }>;
  return PATHS[place].map((key, i) => (PATHS[place][i - 1] === 'tags' ? String(tags.findIndex((t) => t.id === 'a')) : key));
}

function own(object: unknown, path: string[]): unknown {
  let current = object;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The hostile keys as own properties (an object literal's "__proto__" would set a prototype, not make a key). */
function ownHostile(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, '__proto__', { value: { polluted: true, nested: { deeper: 'yes' } }, enumerable: true, writable: true, configurable: true });
  out['constructor'] = { prototype: { polluted: true } };
  out['prototype'] = 'a string';
  return out;
}

describe('sidecar keys named __proto__, constructor, prototype', () => {
  afterEach(() => assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched'));

  for (const place of Object.keys(PATHS) as Place[]) {
    it(`in the ${place}: kept, byte for byte in value, after parse -> add a tag (store) -> write`, async () => {
      const text = withKeys(place, ownHostile());
      const parsed = parseSidecar(text, NAME);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
      const fs = new MemoryFileSystem({ [REPORT]: REPORT_TEXT, [SIDECAR]: text });
      const store = new SidecarStore(fs, { allowedRoots: ['/ws'] });
      const saved = await store.save(REPORT, (s) => addTag(s, { anchor: anchorFor(REPORT_TEXT, 'visit children regularly'), themes: [{ id: 'x', label: 'X' }] }).sidecar);
      assert.equal(saved.status, 'written');
      const written = fs.get(SIDECAR)!;
      const after: unknown = JSON.parse(written);
      const holder = own(after, pathIn(after, place));
      assert.deepEqual(own(holder, ['__proto__']), { polluted: true, nested: { deeper: 'yes' } }, `"__proto__" kept in the ${place}`);
      assert.deepEqual(own(holder, ['constructor']), { prototype: { polluted: true } }, `"constructor" kept in the ${place}`);
      assert.equal(own(holder, ['prototype']), 'a string', `"prototype" kept in the ${place}`);
      assert.equal((own(after, ['tags']) as unknown[]).length, 2);
      assert.ok(parseSidecar(written, NAME).ok, 'still a valid tags file');
      // Written again with nothing changed: the same bytes.
      const again = parseSidecar(written, NAME);
      assert.ok(again.ok);
      assert.equal(serialiseSidecar(again.sidecar), written);
    });
  }

  for (const place of ['top level', 'tag', 'theme', 'anchor'] as Place[]) {
    it(`a string-valued "__proto__" in the ${place} is not dropped`, () => {
      const extra: Record<string, unknown> = {};
      Object.defineProperty(extra, '__proto__', { value: 'just a string', enumerable: true, writable: true, configurable: true });
      const parsed = parseSidecar(withKeys(place, extra), NAME);
      assert.ok(parsed.ok);
      const ours = addTag(parsed.sidecar, { anchor: anchorFor(REPORT_TEXT, 'know them well'), themes: [{ id: 'x', label: 'X' }] }).sidecar;
      const written: unknown = JSON.parse(serialiseSidecar(ours));
      assert.equal(own(own(written, pathIn(written, place)), ['__proto__']), 'just a string');
    });
  }

  it('a three-way merge keeps "__proto__" changed on either side, without touching any prototype', () => {
    const base = parseSidecar(withKeys('top level', ownHostile()), NAME);
    const theirs = parseSidecar(withKeys('top level', { constructor: 'theirs' }), NAME);
    assert.ok(base.ok && theirs.ok);
    const merged = mergeSidecars(base.sidecar, base.sidecar, theirs.sidecar);
    const out = JSON.parse(serialiseSidecar(merged)) as Record<string, unknown>;
    assert.equal(own(out, ['constructor']), 'theirs');
    assert.equal(own(out, ['__proto__']), undefined, 'removed on their side, unchanged on ours: stays removed');
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
  });
});
