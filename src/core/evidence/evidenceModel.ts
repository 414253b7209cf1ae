// Evidence across reports: what `collectEvidence` finds in a set of folders, and what the exports read.
// Plain data (no Maps) so it serialises to JSON as is (schemas/evidence.schema.json).

import type { Grade, JudgementArea, ListOwner, ReportKind, SectionRole } from '../recognition/model';
import type { TagTheme } from '../tags/sidecar/sidecarModel';
import type { ImportProvenance } from '../import/provenance';

/** 'published': publication or letter date (the report's, or the sidecar's); 'inspection': last day of the inspection. */
export type ReportDateKind = 'published' | 'inspection';

/** One tagged passage, with where it sits in its report. */
export interface EvidenceItem {
  tagId: string;
  themes: TagTheme[];
  /** The tagged words as stored in the sidecar (the text the user tagged). */
  quote: string;
  /** Path of the report file (as found under the folders given). */
  reportPath: string;
  reportFileName: string;
  reportKind: ReportKind;
  authority?: string;
  /** ISO date (YYYY-MM-DD): publication / letter date, else inspection end date, else the sidecar's date. */
  reportDate?: string;
  /** Which date reportDate is, so a citation does not call an inspection date a publication date. */
  reportDateKind?: ReportDateKind;
  section?: string;
  sectionRole?: SectionRole;
  paragraph?: number;
  /** The paragraph's number as printed where it is not `paragraph` itself: "2.3" in a committee paper numbered by section. */
  paragraphLabel?: string;
  judgementArea?: JudgementArea;
  /** Grade of the judgement section the passage sits in. */
  grade?: Grade;
  /**
   * Whose list the passage lies on, when it overlaps an item the report lists (area for improvement, priority
   * action, strength): SIF reports list the safeguarding children board's items beside the council's.
   */
  listOwner?: ListOwner;
  note?: string;
  author?: string;
  created?: string;
  modified?: string;
  /** The passage could not be found in the report text: the stored quote is all there is. */
  orphaned: boolean;
  /** Where the passage is in the report text now, UTF-16 offsets (absent when orphaned or no report text). */
  position?: { start: number; end: number };
  /** The PDF the report text was imported from, when it was. */
  source?: ImportProvenance;
}

export interface ReportJudgement {
  area: JudgementArea;
  grade: Grade;
}

export interface ReportImprovement {
  text: string;
  priority: boolean;
  /** The local authority's item, or the safeguarding children board's (SIF reports list both). */
  owner: ListOwner;
  /** The item's number where the report numbers it. */
  number?: number;
  line: number;
  /** Theme ids of the tags that overlap this improvement. */
  themeIds: string[];
}

/** Every report found, tagged or not, so that gaps show. */
export interface EvidenceReport {
  path: string;
  fileName: string;
  kind: ReportKind;
  authority?: string;
  date?: string;
  dateKind?: ReportDateKind;
  title?: string;
  /** The report's own grades (never earlier inspections' grades). */
  judgements: ReportJudgement[];
  /** Areas for improvement and priority actions, the local authority's and the board's, in document order. */
  improvements: ReportImprovement[];
  sidecarPath?: string;
  /** Tags found in the sidecar (0 when there is none). */
  tagCount: number;
  orphanedCount: number;
  /** True when the report text could not be read (its tags still count, from the sidecar alone). */
  textMissing?: boolean;
  /** The PDF the report text was imported from: the text's own provenance line, else the sidecar's record. */
  source?: ImportProvenance;
}

export type ProblemKind =
  | 'malformed-sidecar'
  | 'newer-sidecar-version'
  | 'sidecar-warning'
  | 'orphaned-tag'
  | 'sidecar-without-report'
  | 'unreadable-report'
  | 'report-too-large'
  | 'unreadable-folder';

/** Every problem is listed, never skipped silently. */
export interface EvidenceProblem {
  kind: ProblemKind;
  path: string;
  message: string;
  tagId?: string;
}

export interface ThemeSummary {
  themeId: string;
  label: string;
  total: number;
  /** reportPath -> number of passages; reports absent here have none. */
  perReport: Record<string, number>;
  /** judgement area (or 'none' outside judgement sections) -> number of passages. */
  perArea: Record<string, number>;
}

export interface RecurringOccurrence {
  reportPath: string;
  date?: string;
  year?: number;
  text: string;
  themeIds: string[];
}

/** A local authority's area for improvement that comes back in its reports over time (the board's items never count). */
export interface RecurringImprovement {
  authority: string;
  occurrences: RecurringOccurrence[];
  years: number[];
  /** How the occurrences were linked: a shared theme, similar wording, or both. */
  matchedBy: Array<'theme' | 'wording'>;
  sharedThemeIds: string[];
}

export interface GradePoint {
  date?: string;
  reportPath: string;
  kind: ReportKind;
  grade: Grade;
}

export interface AuthorityGrades {
  authority: string;
  /** judgement area -> grades in date order. */
  areas: Record<string, GradePoint[]>;
}

export interface EvidenceSet {
  /** ISO timestamp of the run; injected so exports are reproducible. */
  generated: string;
  folders: string[];
  reports: EvidenceReport[];
  items: EvidenceItem[];
  themes: ThemeSummary[];
  recurringImprovements: RecurringImprovement[];
  gradesOverTime: AuthorityGrades[];
  problems: EvidenceProblem[];
}

export interface EvidenceFilter {
  themeIds?: string[];
  /** Case- and spacing-insensitive. */
  authority?: string;
  kinds?: ReportKind[];
  /** Inclusive ISO dates. Reports without a date are excluded when a range is given. */
  since?: string;
  until?: string;
  grades?: Grade[];
}
