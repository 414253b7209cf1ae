// Writers wait their turn: eight `report tag` processes at once on a report with 5 000 tags all succeed, and every
// tag is in the file once. (The full case, 20 processes on 20 000 tags, is `npx tsx test/unit/sidecar/parallelTaggers.ts`.)

import { strict as assert } from 'node:assert';
import { runParallelTaggers } from './parallelTaggers';

const PROCESSES = Number(process.env.PARALLEL_TAGGERS ?? 8);
const EXISTING = Number(process.env.PARALLEL_EXISTING_TAGS ?? 5000);

describe('parallel writers (real processes)', function () {
  this.timeout(180_000);

  it(`${PROCESSES} report tag processes on a ${EXISTING}-tag file: all exit 0, ${EXISTING + PROCESSES} tags after, none lost or doubled`, async () => {
    const outcome = await runParallelTaggers(PROCESSES, EXISTING);
    for (const r of outcome.results) assert.equal(r.code, 0, r.stderr);
    assert.equal(outcome.problem, undefined);
    const ids = outcome.ids!;
    assert.equal(ids.length, EXISTING + PROCESSES);
    assert.equal(new Set(ids).size, ids.length, 'no tag twice');
    for (const r of outcome.results) assert.ok(ids.includes(r.stdout.trim()), `tag ${r.stdout.trim()} is in the file`);
    assert.deepEqual(outcome.leftovers, [], 'no lock or temp file left');
  });
});
