// Property (issue 11): what a reader takes from a report (its kind, grades, every list's items by owner and
// first words, its paragraph numbers) does not change when a converter of another page width re-wraps its prose.
// The re-wrapper below moves only the words of paragraphs and list items; headings, list markers, paragraph
// numbers, table rows, footers and blank lines stay where they are.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { paragraphLabel, type ReportModel } from '../../../src/core/recognition/model';
import { fixture, gradeList } from './fixtureReports';
import * as listFixtures from './actionListFixtures';

/** "12.   ", "•   ", "\uF0A7      ", "1.1 ": a list marker or paragraph number and the gap after it. */
const MARKER = /^(?:\d{1,3}(?:\.\d{1,2})?\.?|[•\uF0B7\uF0A7\uF06E■▪●◦·*–-])\s+/;
const BARE_MARKER = /^\s*(?:\d{1,3}(?:\.\d{1,2})?\.?|[•\uF0B7\uF0A7\uF06E■▪●◦·*–-])\s*$/;
/** A line a sentence ends on. */
const SENTENCE_END = /[.;:?!]["'’”)]?$/;
/** A full line of wrapped prose: shorter non-final lines are headings, names in a table cell or layout, not wrapping. */
const FULL_LINE = 45;
/** Indented this far, a line is a table's right-hand column, laid out by position. */
const COLUMN_INDENT = 16;

interface Block {
  /** Indent and marker of the first line, kept as they are. */
  prefix: string;
  /** Indent of every later line: the paragraph's or item's hanging indent. */
  hanging: string;
  words: string[];
}

/** A line that is prose the re-wrapper may move: no column gap inside it, not laid out in a table column. */
function flowable(line: string): boolean {
  const indent = line.length - line.trimStart().length;
  const content = line.trimStart().replace(MARKER, '');
  // A number or bullet alone on its line ("5." above its paragraph in reading-order text) stays where it is.
  return content.length > 0 && !BARE_MARKER.test(line) && indent < COLUMN_INDENT && !/\S {3,}\S|\t/.test(content) && !/^#|^\||^</.test(line.trimStart());
}

/** Fill `block`'s words into lines of at most `width` columns (a word longer than that stands alone). */
function fill(block: Block, width: number): string[] {
  const out: string[] = [];
  let current = block.prefix;
  let empty = true;
  for (const word of block.words) {
    if (!empty && current.length + 1 + word.length > width) {
      out.push(current);
      current = block.hanging + word;
    } else {
      current = empty ? current + word : `${current} ${word}`;
    }
    empty = false;
  }
  out.push(current);
  return out;
}

/**
 * The block of prose starting at line `i`: a run of flowable lines, each but the last a full line ending no sentence,
 * no later one starting with a marker. Undefined where the run is no prose (it ends on no sentence: a heading).
 */
function proseBlock(lines: string[], i: number): { block: Block; next: number } | undefined {
  const first = lines[i]!;
  if (!flowable(first)) return undefined;
  const indent = first.length - first.trimStart().length;
  const marker = MARKER.exec(first.trimStart())?.[0] ?? '';
  let end = i;
  while (
    end + 1 < lines.length && flowable(lines[end + 1]!) && !MARKER.test(lines[end + 1]!.trimStart()) &&
    lines[end]!.trim().length >= FULL_LINE && !SENTENCE_END.test(lines[end]!.trimEnd())
  ) end++;
  // A bulleted item may end on no full stop (2013 reports), when a blank line closes it.
  const closedItem = marker !== '' && (end + 1 === lines.length || lines[end + 1]!.trim() === '');
  if (!SENTENCE_END.test(lines[end]!.trimEnd()) && !closedItem) return undefined;
  const second = end > i ? lines[i + 1]! : undefined;
  const hanging = ' '.repeat(second ? second.length - second.trimStart().length : indent + marker.length);
  const prefix = first.slice(0, indent + marker.length);
  const words = lines.slice(i, end + 1).map((l, k) => (k === 0 ? l.slice(prefix.length) : l)).join(' ').trim().split(/\s+/);
  return { block: { prefix, hanging, words }, next: end + 1 };
}

/** The report as a converter printing `width` columns would have wrapped its paragraphs and items. */
function rewrap(text: string, width: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const found = proseBlock(lines, i);
    if (found) {
      out.push(...fill(found.block, width));
      i = found.next;
    } else {
      out.push(lines[i]!);
      i++;
    }
  }
  return out.join('\n');
}

