// The recognition engine's version: part of every persistent analysis cache entry (analysisCache.ts), so a
// model saved by an older engine is never taken for this engine's. Bump it with any change to what
// recognition outputs; test/unit/recognition/engineVersion.test.ts fails when the output over the fixtures
// changes without a bump. `npm run record:engine-digest -- --bump` bumps it and records the new digest.

export const ENGINE_VERSION = 5;
