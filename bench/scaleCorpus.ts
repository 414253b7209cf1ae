// The scale fixture (issue 14): thousands of reports in every kind's style, each tagged (or one in `tagEvery`), for the benchmark's
// scale rows and the Evidence view's tests at scale. Built only from the project's own invented fixtures
// (test/fixtures/reports): each report is one fixture given another invented authority's name and a body grown
// with invented prose in the layout `pdftotext -layout` prints, so every text (and its cache key) differs.
// Deterministic from the seed: the same options write the same bytes on every machine.
//
//   npx tsx bench/scaleCorpus.ts <folder> [--reports 5000] [--tags 100] [--tag-every 1] [--seed 14]

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseReport } from '../src/core/recognition/analyse';
import { isReportName } from '../src/core/evidence/collectEvidence';
import { textHash } from '../src/core/tags/anchoring/anchorCreation';
import { serialiseSidecar } from '../src/core/tags/sidecar/sidecarSerialiser';
import { SIDECAR_FORMAT, SIDECAR_SUFFIX, SIDECAR_VERSION } from '../src/core/tags/sidecar/sidecarModel';
import { seededRandom } from './syntheticReport';
import { makeTags } from './benchTags';

export interface ScaleCorpusOptions {
  /** Number of reports; 5,000 by default (issue 14's national scale). */
  reports?: number;
  /** Tags in each tagged report's sidecar. */
  tagsPerReport?: number;
  /** Every report is tagged by default (5,000 × 100 = 500,000 tags); 2 tags every other one, the rest have no sidecar. */
  tagEvery?: number;
  seed?: number;
  /** The fixtures the reports are made from; test/fixtures/reports by default. */
  fixtureFolder?: string;
}

export interface ScaleCorpusSummary {
  reports: number;
  taggedReports: number;
  tags: number;
  authorities: number;
  reportBytes: number;
  sidecarBytes: number;
}

// Invented place names (none is an English local authority): 15 x 10 = 150 authorities, as many as England has.
const FIRST = ['Ash', 'Bram', 'Cal', 'Dun', 'Elm', 'Fen', 'Gar', 'Hol', 'Ivy', 'Kel', 'Lang', 'Mar', 'Nor', 'Oak', 'Pen'];
const SECOND = ['bridge', 'combe', 'dale', 'field', 'ford', 'hurst', 'mere', 'stow', 'wick', 'worth'];
export const SCALE_AUTHORITIES: readonly string[] = FIRST.flatMap((a) => SECOND.map((b) => a + b));

const SUBJECTS = ['Social workers', 'Team managers', 'Independent reviewing officers', 'Personal advisers', 'Leaders', 'Partner agencies', 'Foster carers', 'The virtual school'];
const VERBS = ['visit children regularly and', 'do not always', 'have improved how they', 'are beginning to', 'in most cases', 'now routinely'];
const OBJECTS = [
  'see children alone, so that their wishes and feelings shape their plans',
  'review the progress of children in care at regular intervals',
  'consider the history of each family when they assess risk',
  'plan for permanence at the earliest opportunity',
  'support care leavers to find suitable accommodation',
  'use performance information to understand the quality of practice',
  'record the reasons for decisions on the child’s file',
];
const TAILS = [
  'This is not yet consistent across all teams.', 'Audits do not always identify these weaknesses.',
  'As a result, children’s circumstances improve.', 'Caseloads are manageable, and staff feel well supported.',
  'The impact of this work is not yet evident for all children.',
];

