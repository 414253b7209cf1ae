// Scores one report's recognition against its hand-read gold record (test/gold/README.md): kind, grades,
// each list's item count and first words, the numbered-paragraph count, earlier grades.

import type { Grade, JudgementArea, ListItem, ReportKind, ReportModel } from '../../src/core/recognition/model';

export const GOLD_LISTS = ['priorityActions', 'areasForImprovement', 'strengths', 'lscbPriorityActions', 'lscbRecommendations', 'lscbStrengths'] as const;
export type GoldList = (typeof GOLD_LISTS)[number];

export interface GoldRecord {
  file: string;
  kind: ReportKind | string;
  grades: Partial<Record<JudgementArea, Grade>>;
  earlierGrades: { area?: JudgementArea; grade: Grade | string }[];
  lists: Record<GoldList, string[]>;
  paragraphs: number;
  notes?: string;
}

export interface FieldScore {
  field: string;
  right: number;
  total: number;
  misses: string[];
}

/** The engine's items for one gold list. */
export function engineList(model: ReportModel, list: GoldList): ListItem[] {
  const owner = list.startsWith('lscb') ? 'lscb' : 'local-authority';
  if (list === 'strengths' || list === 'lscbStrengths') return model.strengths.filter((s) => s.owner === owner);
  const priority = list === 'priorityActions' || list === 'lscbPriorityActions';
  return model.improvements.filter((i) => i.owner === owner && i.priority === priority);
}

/** Words compared as a reader would: case, quote style and punctuation around words do not matter. */
export function firstWords(text: string, n = 6): string[] {
  return text
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”]/g, '"')
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/^[^a-z0-9']+|[^a-z0-9]+$/g, ''))
    .filter(Boolean)
    .slice(0, n);
}


function sameGrades(a: Partial<Record<string, string>>, b: Partial<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

function show(grades: Partial<Record<string, string>>): string {
  return Object.entries(grades).sort().map(([a, g]) => `${a}=${g}`).join(' ') || '(none)';
}

export function scoreDocument(gold: GoldRecord, model: ReportModel): FieldScore[] {
  const scores: FieldScore[] = [];
  const one = (field: string, ok: boolean, miss: string) => scores.push({ field, right: ok ? 1 : 0, total: 1, misses: ok ? [] : [miss] });
  one('kind', model.kind === gold.kind, `kind ${model.kind}, read ${gold.kind}`);
  const grades = Object.fromEntries(model.judgements.map((j) => [j.area, j.grade]));
  one('grades', sameGrades(grades, gold.grades), `grades ${show(grades)}, read ${show(gold.grades)}`);
  // The running sequence, list items numbered in it included.
  const paragraphs = model.paragraphs.length;
  one('paragraphs', paragraphs === gold.paragraphs, `${paragraphs} paragraphs, read ${gold.paragraphs}`);
  const words: FieldScore = { field: 'first words', right: 0, total: 0, misses: [] };
  for (const list of GOLD_LISTS) {
    const expected = gold.lists[list] ?? [];
    const found = engineList(model, list);
    one(`${list} count`, found.length === expected.length, `${list}: ${found.length} found, read ${expected.length}${found.length > expected.length ? ` (extra from line ${found[expected.length]!.line}: "${found[expected.length]!.text.slice(0, 60)}")` : ''}`);
    expected.forEach((read, k) => {
      words.total++;
      const want = firstWords(read);
      const got = found[k] ? firstWords(found[k].text, want.length) : [];
      if (got.join(' ') === want.join(' ')) words.right++;
      else words.misses.push(`${list}[${k + 1}]: "${got.join(' ')}"${found[k] ? ` (line ${found[k].line})` : ''}, read "${want.join(' ')}"`);
    });
  }
  scores.push(words);
  const earlier = new Set(model.earlierJudgements.map((e) => `${e.area ?? '-'}:${e.grade}`));
  const readEarlier = new Set(gold.earlierGrades.map((e) => `${e.area ?? '-'}:${e.grade}`));
  const sameEarlier = earlier.size === readEarlier.size && [...earlier].every((e) => readEarlier.has(e));
  one('earlier grades', sameEarlier, `earlier ${[...earlier].sort().join(' ') || '(none)'}, read ${[...readEarlier].sort().join(' ') || '(none)'}`);
  return scores;
}
