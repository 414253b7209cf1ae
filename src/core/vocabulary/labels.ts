// The vocabulary folder owns every user-facing word for report kinds, judgement areas, grades and grade
// sources: each form (title, citation, short column, full name, meaning) is defined here once, and every
// view, export, hover, the CLI and the Evidence view read it from here, so they can never disagree.

import type { Grade, InspectionType, JudgementArea, JudgementSource, ListOwner, ReportKind, ReportMetadata } from '../recognition/model';

export interface KindWords {
  /** As the Outline, status bar and CLI name it: "ILACS inspection report". */
  title: string;
  /** Inside a citation, after the authority: "Westmere ILACS inspection, published …". */
  citation: string;
  /** Tag for narrow column headings ("SIF", "FV"); '' for the ordinary ILACS report and an unrecognised document, left unmarked so most headings stay short. */
  column: string;
}

export const KIND_WORDS: Record<ReportKind, KindWords> = {
  'ilacs-inspection': { title: 'ILACS inspection report', citation: 'ILACS inspection', column: '' },
  'sif-inspection': { title: 'SIF inspection report (2014–2017)', citation: 'SIF inspection', column: 'SIF' },
  'sif-reinspection': { title: 'SIF re-inspection report', citation: 'SIF re-inspection', column: 'SIF' },
  'lac-inspection-2013': { title: 'Looked-after children inspection (2013)', citation: 'looked-after children inspection', column: 'LAC' },
  'cp-inspection-2013': { title: 'Child protection inspection (2013)', citation: 'child protection inspection', column: 'CP' },
  jtai: { title: 'Joint targeted area inspection letter', citation: 'joint targeted area inspection', column: 'JTAI' },
  'focused-visit': { title: 'Focused-visit letter', citation: 'focused visit', column: 'FV' },
  'monitoring-visit': { title: 'Monitoring-visit letter', citation: 'monitoring visit', column: 'MV' },
  'committee-paper': { title: 'Council committee paper', citation: 'committee paper', column: 'paper' },
  'area-send': { title: 'Area SEND inspection report', citation: 'area SEND inspection', column: 'SEND' },
  unknown: { title: 'Unrecognised document', citation: 'report', column: '' },
};

export interface AreaWords {
  /** Outline, CLI, Markdown export: "Impact of leaders". */
  label: string;
  /** Narrow columns and chart rows of the Evidence view: "LSCB". */
  short: string;
  /** The judgement table's row label, as the reports print it (grade hover). */
  fullName: string;
}

/** In the order judgements come in a report (also the order of the Evidence view's area columns). */
export const AREA_WORDS: Record<JudgementArea, AreaWords> = {
  overall: { label: 'Overall effectiveness', short: 'Overall effectiveness', fullName: 'Overall effectiveness' },
  leaders: {
    label: 'Impact of leaders',
    short: 'Impact of leaders',
    fullName: 'The impact of leaders on social work practice with children and families',
  },
  'help-protection': {
    label: 'Help and protection',
    short: 'Help and protection',
    fullName: 'The experiences and progress of children who need help and protection',
  },
  'in-care': { label: 'Children in care', short: 'Children in care', fullName: 'The experiences and progress of children in care' },
  'care-leavers': { label: 'Care leavers', short: 'Care leavers', fullName: 'The experiences and progress of care leavers' },
  adoption: { label: 'Adoption performance', short: 'Adoption', fullName: 'Adoption performance' },
  lscb: { label: 'Safeguarding children board', short: 'LSCB', fullName: 'The effectiveness of the Local Safeguarding Children Board' },
};

export interface OwnerWords {
  /** A list's heading, as the Outline and CLI name whose list it is: "Safeguarding children board". */
  label: string;
  /** Added after an item's kind where the owner is not the local authority: "Area for improvement (LSCB)". */
  short: string;
  /** In running text, as the reports name it: "the Local Safeguarding Children Board". */
  name: string;
}

/** Whose list an item is on. The board's words are the LSCB judgement area's, so the two never drift apart. */
export const OWNER_WORDS: Record<ListOwner, OwnerWords> = {
  'local-authority': { label: 'Local authority', short: 'local authority', name: 'the local authority' },
  lscb: { label: AREA_WORDS.lscb.label, short: AREA_WORDS.lscb.short, name: 'the Local Safeguarding Children Board' },
};

/** The kinds of item a report lists: areas for improvement, priority actions, strengths. */
export type ListItemKind = 'improvement' | 'priority-action' | 'strength';

