// Two windows tagging the same report, their saves interleaved at random: whatever the order, no
// added tag is lost, a deletion sticks unless it was made without seeing a newer edit (then the edit
// is kept), the last edit wins, and the file on disk is always a valid sidecar with no temp or lock
// files left beside it.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { SidecarStore } from '../../../src/core/tags/sidecar/sidecarStore';
import { addTag, editTag, removeTag } from '../../../src/core/tags/tagOperations';
import type { Sidecar } from '../../../src/core/tags/sidecar/sidecarModel';
import { anchorFor, REPORT_TEXT } from './helpers';

const REPORT = '/ws/report.txt';
const SIDECAR = '/ws/report.txt.tags.json';
const PHRASES = ['visit children regularly', 'plans drift after review', 'Leaders have recently', 'know them well', 'quality assurance'];

type Op = { window: 0 | 1; kind: 'add' | 'edit' | 'remove' | 'reload'; pick: number };

const opArb = fc.record({
  window: fc.constantFrom<0 | 1>(0, 1),
  kind: fc.constantFrom<Op['kind']>('add', 'add', 'edit', 'remove', 'reload'),
  pick: fc.nat(),
});

describe('concurrent writers (property)', () => {
  it('no tag lost, deletions stick, last edit wins, file always valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const fs = new MemoryFileSystem({ [REPORT]: REPORT_TEXT });
        const windows = [0, 1].map(() => new SidecarStore(fs, { allowedRoots: ['/ws'] }));
        // What each window shows its user: the sidecar as of its last load or save.
        const views: Sidecar[] = [];
        for (const w of windows) {
          await w.load(REPORT);
          views.push({ format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'report.txt', textHash: '0'.repeat(64) }, tags: [] });
        }
        const added = new Set<string>();
        // The expected state of each tag: absent, or present with the note of its latest edit.
        const expected = new Map<string, { present: boolean; note?: string }>();
        let clock = 0;
        const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
        for (const [step, op] of ops.entries()) {
          const store = windows[op.window]!;
          const visible = views[op.window]!.tags;
          let mutate: ((s: Sidecar) => Sidecar) | undefined;
          if (op.kind === 'add') {
            const id = `t${step}`;
            const at = now();
            mutate = (s) => addTag(s, { id, anchor: anchorFor(REPORT_TEXT, PHRASES[op.pick % PHRASES.length]!), themes: [{ id: 'x', label: 'X' }] }, { now: at }).sidecar;
            added.add(id);
            expected.set(id, { present: true });
          } else if ((op.kind === 'edit' || op.kind === 'remove') && visible.length > 0) {
            const id = visible[op.pick % visible.length]!.id;
            if (op.kind === 'edit') {
              const note = `note ${step}`;
              const at = now();
              mutate = (s) => (s.tags.some((t) => t.id === id) ? editTag(s, id, { note }, { now: at }) : s);
              expected.set(id, { present: true, note });
            } else {
              mutate = (s) => (s.tags.some((t) => t.id === id) ? removeTag(s, id) : s);
              const seen = visible.find((t) => t.id === id)!.note;
              const current = expected.get(id)!;
              // Deleting a copy older than the latest edit keeps the edit: work is not lost unseen.
              if (!current.present || current.note === seen) expected.set(id, { present: false });
            }
          }
          if (mutate) {
            const result = await store.save(REPORT, mutate);
            views[op.window] = result.sidecar;
          } else {
            const loaded = await store.load(REPORT);
            if (loaded.status === 'loaded') views[op.window] = loaded.sidecar;
          }
        }
        const text = fs.get(SIDECAR);
        if (added.size === 0) return;
        assert.ok(text !== undefined);
        const parsed = parseSidecar(text, 'report.txt.tags.json');
        assert.ok(parsed.ok, !parsed.ok ? parsed.error.message : '');
        const onDisk = new Map(parsed.sidecar.tags.map((t) => [t.id, t]));
        for (const id of added) {
          const want = expected.get(id)!;
          if (!want.present) assert.ok(!onDisk.has(id), `${id} was deleted but is still there`);
          else {
            assert.ok(onDisk.has(id), `${id} was lost`);
            assert.equal(onDisk.get(id)!.note, want.note, `${id} does not have its latest note`);
          }
        }
        assert.deepEqual(await fs.readDirectory('/ws'), ['report.txt', 'report.txt.tags.json']);
      }),
      { numRuns: 300 },
    );
  });
});
