// A model read back from the persistent analysis cache is data from disk, not the engine's output: before it is
// used it must have the ReportModel's shape, with every range inside the text it is said to describe, so a
// truncated, hand-edited or foreign entry is refused rather than trusted.
// Checked once per report on every warm collection (hundreds of paragraphs each): plain functions over fixed
// sets, with no closure made per element, keep it a small share of reading the entry (bench part 'cache').

import { GRADES, JUDGEMENT_AREAS, REPORT_KINDS, type ListOwner, type ReportModel } from '../recognition/model';

/** Every owner a list item can have; a Record so a new owner in the model fails to compile here until added. */
const OWNERS: Record<ListOwner, true> = { 'local-authority': true, lscb: true };
const LIST_OWNERS: ReadonlySet<unknown> = new Set(Object.keys(OWNERS));
const KINDS: ReadonlySet<unknown> = new Set(REPORT_KINDS);
const AREAS: ReadonlySet<unknown> = new Set(JUDGEMENT_AREAS);
const GRADE_SET: ReadonlySet<unknown> = new Set(GRADES);

type Fields = Record<string, unknown>;
type Check = (value: unknown, textLength: number) => boolean;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isOptionalIn = (set: ReadonlySet<unknown>, v: unknown): boolean => v === undefined || set.has(v);

function arrayOf(v: unknown, check: Check, textLength: number): boolean {
  if (!Array.isArray(v)) return false;
  for (const element of v) if (!check(element, textLength)) return false;
  return true;
}

function range(v: unknown, textLength: number): boolean {
  return isObject(v) && isInt(v.start) && isInt(v.end) && v.start <= v.end && v.end <= textLength;
}

const located = (v: Fields, textLength: number): boolean => range(v.range, textLength) && isInt(v.line);

function section(v: unknown, textLength: number): boolean {
  return isObject(v) && isString(v.title) && isString(v.role) && isInt(v.level) && range(v.range, textLength) && range(v.headingRange, textLength) &&
    isInt(v.line) && isInt(v.endLine) && isOptionalIn(AREAS, v.judgementArea) && isOptionalIn(GRADE_SET, v.grade) &&
    arrayOf(v.children, section, textLength);
}

const judgement: Check = (v, n) => isObject(v) && AREAS.has(v.area) && GRADE_SET.has(v.grade) && isString(v.source) && located(v, n);
const earlier: Check = (v, n) => isObject(v) && GRADE_SET.has(v.grade) && isOptionalIn(AREAS, v.area) && isOptionalString(v.when) && located(v, n);
const frameworkRef: Check = (v) => isObject(v) && (v.kind === 'outcome' || v.kind === 'enabler') && isInt(v.number) && isString(v.text);
// An entry written before items had owners has none: refused, so it is analysed again rather than read as the council's.
const listItem = (v: unknown, n: number): v is Fields => isObject(v) && isString(v.text) && LIST_OWNERS.has(v.owner) && located(v, n) && (v.number === undefined || isInt(v.number));
const improvement: Check = (v, n) => listItem(v, n) && typeof v.priority === 'boolean' && arrayOf(v.frameworkRefs, frameworkRef, n) && isOptionalString(v.group);
const paragraph: Check = (v, n) => isObject(v) && isInt(v.number) && located(v, n);
const metadata: Check = (v) =>
  isObject(v) && Array.isArray(v.leadInspectors) && v.leadInspectors.every(isString) && isOptionalString(v.title) && isOptionalString(v.authority) &&
  isOptionalString(v.publishedDate) && isOptionalString(v.addressee);

/** Why `value` is not a model of a text of `textLength` code units, or undefined when it is one. */
export function modelShapeProblem(value: unknown, textLength: number): string | undefined {
  if (!isObject(value)) return 'not an object';
  // In order, so the first part that fails is the one named.
  const parts: Array<[string, () => boolean]> = [
    ['kind', () => KINDS.has(value.kind)],
    ['metadata', () => metadata(value.metadata, textLength)],
    ['sections', () => arrayOf(value.sections, section, textLength)],
    ['judgements', () => arrayOf(value.judgements, judgement, textLength)],
    ['earlierJudgements', () => arrayOf(value.earlierJudgements, earlier, textLength)],
    ['improvements', () => arrayOf(value.improvements, improvement, textLength)],
    ['strengths', () => arrayOf(value.strengths, listItem, textLength)],
    ['paragraphs', () => arrayOf(value.paragraphs, paragraph, textLength)],
    ['lineCount', () => isInt(value.lineCount)],
  ];
  const bad = parts.find(([, ok]) => !ok());
  return bad ? `its ${bad[0]} is not as the engine writes it (or lies outside the text)` : undefined;
}

export function isReportModelOf(value: unknown, textLength: number): value is ReportModel {
  return modelShapeProblem(value, textLength) === undefined;
}

// The reduced model the persistent cache keeps (evidenceReportModel.ts): the same checks on the fields it has.
const placedSection = (v: unknown, n: number): boolean =>
  isObject(v) && isString(v.title) && isString(v.role) && range(v.range, n) && isOptionalIn(AREAS, v.judgementArea) && isOptionalIn(GRADE_SET, v.grade) &&
  arrayOf(v.children, placedSection, n);
const grading: Check = (v) => isObject(v) && AREAS.has(v.area) && GRADE_SET.has(v.grade);
const evidenceItem = (v: unknown, n: number): v is Fields => isObject(v) && isString(v.text) && LIST_OWNERS.has(v.owner) && located(v, n) && (v.number === undefined || isInt(v.number));
const evidenceImprovement: Check = (v, n) => evidenceItem(v, n) && typeof v.priority === 'boolean';
const evidenceStrength: Check = (v, n) => isObject(v) && LIST_OWNERS.has(v.owner) && range(v.range, n);
const placedParagraph: Check = (v, n) => isObject(v) && isInt(v.number) && isOptionalString(v.label) && range(v.range, n);
const dates = (v: unknown): boolean => v === undefined || (isObject(v) && isOptionalString(v.start) && isOptionalString(v.end));
const evidenceMetadata: Check = (v) =>
  isObject(v) && isOptionalString(v.title) && isOptionalString(v.authority) && isOptionalString(v.publishedDate) && dates(v.inspectionDates);

/** As modelShapeProblem, for what the persistent cache keeps of a model (an EvidenceReportModel). */
export function evidenceModelShapeProblem(value: unknown, textLength: number): string | undefined {
  if (!isObject(value)) return 'not an object';
  const parts: Array<[string, () => boolean]> = [
    ['kind', () => KINDS.has(value.kind)],
    ['metadata', () => evidenceMetadata(value.metadata, textLength)],
    ['sections', () => arrayOf(value.sections, placedSection, textLength)],
    ['judgements', () => arrayOf(value.judgements, grading, textLength)],
    ['improvements', () => arrayOf(value.improvements, evidenceImprovement, textLength)],
    ['strengths', () => arrayOf(value.strengths, evidenceStrength, textLength)],
    ['paragraphs', () => arrayOf(value.paragraphs, placedParagraph, textLength)],
  ];
  const bad = parts.find(([, ok]) => !ok());
  return bad ? `its ${bad[0]} is not as the cache writes it (or lies outside the text)` : undefined;
}
