// Property: whatever the user types, a tag is on its own words (plus words typed inside it) or orphaned;
// never on other words. Every character carries an identity through the edits, so "its own words" is checkable.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { QUOTE_CONTEXT_CHARS } from '../../../src/core/tags/anchoring/anchorCreation';
import { shiftTags, type TextChange } from '../../../src/core/tags/anchoring/editShifting';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { applyChanges, tagAt } from './helpers';

const WORDS = ['care', 'plan', 'child', 'leaders', 'visit', 'good', 'review', 'and', 'the', ',', '.'];

const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 8, maxLength: 40 }).map((w) => w.join(' '));
const insertArb = fc.oneof(fc.constant(''), fc.constantFrom(' ', 'new ', 'x', 'older children', ', ', '\n'));

const rawChangeArb = fc.tuple(fc.nat(), fc.nat({ max: 12 }), insertArb);
const eventsArb = fc.array(fc.array(rawChangeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 });

/** One event for a text of this length: non-overlapping changes in descending offset order, as VS Code lists them. */
function toEvent(raw: [number, number, string][], length: number): TextChange[] {
  const changes = raw.map(([at, len, text]) => {
    const rangeOffset = at % (length + 1);
    return { rangeOffset, rangeLength: Math.min(len, length - rangeOffset), text };
  });
  const sorted = changes.sort((x, y) => y.rangeOffset - x.rangeOffset);
  const kept: TextChange[] = [];
  for (const c of sorted) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || c.rangeOffset + c.rangeLength <= previous.rangeOffset) kept.push(c);
  }
  return kept;
}

interface Tracked {
  tag: Tag;
  /** Identities of the characters the tag is on. */
  members: Set<number>;
  /** Never touched by an edit, so its words must be exactly the original quote. */
  untouched: boolean;
  originalQuote: string;
}

describe('shiftTags (property)', () => {
  it('keeps each tag on its own words, or orphans it, over random edit sequences', () => {
    const scenario = textArb.chain((text) =>
      fc.record({
        text: fc.constant(text),
        ranges: fc.array(fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 6 }),
        events: eventsArb,
      }),
    );
    fc.assert(
      fc.property(scenario, ({ text, ranges, events }) => {
        let current = text;
        let ids = Array.from(text, (_c, i) => i);
        let nextId = text.length;
        const tracked: Tracked[] = ranges.map(([start, len], k) => {
          const end = Math.min(text.length, start + len);
          const tag = tagAt(`t${k}`, text, start, end);
          return { tag, members: new Set(ids.slice(start, end)), untouched: true, originalQuote: text.slice(start, end) };
        });
        for (const raw of events) {
          const changes = toEvent(raw, current.length);
          const beforeIds = ids;
          current = applyChanges(current, changes);
          for (const c of changes) {
            // Touching, judged on identities: the change reaches into the span of the tag's characters.
            for (const t of tracked) {
              const positions = [...t.members].map((id) => ids.indexOf(id)).filter((p) => p >= 0);
              if (positions.length === 0) continue;
              const first = Math.min(...positions);
              const last = Math.max(...positions);
              if (c.rangeOffset + c.rangeLength > first && c.rangeOffset <= last && (c.rangeLength > 0 || c.rangeOffset > first)) t.untouched = false;
            }
            const fresh = Array.from(c.text, () => nextId++);
            ids = [...ids.slice(0, c.rangeOffset), ...fresh, ...ids.slice(c.rangeOffset + c.rangeLength)];
          }
          const surviving = new Set(ids);
          const existed = new Set(beforeIds);
          const shifted = shiftTags(
            tracked.map((t) => t.tag),
            changes,
            current,
          );
          shifted.forEach((tag, k) => {
            const t = tracked[k]!;
            if (t.tag.orphaned === true) {
              assert.equal(tag, t.tag, 'an orphan stays as it was');
              return;
            }
            const survivors = [...t.members].filter((id) => surviving.has(id));
            if (tag.orphaned === true) {
              const survivorText = survivors.map((id) => current[ids.indexOf(id)]).join('');
              assert.doesNotMatch(survivorText, /[\p{L}\p{N}]/u, `orphaned although "${survivorText}" of it survived`);
              assert.deepEqual(tag.anchor, t.tag.anchor, 'an orphan keeps its stored anchor');
              t.tag = tag;
              return;
            }
            const { start, end } = tag.anchor.position;
            assert.ok(end > start, 'never empty');
            const inRange = ids.slice(start, end);
            for (const id of inRange) {
              if (existed.has(id)) assert.ok(t.members.has(id), `tag ${tag.id} moved onto other words: "${current.slice(start, end)}" in "${current}"`);
            }
            const inRangeSet = new Set(inRange);
            for (const id of survivors) {
              const ch = current[ids.indexOf(id)]!;
              if (!inRangeSet.has(id)) assert.match(ch, /\s/, `tag ${tag.id} lost a surviving character "${ch}"`);
            }
            assert.equal(tag.anchor.quote.exact, current.slice(start, end));
            assert.equal(tag.anchor.quote.prefix, current.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start));
            assert.equal(tag.anchor.quote.suffix, current.slice(end, end + QUOTE_CONTEXT_CHARS));
            if (t.untouched) assert.equal(current.slice(start, end), t.originalQuote);
            t.tag = tag;
            t.members = inRangeSet;
          });
        }
      }),
      { numRuns: Number(process.env.ANCHORING_RUNS ?? 400) },
    );
  });
});
