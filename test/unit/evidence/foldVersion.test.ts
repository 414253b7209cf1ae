import assert from 'node:assert/strict';
import { EVIDENCE_FOLD_VERSION } from '../../../src/core/evidence/foldVersion';
import { ENGINE_VERSION } from '../../../src/core/recognition/engineVersion';
import { foldDigest, readRecordedFoldDigest } from './foldDigest';

// Saved evidence (evidenceSnapshots.ts) is trusted only for the fold version that made it, so any change to what
// folding outputs must come with a new EVIDENCE_FOLD_VERSION: otherwise every user's cache would keep serving
// passages placed by the old code.
describe('EVIDENCE_FOLD_VERSION', () => {
  it('is bumped whenever the evidence folded from the tagged fixtures changes', async function () {
    this.timeout(60_000);
    const recorded = readRecordedFoldDigest();
    assert.ok(recorded, 'No recorded fold digest (test/unit/evidence/foldDigest.json): run `npm run record:fold-digest`.');
    if (recorded.version !== EVIDENCE_FOLD_VERSION) {
      assert.fail(`EVIDENCE_FOLD_VERSION is ${EVIDENCE_FOLD_VERSION} but the digest was recorded for version ${recorded.version}: run \`npm run record:fold-digest\` to record it for this version.`);
    }
    if (recorded.engine !== ENGINE_VERSION) {
      assert.fail(`The fold digest was recorded under recognition engine ${recorded.engine}, and the engine is now ${ENGINE_VERSION} (its own version guards its models): run \`npm run record:fold-digest\` to record it again.`);
    }
    const current = await foldDigest();
    assert.equal(
      current.digest,
      recorded.digest,
      `The evidence folded from the ${current.fixtures} tagged fixtures changed, but EVIDENCE_FOLD_VERSION is still ${EVIDENCE_FOLD_VERSION}. ` +
        'Saved evidence would be reused for the old output: bump the version and re-record with `npm run record:fold-digest -- --bump`.',
    );
  });

  it('is a positive whole number', () => {
    assert.ok(Number.isInteger(EVIDENCE_FOLD_VERSION) && EVIDENCE_FOLD_VERSION > 0);
  });
});