/** What a reader takes from a report: kind, grades, each list's items by owner and kind (and their whole text), paragraph numbers as printed. */
function reading(model: ReportModel): Record<string, unknown> {
  const words = (text: string) => text.split(/\s+/).slice(0, 5).join(' ');
  return {
    kind: model.kind,
    grades: gradeList(model),
    earlier: model.earlierJudgements.length,
    improvements: model.improvements.map((i) => `${i.owner} ${i.priority ? 'priority' : 'afi'} #${i.number ?? '-'} ${i.group ?? '-'}: ${words(i.text)}`),
    itemTexts: [...model.improvements, ...model.strengths].map((i) => i.text.replace(/\s+/g, ' ')),
    strengths: model.strengths.map((s) => `${s.owner} #${s.number ?? '-'}: ${words(s.text)}`),
    paragraphs: model.paragraphs.map((p) => `${paragraphLabel(p)}@${p.number}`),
  };
}

const here = dirname(fileURLToPath(import.meta.url));
const reportFixtures: [string, string, boolean][] = readdirSync(join(here, '../../fixtures/reports'))
  .filter((name) => /\.(?:txt|md)$/.test(name)).sort()
  .map((name) => [name, fixture(name), name.endsWith('.md')]);
const written: [string, string, boolean][] = Object.entries(listFixtures as Record<string, unknown>)
  .flatMap(([name, text]): [string, string, boolean][] => (typeof text === 'string' ? [[name, text, false]] : []));
const WIDTHS = [60, 72, 100];

/** Re-wrappings recognition gets wrong today: kept as tests, skipped with the reason, reported to the lead. */
const KNOWN_BUGS: Record<string, string> = {};

describe('recognition: the same reading whatever width the prose is wrapped to (property)', () => {
  for (const [name, text, markdown] of [...written, ...reportFixtures]) {
    const original = reading(analyseReport(text, { markdown }));
    for (const width of WIDTHS) {
      const bug = KNOWN_BUGS[`${name}@${width}`];
      (bug ? it.skip : it)(`${name} re-wrapped at ${width} columns${bug ? ` (bug: ${bug})` : ''}`, () => {
        assert.deepEqual(reading(analyseReport(rewrap(text, width), { markdown })), original);
      });
    }
  }
});

describe('the re-wrapper (the property is not vacuous)', () => {
  it('changes every written fixture at every width, and most of the project\'s fixtures', () => {
    for (const [name, text] of written) for (const width of WIDTHS) assert.notEqual(rewrap(text, width), text, `${name} at ${width}`);
    const changed = reportFixtures.filter(([, text]) => WIDTHS.every((w) => rewrap(text, w) !== text)).length;
    assert.ok(changed >= reportFixtures.length * 0.75, `${changed} of ${reportFixtures.length} fixtures change at every width`);
  });

  it('the reading notices damage: a list heading turned into prose changes it', () => {
    const text = listFixtures.ILACS_2018_OAKHURST;
    const damaged = text.replace('What needs to improve\n', 'What needs to improve is set out below, and\n');
    assert.notEqual(damaged, text);
    assert.notDeepEqual(reading(analyseReport(damaged)), reading(analyseReport(text)));
  });

  it('re-flows a numbered paragraph under its hanging indent, keeping its number', () => {
    const text = '    16. Independent reviewing officers know the children they review well, and\n        social workers and managers mostly act on their\n        recommendations.\n';
    assert.equal(rewrap(text, 60), '    16. Independent reviewing officers know the children\n        they review well, and social workers and managers\n        mostly act on their recommendations.\n');
    assert.equal(rewrap(text, 100), '    16. Independent reviewing officers know the children they review well, and social workers and\n        managers mostly act on their recommendations.\n');
  });

  it('leaves headings, table rows, footers and blank lines as they are', () => {
    const text = [
      'What does the local authority need to improve?', 'Priority and immediate action', '',
      '1. Children who need help and protection                          Requires improvement', '',
      'The experiences and progress of children who need help and protection', 'requires improvement to be good', '',
      'Inspection report: Aldermoor Local Area Partnership', '11 to 15 March 2024                                   6',
      ' Aldermoor City Council             Leaders should make sure that the local offer gives',
      '                                    families accurate information about services.',
    ].join('\n');
    for (const width of WIDTHS) assert.equal(rewrap(text, width), text, `at ${width}`);
  });

  it('never moves a word across a marker: each bullet stays an item of its own', () => {
    const text = '\uF0B7 The timeliness and quality of assessments of friends and family carers in every team.\n\uF0B7 The understanding of thresholds.\n';
    assert.equal(rewrap(text, 60), '\uF0B7 The timeliness and quality of assessments of friends and\n  family carers in every team.\n\uF0B7 The understanding of thresholds.\n');
  });
});
