// The digest of what folding makes of tagged report fixtures (the evidence set's JSON): the test that
// EVIDENCE_FOLD_VERSION is bumped with any change to folded output compares it with the one recorded in
// foldDigest.json, and scripts/recordFoldDigest.ts (npm run record:fold-digest) records it. The fold reads
// recognition's models too, so the digest is recorded with the engine version it was made under: a new engine
// (which its own version already guards) asks for the digest to be recorded again, not for a new fold version.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { createAnchor, textHash } from '../../../src/core/tags/anchoring/anchorCreation';
import { SIDECAR_FORMAT, SIDECAR_VERSION, type Tag } from '../../../src/core/tags/sidecar/sidecarModel';

export const FIXTURE_FOLDER = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));
export const RECORD_FILE = fileURLToPath(new URL('./foldDigest.json', import.meta.url));

export interface RecordedFoldDigest {
  version: number;
  engine: number;
  digest: string;
  fixtures: number;
}

/**
 * Tags on every 40th line that has words (so passages fall in every part of a report: headings, judgements, lists,
 * numbered paragraphs), one with a note and an author, one stored at stale offsets (found elsewhere), one whose
 * words are gone (orphaned).
 */
function fixtureTags(text: string): Tag[] {
  const tags: Tag[] = [];
  const at = '2025-01-01T00:00:00.000Z';
  let offset = 0;
  text.split('\n').forEach((line, n) => {
    const words = line.trim();
    const start = offset + line.indexOf(words);
    offset += line.length + 1;
    if (n % 40 !== 7 || words.length < 12) return;
    const i = tags.length;
    tags.push({ id: `f${i}`, themes: [{ id: `theme-${i % 3}`, label: `Theme ${i % 3}` }], created: at, modified: at, anchor: createAnchor(text, start, start + Math.min(words.length, 80)), ...(i % 4 === 1 ? { note: `note ${i}`, author: 'Reviewer' } : {}) });
  });
  if (tags.length > 0) {
    const first = tags[0]!;
    tags.push({ ...first, id: 'stale', anchor: { ...first.anchor, position: { ...first.anchor.position, start: 0, end: first.anchor.position.end - first.anchor.position.start } } });
    // Its position spans its (other) words, as in a file re-anchored after they were deleted.
    const gone = 'words no report has ever had';
    tags.push({ ...first, id: 'gone', anchor: { ...first.anchor, position: { ...first.anchor.position, end: first.anchor.position.start + gone.length }, quote: { ...first.anchor.quote, exact: gone } } });
  }
  return tags;
}

/** SHA-256 of the evidence set collected over every fixture with its generated tags (no cache involved). */
export async function foldDigest(folder = FIXTURE_FOLDER): Promise<{ digest: string; fixtures: number }> {
  const names = readdirSync(folder).filter((n) => /\.(txt|md)$/i.test(n)).sort();
  const fs = new MemoryFileSystem();
  for (const name of names) {
    const text = readFileSync(join(folder, name), 'utf8');
    fs.set(`/ws/${name}`, text);
    fs.set(`/ws/${name}.tags.json`, JSON.stringify({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: name, textHash: textHash(text) }, tags: fixtureTags(text) }));
  }
  const set = await collectEvidence(['/ws'], fs, { now: () => new Date(0) });
  return { digest: createHash('sha256').update(JSON.stringify(set)).digest('hex'), fixtures: names.length };
}

export function readRecordedFoldDigest(): RecordedFoldDigest | undefined {
  try {
    return JSON.parse(readFileSync(RECORD_FILE, 'utf8')) as RecordedFoldDigest;
  } catch {
    return undefined;
  }
}
