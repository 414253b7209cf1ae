// The digest of what the recognition engine makes of every report fixture: the test that ENGINE_VERSION is bumped
// with any change to recognition output compares it with the one recorded in engineDigest.json, and
// scripts/recordEngineDigest.ts (npm run record:engine-digest) records it.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { analyseReport } from '../../../src/core/recognition/analyse';

export const FIXTURE_FOLDER = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));
export const RECORD_FILE = fileURLToPath(new URL('./engineDigest.json', import.meta.url));

export interface RecordedDigest {
  version: number;
  digest: string;
  fixtures: number;
}

/** SHA-256 over each fixture's name and the JSON of its model, in name order (models as the cache saves them). */
export function engineDigest(folder = FIXTURE_FOLDER): { digest: string; fixtures: number } {
  const names = readdirSync(folder).filter((n) => /\.(txt|md)$/i.test(n)).sort();
  const hash = createHash('sha256');
  for (const name of names) {
    const text = readFileSync(join(folder, name), 'utf8');
    hash.update(name).update('\u0000').update(JSON.stringify(analyseReport(text, { markdown: /\.md$/i.test(name) }))).update('\u0000');
  }
  return { digest: hash.digest('hex'), fixtures: names.length };
}

export function readRecordedDigest(): RecordedDigest | undefined {
  try {
    return JSON.parse(readFileSync(RECORD_FILE, 'utf8')) as RecordedDigest;
  } catch {
    return undefined;
  }
}
