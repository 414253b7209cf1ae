// `npm run record:engine-digest [-- --bump]`: records the digest of the recognition engine's output over the report
// fixtures for the current ENGINE_VERSION (test/unit/recognition/engineDigest.json). With --bump, first raises
// ENGINE_VERSION in src/core/recognition/engineVersion.ts by one. Without --bump it refuses to record a changed
// output under the version already recorded, since that would hide the change from the saved-analysis cache.

import { fileURLToPath } from 'node:url';
import { engineDigest, readRecordedDigest, RECORD_FILE } from '../test/unit/recognition/engineDigest';
import { recordVersionDigest } from './versionDigest';

process.exitCode = recordVersionDigest({
  task: 'record:engine-digest',
  what: 'recognition output',
  versionFile: fileURLToPath(new URL('../src/core/recognition/engineVersion.ts', import.meta.url)),
  constant: 'ENGINE_VERSION',
  recordFile: RECORD_FILE,
  recorded: readRecordedDigest(),
  current: engineDigest(),
});
