// The shared corpus's manifest, read by the checks that run over ../shared/corpus (check:corpus, check:regions),
// which pass with a note where there is no corpus.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ManifestRow, parseManifest } from './corpusCompare';

/** The manifest's rows, or undefined (with a line saying so) when `corpusDir` holds no manifest.csv. */
export function readCorpusManifest(corpusDir: string): ManifestRow[] | undefined {
  const manifestPath = join(corpusDir, 'manifest.csv');
  if (!existsSync(manifestPath)) {
    console.log(`No corpus at ${corpusDir} (no manifest.csv): nothing to check. Set CORPUS_DIR to run it.`);
    return undefined;
  }
  return parseManifest(readFileSync(manifestPath, 'utf8'));
}
