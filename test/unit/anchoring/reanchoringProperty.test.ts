// Property: after random edits made outside the editor, re-anchoring from scratch puts each tag back on its own
// words or orphans it, never on other words. Characters carry identities through the edits to check this.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { reanchorTags } from '../../../src/core/tags/anchoring/reanchoring';
import { tagAt } from './helpers';

const WORDS = [
  'children', 'leavers', 'plans', 'reviewed', 'managers', 'social', 'workers', 'visit', 'regularly', 'good', 'help',
  'protection', 'leaders', 'know', 'families', 'well', 'assessments', 'thorough', 'timely', 'advisers', 'support',
  'health', 'school', 'records', 'show', 'drift', 'permanence', 'staff', 'virtual', 'education', 'quality', 'audit',
  'partners', 'police', 'strategy', 'meetings', 'threshold', 'consent', 'front', 'door', 'duty', 'team', 'risk',
  'exploitation', 'missing', 'return', 'interviews', 'fostering', 'private', 'adoption', 'panel', 'court', 'letters',
  'parents', 'carers', 'siblings', 'identity', 'culture', 'housing', 'money', 'work', 'tax', 'exemption', 'leisure',
  'passes', 'council', 'elected', 'members', 'scrutiny', 'budget', 'caseloads', 'agency', 'turnover', 'training',
];
// Distinct words, none inside another, so a passage's words cannot be mistaken for other words merely because
// edits left the same letters elsewhere (in "a a a", which "a" survived is undecidable); inserted words come from
// another vocabulary for the same reason.
const DISTINCT = WORDS.filter((w) => !WORDS.some((other) => other !== w && other.includes(w)));
const wordsArb = fc.shuffledSubarray(DISTINCT, { minLength: 20, maxLength: 70 });
const INSERTED = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma', '\n', '  ', ','];
const editArb = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.array(fc.constantFrom(...INSERTED), { maxLength: 4 }));

describe('reanchorTags (property)', () => {
  it('puts each tag back on its own words, or orphans it, after random edits', () => {
    fc.assert(
      fc.property(
        wordsArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 2, max: 8 })), { minLength: 1, maxLength: 6 }),
        fc.array(editArb, { minLength: 1, maxLength: 5 }),
        (words, tagSpecs, edits) => {
          const text = words.join(' ');
          const wordStarts = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
          const tags = tagSpecs.map(([at, count], k) => {
            const first = at % wordStarts.length;
            const last = Math.min(wordStarts.length - 1, first + count - 1);
            return tagAt(`t${k}`, text, wordStarts[first]!.start, wordStarts[last]!.end);
          });

          let current = text;
          let ids = Array.from(text, (_c, i) => i);
          let nextId = text.length;
          for (const [at, len, inserted] of edits) {
            const offset = at % (current.length + 1);
            const length = Math.min(len, current.length - offset);
            const replacement = inserted.length > 0 ? ` ${inserted.join(' ')} ` : '';
            current = current.slice(0, offset) + replacement + current.slice(offset + length);
            ids = [...ids.slice(0, offset), ...Array.from(replacement, () => nextId++), ...ids.slice(offset + length)];
          }

          const result = reanchorTags(tags, current);
          result.tags.forEach((tag, k) => {
            const original = tags[k]!;
            const own = new Set<number>();
            for (let i = original.anchor.position.start; i < original.anchor.position.end; i++) own.add(i);
            if (tag.orphaned === true) {
              assert.deepEqual(tag.anchor, original.anchor, 'an orphan keeps its stored anchor');
              assert.equal(result.results[k]!.status, 'orphaned');
              return;
            }
            const { start, end } = tag.anchor.position;
            assert.equal(tag.anchor.quote.exact, current.slice(start, end));
            const inRange = ids.slice(start, end);
            const olds = inRange.filter((id) => id < text.length);
            const positions = [...own].map((id) => ids.indexOf(id));
            const untouched =
              positions.every((p) => p >= 0) &&
              positions.every((p, i) => i === 0 || p === positions[i - 1]! + 1);
            if (untouched) {
              assert.deepEqual(inRange, [...own], `tag ${tag.id} on "${current.slice(start, end)}" instead of "${original.anchor.quote.exact}"`);
            } else {
              const mine = olds.filter((id) => own.has(id)).length;
              assert.ok(mine > 0 && mine * 2 >= olds.length, `tag ${tag.id} on "${current.slice(start, end)}", mostly other words than "${original.anchor.quote.exact}"`);
            }
          });
        },
      ),
      { numRuns: Number(process.env.ANCHORING_RUNS ?? 300) },
    );
  });
});