export interface ListItemWords {
  /** Outline detail, hover title: "Area for improvement". */
  label: string;
  /** In running text and action titles ("Tag this area for priority action…"): lower case. */
  phrase: string;
  /** Counts and list headings: "areas for improvement". */
  plural: string;
}

export const LIST_ITEM_WORDS: Record<ListItemKind, ListItemWords> = {
  improvement: { label: 'Area for improvement', phrase: 'area for improvement', plural: 'areas for improvement' },
  'priority-action': { label: 'Priority action', phrase: 'area for priority action', plural: 'priority actions' },
  strength: { label: 'Strength', phrase: 'strength', plural: 'strengths' },
};

/** The local authority's items go unmarked (most reports list only theirs); another owner's are named: "Area for improvement (LSCB)". */
export function listItemLabel(kind: ListItemKind, owner: ListOwner): string {
  return withOwner(LIST_ITEM_WORDS[kind].label, owner);
}

/** listItemLabel in running text: "area for priority action (LSCB)". */
export function listItemPhrase(kind: ListItemKind, owner: ListOwner): string {
  return withOwner(LIST_ITEM_WORDS[kind].phrase, owner);
}

function withOwner(words: string, owner: ListOwner): string {
  return owner === 'local-authority' ? words : `${words} (${OWNER_WORDS[owner].short})`;
}

export interface GradeWords {
  /** Outline, CLI, hover, Evidence view chips: "Requires improvement". */
  label: string;
  /** Inside a citation or export, as Ofsted words it in running text: "requires improvement to be good". */
  citation: string;
  /** What the grade says, in plain language, for a reader new to Ofsted's scale (grade hover). */
  meaning: string;
}

export const GRADE_WORDS: Record<Grade, GradeWords> = {
  outstanding: {
    label: 'Outstanding',
    citation: 'outstanding',
    meaning: 'The highest grade: practice is exceptional and makes a significant, lasting positive difference to children.',
  },
  good: {
    label: 'Good',
    citation: 'good',
    meaning: 'Practice consistently helps children and young people; any weaknesses are minor and do not leave children at risk.',
  },
  'requires-improvement': {
    label: 'Requires improvement',
    citation: 'requires improvement to be good',
    meaning:
      'Services are not yet good. Children are not harmed or left at risk, but their experiences and progress are not consistently good enough.',
  },
  inadequate: {
    label: 'Inadequate',
    citation: 'inadequate',
    meaning:
      'The lowest grade: serious or widespread failures leave children harmed or at risk of harm. Ofsted then monitors the authority until it is re-inspected.',
  },
  adequate: {
    label: 'Adequate',
    citation: 'adequate',
    meaning: 'A grade of the older (2013) scale, between good and inadequate: services meet minimum requirements but are not good.',
  },
};

/** Best first, for lists and filters; the older scale's "adequate" sits between requires improvement and inadequate. */
export const GRADE_DISPLAY_ORDER: readonly Grade[] = ['outstanding', 'good', 'requires-improvement', 'adequate', 'inadequate'];

/** Where the grade was read from, as a reader would describe it. */
export const SOURCE_DESCRIPTIONS: Record<JudgementSource, string> = {
  table: "the report's judgement table",
  heading: 'the heading of the judgement section',
  sentence: 'a sentence stating the judgement',
  'committee-list': "the committee paper's list of judgements",
};

export function kindTitle(kind: ReportKind): string {
  return KIND_WORDS[kind].title;
}

/** An ILACS inspection's length, as Ofsted names it. */
export const INSPECTION_TYPE_WORDS: Record<InspectionType, string> = { short: 'short inspection', standard: 'standard inspection' };

/** The kind's title, with the inspection's type where the report's dates tell it: "ILACS inspection report (short inspection)". */
export function reportTitle(kind: ReportKind, metadata: Pick<ReportMetadata, 'inspectionType'>): string {
  return metadata.inspectionType ? `${KIND_WORDS[kind].title} (${INSPECTION_TYPE_WORDS[metadata.inspectionType]})` : KIND_WORDS[kind].title;
}

export function kindCitation(kind: ReportKind): string {
  return KIND_WORDS[kind].citation;
}

export function areaLabel(area: JudgementArea): string {
  return AREA_WORDS[area].label;
}

export function gradeLabel(grade: Grade): string {
  return GRADE_WORDS[grade].label;
}

export function gradeCitation(grade: Grade): string {
  return GRADE_WORDS[grade].citation;
}
