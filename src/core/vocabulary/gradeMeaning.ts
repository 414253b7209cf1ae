// What each grade means, in plain language, and the fuller names of the judgement areas: shown in the
// grade hover so a reader new to Ofsted's scale knows what a grade says without opening the handbook.

import type { Grade, JudgementArea, JudgementSource } from '../recognition/model';

export const GRADE_MEANINGS: Record<Grade, string> = {
  outstanding: 'The highest grade: practice is exceptional and makes a significant, lasting positive difference to children.',
  good: 'Practice consistently helps children and young people; any weaknesses are minor and do not leave children at risk.',
  'requires-improvement':
    'Services are not yet good. Children are not harmed or left at risk, but their experiences and progress are not consistently good enough.',
  inadequate:
    'The lowest grade: serious or widespread failures leave children harmed or at risk of harm. Ofsted then monitors the authority until it is re-inspected.',
  adequate: 'A grade of the older (2013) scale, between good and inadequate: services meet minimum requirements but are not good.',
};

/** The judgement area as the reports name it (the row labels of the judgement table, shortened). */
export const AREA_FULL_NAMES: Record<JudgementArea, string> = {
  overall: 'Overall effectiveness',
  leaders: 'The impact of leaders on social work practice with children and families',
  'help-protection': 'The experiences and progress of children who need help and protection',
  'in-care': 'The experiences and progress of children in care',
  'care-leavers': 'The experiences and progress of care leavers',
  adoption: 'Adoption performance',
  lscb: 'The effectiveness of the Local Safeguarding Children Board',
};

/** Where the grade was read from, as a reader would describe it. */
export const SOURCE_DESCRIPTIONS: Record<JudgementSource, string> = {
  table: "the report's judgement table",
  heading: 'the heading of the judgement section',
  sentence: 'a sentence stating the judgement',
  'committee-list': "the committee paper's list of judgements",
};
