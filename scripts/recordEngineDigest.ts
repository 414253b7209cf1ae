// `npm run record:engine-digest [-- --bump]`: records the digest of the recognition engine's output over the report
// fixtures for the current ENGINE_VERSION (test/unit/recognition/engineDigest.json). With --bump, first raises
// ENGINE_VERSION in src/core/recognition/engineVersion.ts by one. Without --bump it refuses to record a changed
// output under the version already recorded, since that would hide the change from the saved-analysis cache.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engineDigest, readRecordedDigest, RECORD_FILE } from '../test/unit/recognition/engineDigest';

const VERSION_FILE = fileURLToPath(new URL('../src/core/recognition/engineVersion.ts', import.meta.url));
const VERSION_LINE = /export const ENGINE_VERSION = (\d+);/;

function main(): number {
  const source = readFileSync(VERSION_FILE, 'utf8');
  const match = VERSION_LINE.exec(source);
  if (!match) {
    console.error(`record:engine-digest: no "export const ENGINE_VERSION = <n>;" line in ${VERSION_FILE}`);
    return 1;
  }
  let version = Number(match[1]);
  const recorded = readRecordedDigest();
  const current = engineDigest();
  if (process.argv.includes('--bump')) {
    version = Math.max(version, recorded?.version ?? 0) + 1;
    writeFileSync(VERSION_FILE, source.replace(VERSION_LINE, `export const ENGINE_VERSION = ${version};`));
    console.log(`record:engine-digest: ENGINE_VERSION is now ${version}`);
  } else if (recorded && recorded.version === version && recorded.digest !== current.digest) {
    console.error(`record:engine-digest: recognition output changed but ENGINE_VERSION is still ${version}; run \`npm run record:engine-digest -- --bump\`.`);
    return 1;
  }
  writeFileSync(RECORD_FILE, JSON.stringify({ version, digest: current.digest, fixtures: current.fixtures }, null, 2) + '\n');
  console.log(`record:engine-digest: version ${version}, ${current.fixtures} fixtures, digest ${current.digest}`);
  return 0;
}

process.exitCode = main();
