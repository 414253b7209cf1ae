// The report model: what the recognition engine finds in one document.
// Offsets are UTF-16 code units into the text as given (the unit VS Code uses); end is exclusive.
// Lines are 1-based.

export type ReportKind =
  | 'ilacs-inspection'
  | 'sif-inspection'
  | 'sif-reinspection'
  | 'lac-inspection-2013'
  | 'cp-inspection-2013'
  | 'jtai'
  | 'focused-visit'
  | 'monitoring-visit'
  | 'committee-paper'
  | 'area-send'
  | 'unknown';

export type JudgementArea = 'overall' | 'leaders' | 'help-protection' | 'in-care' | 'care-leavers' | 'adoption' | 'lscb';

export type Grade = 'outstanding' | 'good' | 'requires-improvement' | 'inadequate' | 'adequate';

export interface Range {
  start: number;
  end: number;
}

export type SectionRole =
  | 'title'
  | 'overview'
  | 'headline-findings'
  | 'summary'
  | 'executive-summary'
  | 'what-needs-to-improve'
  | 'priority-action'
  | 'areas-for-improvement'
  | 'recommendations'
  | 'main-findings'
  | 'findings'
  | 'judgement'
  | 'areas-covered'
  | 'strengths'
  | 'progress-since-last-inspection'
  | 'summary-for-children'
  | 'information-about-area'
  | 'information-about-inspection'
  | 'lscb'
  | 'descriptors'
  | 'subtopic'
  | 'closing'
  | 'other';

export interface Section {
  title: string;
  role: SectionRole;
  /** 1 for top-level sections. */
  level: number;
  /** From the heading's first character to the end of the section's body. */
  range: Range;
  headingRange: Range;
  line: number;
  endLine: number;
  /** For judgement sections: the area they judge and, where the heading states it, the grade. */
  judgementArea?: JudgementArea;
  grade?: Grade;
  children: Section[];
}

export type JudgementSource = 'table' | 'heading' | 'sentence' | 'committee-list';

/** A grade this report gives. */
export interface Judgement {
  area: JudgementArea;
  grade: Grade;
  source: JudgementSource;
  /** The grade words as printed (may span a line break when the grade wraps). */
  range: Range;
  line: number;
}

/** A grade from an earlier inspection mentioned in this report: never one of this report's grades. */
export interface EarlierJudgement {
  grade: Grade;
  area?: JudgementArea;
  /** As printed, e.g. "October 2021", when the sentence gives it. */
  when?: string;
  range: Range;
  line: number;
}

export interface FrameworkRef {
  kind: 'outcome' | 'enabler';
  number: number;
  /** As printed, e.g. "(outcome 3, national framework)". */
  text: string;
}

/** Whose list an item is on: the local authority's, or the safeguarding children board's (SIF reports review both). */
export type ListOwner = 'local-authority' | 'lscb';

/** One item of a list the report prints: an area for improvement, a priority action, a strength. */
export interface ListItem {
  /** Item text with line wrapping and bullet glyphs removed. */
  text: string;
  owner: ListOwner;
  range: Range;
  line: number;
  /** The item's number where the report numbers it (SIF reports number items in their running paragraph sequence). */
  number?: number;
}

export interface Improvement extends ListItem {
  /** True under "Areas for priority action" / "Priority and immediate action". */
  priority: boolean;
  frameworkRefs: FrameworkRef[];
  /** Sub-topic the item is grouped under, where the report groups them (SIF "Leadership and management"). */
  group?: string;
}

/** A strength the report lists ("The local authority has the following strengths:", "The LSCB's strengths"): never an area for improvement. */
export type Strength = ListItem;

/**
 * A numbered paragraph. Most reports number paragraphs 1..N: `number` is the number as printed and there is no
 * `label`. Committee papers number them by section ("2.3"): `label` is the number as printed, and `number` the
 * paragraph's place among the document's numbered paragraphs (1-based), so it still orders and identifies them.
 * Show and cite paragraphLabel(p), never `number` alone.
 */
export interface NumberedParagraph {
  number: number;
  /** As printed, where the report numbers paragraphs by section: "2.3". */
  label?: string;
  range: Range;
  line: number;
}

/** How a reader cites the paragraph: "23", or "2.3" in a paper numbered by section. */
export function paragraphLabel(p: Pick<NumberedParagraph, 'number' | 'label'>): string {
  return p.label ?? String(p.number);
}

export type InspectionType = 'short' | 'standard';

export interface ReportMetadata {
  title?: string;
  authority?: string;
  /** As printed, plus ISO dates (YYYY-MM-DD) where they can be read. */
  inspectionDates?: { text: string; start?: string; end?: string };
  /** Letter date (letters) or publication date (reports), ISO. */
  publishedDate?: string;
  /**
   * ILACS only: a short inspection (one week on site, for authorities last judged good or outstanding) or a
   * standard one (two weeks), told from the report's own inspection dates; absent when they do not say.
   */
  inspectionType?: InspectionType;
  leadInspectors: string[];
  addressee?: string;
}

export interface ReportModel {
  kind: ReportKind;
  metadata: ReportMetadata;
  sections: Section[];
  judgements: Judgement[];
  earlierJudgements: EarlierJudgement[];
  /** Areas for improvement and priority actions, the local authority's and the LSCB's, in document order. */
  improvements: Improvement[];
  strengths: Strength[];
  paragraphs: NumberedParagraph[];
  lineCount: number;
}

export const REPORT_KINDS: readonly ReportKind[] = [
  'ilacs-inspection',
  'sif-inspection',
  'sif-reinspection',
  'lac-inspection-2013',
  'cp-inspection-2013',
  'jtai',
  'focused-visit',
  'monitoring-visit',
  'committee-paper',
  'area-send',
  'unknown',
];
export const JUDGEMENT_AREAS: readonly JudgementArea[] = ['overall', 'leaders', 'help-protection', 'in-care', 'care-leavers', 'adoption', 'lscb'];
export const GRADES: readonly Grade[] = ['outstanding', 'good', 'requires-improvement', 'inadequate', 'adequate'];
