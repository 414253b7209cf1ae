// What the Evidence webview is sent: the filtered evidence set, plus what the filter controls offer and
// each passage's citation (formatted here, by the core, so the webview never formats a citation itself).
// Plain JSON: it crosses postMessage. No vscode import, so it stays testable on its own.

import type { AuthorityGrades, EvidenceFilter, EvidenceItem, EvidenceProblem, EvidenceReport, EvidenceSet, RecurringImprovement, ThemeSummary } from './evidenceModel';
import { filterEvidence } from './evidenceFilter';
import { formatCitation, formatQuoteWithCitation, gradeLabel, kindLabel, longDate } from './citation';
import type { Grade, ReportKind } from '../recognition/model';

export interface EvidenceViewItem extends EvidenceItem {
  citation: string;
}

export interface EvidenceViewReport extends Omit<EvidenceReport, 'improvements'> {
  /** "Harbourside ILACS inspection, 22 March 2024": the column heading of the heat map. */
  label: string;
  shortLabel: string;
}

export interface EvidenceViewModel {
  folders: string[];
  /** The folders as the user knows them (relative to the workspace where possible). */
  folderLabels: string[];
  generated: string;
  filter: EvidenceFilter;
  options: {
    themes: Array<{ id: string; label: string }>;
    authorities: string[];
    kinds: Array<{ id: ReportKind; label: string }>;
    grades: Array<{ id: Grade; label: string }>;
  };
  totals: { reports: number; items: number };
  reports: EvidenceViewReport[];
  items: EvidenceViewItem[];
  themes: ThemeSummary[];
  gradesOverTime: AuthorityGrades[];
  recurringImprovements: RecurringImprovement[];
  problems: EvidenceProblem[];
  areaLabels: Record<string, string>;
}

const AREA_LABELS: Record<string, string> = {
  overall: 'Overall effectiveness',
  leaders: 'Impact of leaders',
  'help-protection': 'Help and protection',
  'in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  adoption: 'Adoption',
  lscb: 'LSCB',
};

/** Column headings stay short; the full label is in the heading's tooltip. */
const SHORT_KINDS: Partial<Record<ReportKind, string>> = {
  'focused-visit': 'FV',
  'monitoring-visit': 'MV',
  'committee-paper': 'paper',
  'area-send': 'SEND',
  'sif-inspection': 'SIF',
  'sif-reinspection': 'SIF',
  'lac-inspection-2013': 'LAC',
};

const GRADE_ORDER: Grade[] = ['outstanding', 'good', 'requires-improvement', 'adequate', 'inadequate'];

function year(date: string | undefined): string {
  return date ? date.slice(0, 4) : 'undated';
}

export function buildEvidenceViewModel(full: EvidenceSet, filter: EvidenceFilter, folderLabels: string[] = full.folders): EvidenceViewModel {
  const set = filterEvidence(full, filter);
  const themes = new Map<string, string>();
  for (const item of full.items) for (const t of item.themes) if (!themes.has(t.id)) themes.set(t.id, t.label);
  const authorities = [...new Set(full.reports.flatMap((r) => (r.authority ? [r.authority] : [])))].sort();
  const kinds = [...new Set(full.reports.map((r) => r.kind))].sort();
  const grades = new Set<Grade>([...full.items.flatMap((i) => (i.grade ? [i.grade] : [])), ...full.reports.flatMap((r) => r.judgements.map((j) => j.grade))]);
  return {
    folders: set.folders,
    folderLabels,
    generated: set.generated,
    filter,
    options: {
      themes: [...themes].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label)),
      authorities,
      kinds: kinds.map((id) => ({ id, label: kindLabel(id) })),
      grades: GRADE_ORDER.filter((g) => grades.has(g)).map((id) => ({ id, label: gradeLabel(id) })),
    },
    totals: { reports: full.reports.length, items: full.items.length },
    // Each report's areas for improvement stay here (the recurring ones are sent on their own): a large folder's
    // model crosses postMessage on every filter change.
    reports: set.reports.map(({ improvements: _improvements, ...r }) => ({
      ...r,
      label: [r.authority ?? r.fileName, kindLabel(r.kind), r.date ? longDate(r.date) : undefined].filter(Boolean).join(', '),
      shortLabel: `${r.authority ?? r.fileName} ${year(r.date)}${SHORT_KINDS[r.kind] ? ` ${SHORT_KINDS[r.kind]}` : ''}`,
    }))
      // Columns read as a timeline within each authority.
      .sort((a, b) => (a.authority ?? '').localeCompare(b.authority ?? '') || (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path)),
    // Passages in the columns' order: by authority, then date, then where they sit in the report.
    items: set.items
      .map((i) => ({ ...i, citation: formatCitation(i) }))
      .sort((a, b) => (a.authority ?? '').localeCompare(b.authority ?? '') || (a.reportDate ?? '').localeCompare(b.reportDate ?? '') || a.reportPath.localeCompare(b.reportPath) || (a.position?.start ?? Infinity) - (b.position?.start ?? Infinity)),
    themes: set.themes,
    gradesOverTime: set.gradesOverTime,
    recurringImprovements: set.recurringImprovements,
    problems: set.problems,
    areaLabels: AREA_LABELS,
  };
}

/** Quote and citation, as "copy with citation" puts them on the clipboard. */
export function clipboardText(item: EvidenceItem): string {
  return formatQuoteWithCitation(item);
}