/** Writes the corpus into `folder` (one sub-folder per authority) and says what it wrote. */
export function generateScaleCorpus(folder: string, options: ScaleCorpusOptions = {}): ScaleCorpusSummary {
  const count = options.reports ?? 5000;
  const tagsPerReport = options.tagsPerReport ?? 100;
  const tagEvery = Math.max(1, options.tagEvery ?? 1);
  const seed = options.seed ?? 14;
  const fixtures = loadFixtures(options.fixtureFolder ?? resolve(__dirname, '..', 'test/fixtures/reports'));
  const summary: ScaleCorpusSummary = { reports: 0, taggedReports: 0, tags: 0, authorities: 0, reportBytes: 0, sidecarBytes: 0 };
  const authorities = new Set<string>();
  for (let i = 0; i < count; i++) {
    const random = seededRandom(seed * 100_003 + i);
    const fixture = fixtures[i % fixtures.length]!;
    const authority = SCALE_AUTHORITIES[Math.floor(i / fixtures.length) % SCALE_AUTHORITIES.length]!;
    authorities.add(authority);
    const text = grownReport(fixture, authority, 4_000 + Math.floor(random() * 40_000), random);
    const sub = join(folder, authority.toLowerCase());
    mkdirSync(sub, { recursive: true });
    const fileName = `${fixture.stem}-${authority.toLowerCase()}-${String(i).padStart(5, '0')}${fixture.extension}`;
    writeFileSync(join(sub, fileName), text);
    summary.reports++;
    summary.reportBytes += Buffer.byteLength(text);
    if (i % tagEvery === 0) {
      const tags = makeTags(text, tagsPerReport, seed * 1_000_003 + i);
      const sidecar = serialiseSidecar({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName, textHash: textHash(text) }, tags } as Parameters<typeof serialiseSidecar>[0]);
      writeFileSync(join(sub, fileName + SIDECAR_SUFFIX), sidecar);
      summary.taggedReports++;
      summary.tags += tags.length;
      summary.sidecarBytes += Buffer.byteLength(sidecar);
    }
  }
  summary.authorities = authorities.size;
  return summary;
}

interface Fixture {
  /** The file name without its year, authority and extension: "ilacs", "focused-visit". */
  stem: string;
  extension: string;
  text: string;
  authority?: string;
  /** Where invented paragraphs go: the end of a body paragraph in the middle of the report. */
  insertAt: number;
}

function loadFixtures(folder: string): Fixture[] {
  return readdirSync(folder).filter(isReportName).sort().map((name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    const extension = name.slice(name.lastIndexOf('.'));
    const model = analyseReport(text, { markdown: extension !== '.txt' });
    const middle = model.paragraphs[model.paragraphs.length >> 1];
    const blank = text.indexOf('\n\n', text.length >> 1);
    const insertAt = middle ? middle.range.end : blank >= 0 ? blank : text.length;
    const stem = name.slice(0, name.search(/-\d{4}/) >= 0 ? name.search(/-\d{4}/) : name.lastIndexOf('.'));
    return { stem, extension, text, insertAt, ...(model.metadata.authority ? { authority: model.metadata.authority } : {}) };
  });
}

/** The fixture under another authority's name, with invented paragraphs added until it is about `size` long. */
function grownReport(fixture: Fixture, authority: string, size: number, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const paragraphs: string[] = [];
  let length = fixture.text.length;
  while (length < size) {
    const sentences = 2 + Math.floor(random() * 4);
    const prose: string[] = [];
    for (let s = 0; s < sentences; s++) prose.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}. ${pick(TAILS)}`);
    const wrapped = wrapProse(prose.join(' '), 86).join('\n');
    paragraphs.push(wrapped);
    length += wrapped.length + 2;
  }
  const grown = fixture.text.slice(0, fixture.insertAt) + (paragraphs.length ? `\n\n${paragraphs.join('\n\n')}` : '') + fixture.text.slice(fixture.insertAt);
  // Every mention of the fixture's authority (its name as the report writes it) becomes the new one's.
  return fixture.authority ? grown.split(fixture.authority).join(authority) : grown;
}

function wrapProse(words: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function main(argv: string[]): void {
  const folder = argv[0];
  const flag = (name: string, fallback: number): number => {
    const at = argv.indexOf(name);
    if (at < 0) return fallback;
    const value = Number(argv[at + 1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number, not "${argv[at + 1] ?? ''}"`);
    return value;
  };
  if (!folder || folder.startsWith('--')) throw new Error('usage: npx tsx bench/scaleCorpus.ts <folder> [--reports 5000] [--tags 100] [--tag-every 1] [--seed 14]');
  const t0 = performance.now();
  const summary = generateScaleCorpus(resolve(folder), { reports: flag('--reports', 5000), tagsPerReport: flag('--tags', 100), tagEvery: flag('--tag-every', 1), seed: flag('--seed', 14) });
  console.log(`${summary.reports} reports (${summary.taggedReports} tagged, ${summary.tags} tags) for ${summary.authorities} authorities in ${folder}: ${(summary.reportBytes / 1048576).toFixed(0)} MB of reports, ${(summary.sidecarBytes / 1048576).toFixed(0)} MB of sidecars (${((performance.now() - t0) / 1000).toFixed(1)} s).`);
}

if (/scaleCorpus\.[jt]s$/.test(process.argv[1] ?? '')) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
