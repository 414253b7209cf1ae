// `npm run record:fold-digest [-- --bump]`: records the digest of the evidence folded from the tagged report
// fixtures for the current EVIDENCE_FOLD_VERSION and recognition engine (test/unit/evidence/foldDigest.json). With
// --bump, first raises EVIDENCE_FOLD_VERSION in src/core/evidence/foldVersion.ts by one. Without --bump it refuses
// to record a changed output under the fold version and engine already recorded, since that would hide the change
// from the saved evidence.

import { fileURLToPath } from 'node:url';
import { ENGINE_VERSION } from '../src/core/recognition/engineVersion';
import { foldDigest, readRecordedFoldDigest, RECORD_FILE } from '../test/unit/evidence/foldDigest';
import { recordVersionDigest } from './versionDigest';

foldDigest().then((current) => {
  process.exitCode = recordVersionDigest({
    task: 'record:fold-digest',
    what: 'folded evidence',
    versionFile: fileURLToPath(new URL('../src/core/evidence/foldVersion.ts', import.meta.url)),
    constant: 'EVIDENCE_FOLD_VERSION',
    recordFile: RECORD_FILE,
    recorded: readRecordedFoldDigest(),
    current,
    basis: { engine: ENGINE_VERSION },
  });
});
