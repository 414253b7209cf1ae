// A model read back from the persistent analysis cache is data from disk, not the engine's output: before it is
// used it must have the ReportModel's shape, with every range inside the text it is said to describe, so a
// truncated, hand-edited or foreign entry is refused rather than trusted.

import { GRADES, JUDGEMENT_AREAS, REPORT_KINDS, type ListOwner, type ReportModel } from '../recognition/model';

/** Every owner a list item can have; a Record so a new owner in the model fails to compile here until added. */
const OWNERS: Record<ListOwner, true> = { 'local-authority': true, lscb: true };
const LIST_OWNERS = Object.keys(OWNERS);

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const arrayOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);

/** Why `value` is not a model of a text of `textLength` code units, or undefined when it is one. */
export function modelShapeProblem(value: unknown, textLength: number): string | undefined {
  const range: Check = (v) => isObject(v) && isInt(v.start) && isInt(v.end) && v.start <= v.end && v.end <= textLength;
  const located = (v: Record<string, unknown>) => range(v.range) && isInt(v.line);
  const section: Check = (v) =>
    isObject(v) && isString(v.title) && isString(v.role) && isInt(v.level) && range(v.range) && range(v.headingRange) &&
    isInt(v.line) && isInt(v.endLine) && optional(oneOf(JUDGEMENT_AREAS))(v.judgementArea) && optional(oneOf(GRADES))(v.grade) &&
    arrayOf(section)(v.children);
  const judgement: Check = (v) => isObject(v) && oneOf(JUDGEMENT_AREAS)(v.area) && oneOf(GRADES)(v.grade) && isString(v.source) && located(v);
  const earlier: Check = (v) => isObject(v) && oneOf(GRADES)(v.grade) && optional(oneOf(JUDGEMENT_AREAS))(v.area) && optional(isString)(v.when) && located(v);
  const frameworkRef: Check = (v) => isObject(v) && (v.kind === 'outcome' || v.kind === 'enabler') && isInt(v.number) && isString(v.text);
  // An entry written before items had owners has none: refused, so it is analysed again rather than read as the council's.
  const listItem = (v: unknown): v is Record<string, unknown> => isObject(v) && isString(v.text) && oneOf(LIST_OWNERS)(v.owner) && located(v) && optional(isInt)(v.number);
  const improvement: Check = (v) =>
    listItem(v) && typeof v.priority === 'boolean' && arrayOf(frameworkRef)(v.frameworkRefs) && optional(isString)(v.group);
  const paragraph: Check = (v) => isObject(v) && isInt(v.number) && located(v);
  const metadata: Check = (v) => isObject(v) && arrayOf(isString)(v.leadInspectors) && optional(isString)(v.title) && optional(isString)(v.authority) && optional(isString)(v.publishedDate) && optional(isString)(v.addressee);

  if (!isObject(value)) return 'not an object';
  const parts: Array<[string, boolean]> = [
    ['kind', oneOf(REPORT_KINDS)(value.kind)],
    ['metadata', metadata(value.metadata)],
    ['sections', arrayOf(section)(value.sections)],
    ['judgements', arrayOf(judgement)(value.judgements)],
    ['earlierJudgements', arrayOf(earlier)(value.earlierJudgements)],
    ['improvements', arrayOf(improvement)(value.improvements)],
    ['strengths', arrayOf(listItem)(value.strengths)],
    ['paragraphs', arrayOf(paragraph)(value.paragraphs)],
    ['lineCount', isInt(value.lineCount)],
  ];
  const bad = parts.find(([, ok]) => !ok);
  return bad ? `its ${bad[0]} is not as the engine writes it (or lies outside the text)` : undefined;
}

export function isReportModelOf(value: unknown, textLength: number): value is ReportModel {
  return modelShapeProblem(value, textLength) === undefined;
}
