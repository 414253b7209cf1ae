// The pure part of the corpus check: reading manifest.csv, deciding whether a detected kind fits
// the manifest's kind, and comparing the engine's grades with the peer columns of the manifest.
// Kept apart from checkCorpus.ts (the I/O) so the rules themselves are unit-tested.

import type { Grade, JudgementArea, JudgementSource, ReportKind, ReportModel } from '../../src/core/recognition/model';

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export type ManifestRow = Record<string, string>;

export function parseManifest(text: string): ManifestRow[] {
  const [header, ...rows] = parseCsv(text).filter((r) => r.some((f) => f !== ''));
  if (!header?.includes('file') || !header.includes('kind')) throw new Error('manifest.csv: expected a header with "file" and "kind" columns');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function csvField(value: string | number | undefined): string {
  const s = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Which detected kinds count as recognising a document the manifest files under `manifestKind`. */
export const ACCEPTED_KINDS: Record<string, readonly ReportKind[]> = {
  inspection: ['ilacs-inspection', 'sif-inspection', 'sif-reinspection', 'lac-inspection-2013', 'cp-inspection-2013'],
  'focused-visit': ['focused-visit'],
  jtai: ['jtai'],
  'monitoring-visit': ['monitoring-visit'],
  'area-send': ['area-send'],
  'committee-paper': ['committee-paper'],
};

export function kindConsistent(manifestKind: string, detected: ReportKind): boolean {
  return (ACCEPTED_KINDS[manifestKind] ?? []).includes(detected);
}

/** Manifest column -> judgement area it records. */
export const PEER_COLUMNS: readonly (readonly [string, JudgementArea])[] = [
  ['peer_overall', 'overall'],
  ['peer_leaders', 'leaders'],
  ['peer_help_protection', 'help-protection'],
  ['peer_in_care', 'in-care'],
  ['peer_care_leavers', 'care-leavers'],
];

/**
 * A peer cell as a grade, or undefined when it holds none (blank, data_unreadable,
 * not_reported_post_reform, inspection_pre_dates_judgement, ...). "to requires improvement" occurs
 * in the manifest: a scraping remnant of "... judged to require improvement", read as that grade.
 */
export function peerGrade(cell: string): Grade | undefined {
  const s = cell.trim().toLowerCase().replace(/^to\s+/, '');
  if (s === 'outstanding' || s === 'good' || s === 'inadequate' || s === 'adequate') return s;
  if (/^requires? improvement( to be good)?$/.test(s)) return 'requires-improvement';
  return undefined;
}

const SOURCE_PRIORITY: readonly JudgementSource[] = ['table', 'heading', 'sentence', 'committee-list'];

export interface EngineGrade {
  grade: Grade;
  line: number;
  source: JudgementSource;
  /** Other grades the engine also gave this area (a contradiction worth reading). */
  conflicting: Grade[];
}

/** The engine's grade for an area: the most authoritative source wins, contradictions are reported. */
export function engineGrade(model: ReportModel, area: JudgementArea): EngineGrade | undefined {
  const found = model.judgements
    .filter((j) => j.area === area)
    .sort((a, b) => SOURCE_PRIORITY.indexOf(a.source) - SOURCE_PRIORITY.indexOf(b.source) || a.line - b.line);
  if (found.length === 0) return undefined;
  const [best] = found;
  const conflicting = [...new Set(found.map((j) => j.grade))].filter((g) => g !== best.grade);
  return { grade: best.grade, line: best.line, source: best.source, conflicting };
}

export type Outcome = 'agree' | 'disagree' | 'engine-missing' | 'peer-missing';

export interface AreaComparison {
  area: JudgementArea;
  outcome: Outcome | undefined;
  engine?: EngineGrade;
  peerCell: string;
  peer?: Grade;
}

/** One comparison per peer column; outcome undefined when neither side has a grade. */
export function compareWithPeer(model: ReportModel, row: ManifestRow): AreaComparison[] {
  return PEER_COLUMNS.map(([column, area]) => {
    const peerCell = row[column] ?? '';
    const peer = peerGrade(peerCell);
    const engine = engineGrade(model, area);
    let outcome: Outcome | undefined;
    if (engine && peer) outcome = engine.grade === peer ? 'agree' : 'disagree';
    else if (peer) outcome = 'engine-missing';
    else if (engine) outcome = 'peer-missing';
    return { area, outcome, engine, peerCell, peer };
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
