import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { filterEvidence, narrowEvidence, narrows } from '../../../src/core/evidence/evidenceFilter';
import { EvidenceIndex } from '../../../src/core/evidence/evidenceIndex';
import type { EvidenceSet } from '../../../src/core/evidence/evidenceModel';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { fixtureAnalyser } from './fixtureModels';

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));
const FOLDERS = [`${FIXTURES}/reports`, `${FIXTURES}/problems`];
const NOW = () => new Date('2026-01-05T12:00:00.000Z');

describe('narrowEvidence: no filter, no recount', () => {
  let set: EvidenceSet;
  before(async () => {
    set = await collectEvidence(FOLDERS, new NodeFileSystem(), { analyse: fixtureAnalyser, now: NOW });
  });

  it('gives the set itself for a filter that keeps everything, which is what filtering would give', async () => {
    assert.ok(set.items.length > 5 && set.recurringImprovements.length > 0, 'the fixtures have passages and recurring improvements');
    for (const filter of [{}, { themeIds: [], kinds: [], grades: [] }]) {
      assert.equal(narrows(filter), false);
      assert.equal(narrowEvidence(set, filter), set);
      assert.deepEqual(filterEvidence(set, filter), set, 'filtering with it recounts the same summaries');
    }
    // The incremental index's set holds the same summaries too.
    const indexed = await new EvidenceIndex(FOLDERS, new NodeFileSystem(), { analyse: fixtureAnalyser, now: NOW }).build();
    assert.deepEqual(filterEvidence(indexed, {}), indexed);
  });

  it('filters as before whenever any condition is given, an empty authority included', () => {
    const theme = set.items[0]!.themes[0]!.id;
    for (const filter of [{ themeIds: [theme] }, { authority: 'Westmere' }, { authority: '' }, { kinds: [set.reports[0]!.kind] }, { since: '2024-01-01' }, { until: '2022-01-01' }, { grades: ['good' as const] }]) {
      assert.equal(narrows(filter), true, JSON.stringify(filter));
      assert.deepEqual(narrowEvidence(set, filter), filterEvidence(set, filter), JSON.stringify(filter));
    }
    assert.ok(narrowEvidence(set, { themeIds: [theme] }).items.length < set.items.length, 'a theme leaves passages out');
  });

});
