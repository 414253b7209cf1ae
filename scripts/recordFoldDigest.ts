// `npm run record:fold-digest [-- --bump]`: records the digest of the evidence folded from the tagged report
// fixtures for the current EVIDENCE_FOLD_VERSION and recognition engine (test/unit/evidence/foldDigest.json). With
// --bump, first raises EVIDENCE_FOLD_VERSION in src/core/evidence/foldVersion.ts by one. Without --bump it refuses
// to record a changed output under the fold version and engine already recorded, since that would hide the change
// from the saved evidence.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINE_VERSION } from '../src/core/recognition/engineVersion';
import { foldDigest, readRecordedFoldDigest, RECORD_FILE } from '../test/unit/evidence/foldDigest';

const VERSION_FILE = fileURLToPath(new URL('../src/core/evidence/foldVersion.ts', import.meta.url));
const VERSION_LINE = /export const EVIDENCE_FOLD_VERSION = (\d+);/;

async function main(): Promise<number> {
  const source = readFileSync(VERSION_FILE, 'utf8');
  const match = VERSION_LINE.exec(source);
  if (!match) {
    console.error(`record:fold-digest: no "export const EVIDENCE_FOLD_VERSION = <n>;" line in ${VERSION_FILE}`);
    return 1;
  }
  let version = Number(match[1]);
  const recorded = readRecordedFoldDigest();
  const current = await foldDigest();
  if (process.argv.includes('--bump')) {
    version = Math.max(version, recorded?.version ?? 0) + 1;
    writeFileSync(VERSION_FILE, source.replace(VERSION_LINE, `export const EVIDENCE_FOLD_VERSION = ${version};`));
    console.log(`record:fold-digest: EVIDENCE_FOLD_VERSION is now ${version}`);
  } else if (recorded && recorded.version === version && recorded.engine === ENGINE_VERSION && recorded.digest !== current.digest) {
    console.error(`record:fold-digest: folded evidence changed but EVIDENCE_FOLD_VERSION is still ${version}; run \`npm run record:fold-digest -- --bump\`.`);
    return 1;
  }
  writeFileSync(RECORD_FILE, JSON.stringify({ version, engine: ENGINE_VERSION, digest: current.digest, fixtures: current.fixtures }, null, 2) + '\n');
  console.log(`record:fold-digest: version ${version} (engine ${ENGINE_VERSION}), ${current.fixtures} fixtures, digest ${current.digest}`);
  return 0;
}

main().then((code) => (process.exitCode = code));
