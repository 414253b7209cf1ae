// The version of how a pair of files becomes evidence (its sidecar read, its passages placed and listed): part of
// every saved snapshot of folded evidence (evidenceSnapshots.ts), so passages folded by older code are never taken
// for this code's. Bump it with any change to what folding outputs; test/unit/evidence/foldVersion.test.ts fails
// when the folded evidence over the report fixtures changes without a bump. `npm run record:fold-digest -- --bump`
// bumps it and records the new digest.

export const EVIDENCE_FOLD_VERSION = 1;
