// Bench part 'sidecar' (BENCH_ONLY=sidecar): the cost of adding one tag to a large tags file through the
// sidecar store (lock, read, check, parse, change, serialise, atomic write), against the least any writer must
// do with that file: read it, JSON.parse it, serialise it and write it back. Target: at most 2x.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnchor, textHash } from '../src/core/tags/anchoring/anchorCreation';
import { NodeFileSystem } from '../src/core/platform/fs/nodeFileSystem';
import type { Tag } from '../src/core/tags/sidecar/sidecarModel';
import { serialiseSidecar } from '../src/core/tags/sidecar/sidecarSerialiser';
import { SidecarStore } from '../src/core/tags/sidecar/sidecarStore';
import { addTag, emptySidecar } from '../src/core/tags/tagOperations';
import type { BenchRow } from './benchRow';

const TAGS = Number(process.env.BENCH_SIDECAR_TAGS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_SIDECAR_ROUNDS ?? 7);
const PARAGRAPH = 'Too many children wait too long for permanence; plans drift after review and are not revisited. ';
const THEMES = [
  { id: 'cc.permanence', label: 'Permanence' },
  { id: 'cc.care-planning', label: 'Care planning' },
  { id: 'lm.quality-assurance', label: 'Quality assurance' },
];

/** A tags file of `count` tags of the usual shape (themes, anchor, context, every fifth with a note). */
function largeSidecar(text: string, count: number): string {
  const sidecar = emptySidecar('report.txt', textHash(text), { kind: 'ilacs-inspection', authority: 'Northmoor' });
  const tags: Tag[] = [];
  for (let i = 0; i < count; i++) {
    const start = (i * 37) % (text.length - 60);
    const stamp = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    tags.push({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      themes: [THEMES[i % THEMES.length]!],
      ...(i % 5 === 0 ? { note: `Evidence point ${i}: compare with the previous visit.` } : {}),
      created: stamp,
      modified: stamp,
      anchor: createAnchor(text, start, start + 24 + (i % 30)),
      context: { section: 'The experiences and progress of children in care', sectionRole: 'judgement', paragraph: 1 + (i % 40) },
    });
  }
  return serialiseSidecar({ ...sidecar, tags });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function sidecarWriteBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sidecar-'));
  try {
    const text = PARAGRAPH.repeat(1500);
    const report = join(dir, 'report.txt');
    const sidecarPath = `${report}.tags.json`;
    writeFileSync(report, text);
    const initial = largeSidecar(text, TAGS);
    writeFileSync(sidecarPath, initial);
    const fs = new NodeFileSystem();
    // The same file system calls the store makes, so only the store's own work differs.
    const baseline = async () => {
      const value: unknown = JSON.parse(await fs.readFile(sidecarPath));
      await fs.writeFile(sidecarPath, JSON.stringify(value, null, 2) + '\n');
    };
    let added = 0;
    const addOne = async () => {
      const store = new SidecarStore(fs, { allowedRoots: [dir] });
      const start = (added * 101) % (text.length - 40);
      await store.save(report, (sidecar) => addTag(sidecar, { anchor: createAnchor(text, start, start + 30), themes: [THEMES[0]!] }).sidecar);
      added++;
    };
    const samples: Record<'base' | 'store', number[]> = { base: [], store: [] };
    for (let round = 0; round <= ROUNDS; round++) {
      // Alternating which goes first; round 0 warms up and is not recorded.
      const order: Array<['base' | 'store', () => Promise<void>]> = round % 2 === 0 ? [['base', baseline], ['store', addOne]] : [['store', addOne], ['base', baseline]];
      for (const [name, run] of order) {
        const t0 = performance.now();
        await run();
        if (round > 0) samples[name].push(performance.now() - t0);
      }
    }
    const mb = (initial.length / (1024 * 1024)).toFixed(1);
    return [
      {
        operation: `add one tag to a ${TAGS.toLocaleString('en-GB')}-tag sidecar through the store`,
        median: median(samples.store),
        baseline: { name: 'read + JSON.parse + serialise + write', median: median(samples.base) },
        target: 2,
        note: `${mb} MB file, ${ROUNDS} rounds`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
