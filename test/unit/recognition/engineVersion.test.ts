import assert from 'node:assert/strict';
import { ENGINE_VERSION } from '../../../src/core/recognition/engineVersion';
import { engineDigest, readRecordedDigest } from './engineDigest';

// Saved models (the persistent analysis cache) are trusted only for the engine version that made them, so any change
// to what recognition outputs must come with a new ENGINE_VERSION: otherwise every user's cache would keep serving
// the old engine's models.
describe('ENGINE_VERSION', () => {
  it('is bumped whenever recognition output over the report fixtures changes', function () {
    this.timeout(60_000);
    const recorded = readRecordedDigest();
    assert.ok(recorded, 'No recorded engine digest (test/unit/recognition/engineDigest.json): run `npm run record:engine-digest`.');
    const current = engineDigest();
    if (recorded.version !== ENGINE_VERSION) {
      assert.fail(`ENGINE_VERSION is ${ENGINE_VERSION} but the digest was recorded for version ${recorded.version}: run \`npm run record:engine-digest\` to record it for this version.`);
    }
    assert.equal(
      current.digest,
      recorded.digest,
      `Recognition output over the ${current.fixtures} fixtures in test/fixtures/reports changed (recorded over ${recorded.fixtures}), but ENGINE_VERSION is still ${ENGINE_VERSION}. ` +
        'Saved analyses would be reused for the old output: bump the version and re-record with `npm run record:engine-digest -- --bump`.',
    );
  });

  it('is a positive whole number (it names a cache entry format)', () => {
    assert.ok(Number.isInteger(ENGINE_VERSION) && ENGINE_VERSION > 0);
  });
});
