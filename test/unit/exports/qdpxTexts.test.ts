import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { AnalysisCache } from '../../../src/core/evidence/analysisCache';
import { readQdpxTexts } from '../../../src/core/exports/qdpxTexts';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { createAnchor, textHash } from '../../../src/core/tags/anchoring/anchorCreation';
import { SIDECAR_FORMAT, SIDECAR_VERSION } from '../../../src/core/tags/sidecar/sidecarModel';

const REPORTS = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));
const A = readFileSync(`${REPORTS}/ilacs-2019-westmere.txt`, 'utf8');
const B = readFileSync(`${REPORTS}/sif-2015-fernleigh.txt`, 'utf8');

function tagged(text: string, fileName: string, words: string): string {
  const start = text.indexOf(words);
  const tag = { id: 't1', themes: [{ id: 'workforce', label: 'Workforce' }], created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z', anchor: createAnchor(text, start, start + words.length) };
  return JSON.stringify({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName, textHash: textHash(text) }, tags: [tag] });
}

describe('report texts for a .qdpx project', () => {
  it('reads each report of the set, also those a warm collection did not read, and leaves out one changed since', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': A, '/ws/a.txt.tags.json': tagged(A, 'a.txt', 'social workers'), '/ws/b.txt': B, '/ws/b.txt.tags.json': tagged(B, 'b.txt', 'children') });
    for (const file of fs.files.values()) file.mtime = Date.parse('2025-06-01T09:00:00Z');
    await collectEvidence(['/ws'], fs, { analysisCache: new AnalysisCache(fs, '/cache') });
    const cache = new AnalysisCache(fs, '/cache');
    const set = await collectEvidence(['/ws'], fs, { analysisCache: cache });
    assert.equal(cache.stamps.counts.trusted, 2, 'neither report was read by the collection');
    const whole = await readQdpxTexts(set, fs);
    assert.deepEqual([...whole.texts.keys()].sort(), ['/ws/a.txt', '/ws/b.txt']);
    assert.equal(whole.texts.get('/ws/a.txt'), A);
    assert.deepEqual(whole.problems, []);
    // Edited after the collection: its passage's offsets now point at other words.
    await fs.writeFile('/ws/a.txt', `Inserted line.\n${A}`);
    const later = await readQdpxTexts(set, fs);
    assert.deepEqual([...later.texts.keys()], ['/ws/b.txt']);
    assert.deepEqual(later.problems, ['/ws/a.txt: changed since the evidence was collected; refresh the evidence and export again.']);
  });
});
