// N `report tag` processes started at once on one report whose tags file already holds M tags: every process must
// succeed (waiting its turn for the lock), and the file must end with M + N tags, each new one once.
// Used by parallelTaggers.test.ts (8 x 5 000); the full case runs on its own:
//   npx tsx test/unit/sidecar/parallelTaggers.ts 20 20000

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { type CliResult, runCliProcess } from '../hostile/cliProcess';
import { makeSidecar, REPORT_TEXT } from './helpers';

export interface ParallelOutcome {
  results: CliResult[];
  /** Ids of the tags in the file afterwards (undefined: it did not parse, see `problem`). */
  ids?: string[];
  problem?: string;
  /** Files left in the folder besides the report and its tags file (locks, temp files). */
  leftovers: string[];
  seconds: number;
}

/** `count` tags spread over the report, as a tagger would leave them. */
export function existingTags(count: number): Tag[] {
  const tags: Tag[] = [];
  for (let i = 0; i < count; i++) {
    const start = (i * 13) % (REPORT_TEXT.length - 40);
    const end = start + 10 + (i % 25);
    tags.push({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      themes: [{ id: 'cc.permanence', label: 'Permanence' }],
      created: '2026-01-05T10:00:00.000Z',
      modified: '2026-01-05T10:00:00.000Z',
      anchor: { position: { start, end, unit: 'utf-16' }, quote: { exact: REPORT_TEXT.slice(start, end), prefix: REPORT_TEXT.slice(Math.max(0, start - 32), start), suffix: REPORT_TEXT.slice(end, end + 32) } },
    });
  }
  return tags;
}

export async function runParallelTaggers(processes: number, existing: number): Promise<ParallelOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'parallel-taggers-'));
  try {
    writeFileSync(join(dir, 'report.txt'), REPORT_TEXT);
    writeFileSync(join(dir, 'report.txt.tags.json'), serialiseSidecar(makeSidecar(existingTags(existing))));
    // Bundle the command line before the clock starts (the first call builds it).
    await runCliProcess(dir, '--help');
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: processes }, (_, i) => {
        const start = (i * 7) % (REPORT_TEXT.length - 30);
        return runCliProcess(dir, 'tag', 'report.txt', '--theme', `process-${i}`, '--start', String(start), '--end', String(start + 20), '--note', `process ${i}`);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const parsed = parseSidecar(readFileSync(join(dir, 'report.txt.tags.json'), 'utf8'), 'report.txt.tags.json');
    const leftovers = readdirSync(dir).filter((n) => n !== 'report.txt' && n !== 'report.txt.tags.json');
    return parsed.ok ? { results, ids: parsed.sidecar.tags.map((t) => t.id), leftovers, seconds } : { results, problem: parsed.error.message, leftovers, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('parallelTaggers.ts')) {
  const processes = Number(process.argv[2] ?? 20);
  const existing = Number(process.argv[3] ?? 20_000);
  void runParallelTaggers(processes, existing).then((outcome) => {
    const failed = outcome.results.filter((r) => r.code !== 0);
    const newIds = outcome.results.map((r) => r.stdout.trim());
    const ids = outcome.ids ?? [];
    const missing = newIds.filter((id) => !ids.includes(id));
    console.log(`${processes} processes on ${existing} tags: ${processes - failed.length} exited 0 in ${outcome.seconds.toFixed(1)} s; file holds ${ids.length} tags (expected ${existing + processes}); missing ${missing.length}; leftovers ${outcome.leftovers.join(', ') || 'none'}${outcome.problem ? `; ${outcome.problem}` : ''}`);
    for (const r of failed) console.log(`exit ${r.code}: ${r.stderr.trim()}`);
    process.exitCode = failed.length === 0 && ids.length === existing + processes && missing.length === 0 && outcome.leftovers.length === 0 ? 0 : 1;
  });
}
