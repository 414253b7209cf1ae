// Reading a sidecar file: JSON syntax, the shipped schema (ajv), git conflict markers and newer
// versions, each turned into a message a QA officer can act on. Nothing here writes.

import type { ErrorObject } from 'ajv';
// The ESM build: esbuild (platform node) would otherwise pick the UMD build, whose dynamic requires fail when bundled.
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import tagsSchema from '../../../../schemas/tags.schema.json';
// Generated ahead of time from the schema (scripts/generateValidators.mjs): compiling it cost every fresh process 80-160 ms.
import { validateReport, validateSidecar, validateTag } from './tagsValidators.generated';
import { SIDECAR_FORMAT, SIDECAR_SUFFIX, SIDECAR_VERSION, type Sidecar, type Tag } from './sidecarModel';
import { lineColumn } from '../../platform/text/lineColumn';
import { getOwn } from './ownProperties';
import { jsonNestingDepth } from '../../platform/text/nestingDepth';
import { describeJsonSyntaxError } from '../../platform/text/jsonSyntaxError';
import { countKeyCandidates, duplicateKeyPlaces, findDuplicateKey } from '../../platform/text/jsonDuplicateKeys';

export type SidecarErrorKind = 'empty' | 'json' | 'format' | 'schema' | 'conflict';

export interface SidecarError {
  kind: SidecarErrorKind;
  /** The sidecar's file name, as given to parseSidecar. */
  fileName: string;
  /** One or more sentences, naming the file and what to do. */
  message: string;
  /** 1-based, where the problem is known to be. */
  line?: number;
  column?: number;
  /** JSON path of the offending value, e.g. `tags[2].anchor.position.start`. */
  path?: string;
  /** For 'conflict': each side of the git merge, where it parses on its own. */
  conflict?: ConflictSides;
}

export interface ConflictSides {
  ours?: Sidecar;
  theirs?: Sidecar;
  /** Present when git wrote diff3-style markers (`|||||||`). */
  base?: Sidecar;
  /** Why a side could not be read, when it could not. */
  problems: string[];
}

export type ParseSidecarResult =
  | { ok: true; sidecar: Sidecar; readOnly: boolean; warnings: string[] }
  | { ok: false; error: SidecarError };

/** At most this many schema problems are listed in one message. */
const MAX_PROBLEMS = 5;

export function parseSidecar(text: string, fileName: string): ParseSidecarResult {
  // Editors on Windows may save a byte order mark; JSON.parse rejects it, and it is no fault of the data.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (hasConflictMarkers(text)) {
    const sides = splitConflict(text, fileName);
    return {
      ok: false,
      error: {
        kind: 'conflict',
        fileName,
        line: sides.firstMarkerLine,
        message:
          `${fileName} contains git merge conflict markers (<<<<<<< ======= >>>>>>>) at line ${sides.firstMarkerLine}. ` +
          'Tagging this report is paused until the conflict is resolved: accept the automatic repair (keeps the tags of both sides, the newer copy of each tag wins) or fix the file by hand.',
        conflict: sides.sides,
      },
    };
  }
  // Schema checking and locating recurse: absurd nesting would overflow the stack instead of getting a message.
  // JSON.parse does not recurse, so the depth is measured on the parsed value (far fewer values than
  // characters); a file that does not parse is measured on its text before the error is located.
  let parsed: ReturnType<typeof parseJson> | undefined;
  let depth: number;
  // The keys JSON.parse kept, counted on the same walk (one pass over the values costs little beside the parse).
  const kept = { keys: 0 };
  try {
    const value: unknown = JSON.parse(text);
    parsed = { ok: true, value };
    depth = valueDepth(value, kept);
    // Cut short at the limit: measure the text to tell the user how deep it really is.
    if (depth > MAX_NESTING) depth = jsonNestingDepth(text);
  } catch {
    depth = jsonNestingDepth(text);
  }
  if (depth > MAX_NESTING) {
    return {
      ok: false,
      error: { kind: 'json', fileName, message: `${fileName} is nested ${depth} levels deep, far deeper than any tags file (at most ${MAX_NESTING}), so it was not read. The file was left as it is; fix it or restore it from version control.` },
    };
  }
  if (parsed) {
    // JSON.parse keeps the last of a repeated key: the file would read as fewer tags than it holds, and the next save
    // would drop the others for good. Only when the text has more keys than were kept is it tokenized to find one.
    const duplicate = kept.keys < countKeyCandidates(text) ? duplicateKeyError(text, fileName) : undefined;
    if (duplicate) return { ok: false, error: duplicate };
  }
  parsed ??= parseJson(text, fileName);
  if (!parsed.ok) return parsed;
  return checkSidecar(parsed.value, text, fileName);
}

/** A key given twice in one object, located; undefined when there is none (a string merely began with a colon). */
function duplicateKeyError(text: string, fileName: string): SidecarError | undefined {
  const duplicate = findDuplicateKey(text);
  if (!duplicate) return undefined;
  const { holder, first, again, path } = duplicateKeyPlaces(text, duplicate);
  return {
    kind: 'json',
    fileName,
    ...again,
    path,
    message:
      `${fileName} is not a valid tags file: the key ${JSON.stringify(duplicate.key)} appears twice in ${holder}, ` +
      `at line ${first.line}, column ${first.column} and again at line ${again.line}, column ${again.column}. Only the last would be read and the other lost on the next save, ` +
      'so the file was left as it is; merge the two by hand (or restore the file from version control) to tag this report again.',
  };
}

/**
 * A sidecar whose exact bytes passed parseSidecar before with no warning (known by its file's unchanged size and
 * time): parsed without checking it again. Undefined for anything that is not plainly such a file, which the
 * caller then reads with parseSidecar.
 */
export function parseCheckedSidecar(text: string): Sidecar | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isObject(value) && value.format === SIDECAR_FORMAT && value.version === SIDECAR_VERSION && Array.isArray(value.tags) && isObject(value.report) ? (value as unknown as Sidecar) : undefined;
}

/**
 * Deepest nesting of arrays and objects in a parsed value, counted no further than just past `limit`, and (in
 * `kept`) the keys of its objects:
 * the recursion stops there, so it cannot overflow, and it allocates nothing per value (large files have
 * millions of values).
 */
function valueDepth(value: unknown, kept: { keys: number }, limit = MAX_NESTING, depth = 0): number {
  if (value === null || typeof value !== 'object') return depth;
  if (depth + 1 > limit) return depth + 1;
  let max = depth + 1;
  if (Array.isArray(value)) {
    for (const child of value) if (child !== null && typeof child === 'object') max = Math.max(max, valueDepth(child, kept, limit, depth + 1));
  } else {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      kept.keys++;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') max = Math.max(max, valueDepth(child, kept, limit, depth + 1));
    }
  }
  return max;
}

/** A real tags file nests about 5 deep (file, tags, tag, anchor, quote); unknown fields kept from newer versions get room. */
const MAX_NESTING = 64;

/** Syntax only; the value is not checked against the schema. */
export function parseJson(text: string, fileName: string): { ok: true; value: unknown } | { ok: false; error: SidecarError } {
  if (text.trim() === '') {
    return { ok: false, error: { kind: 'empty', fileName, message: `${fileName} is empty, so it holds no tags. Delete it, or restore it from version control.` } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first ? first.offset : text.length;
    const { line, column } = lineColumn(text, offset);
    const problem = first ? describeJsonSyntaxError(printParseErrorCode(first.error)) : (cause as Error).message;
    const utf16 = looksLikeUtf16(text) ? ' It looks like UTF-16 text, as some editors save: save it as UTF-8 (tags files are always UTF-8).' : '';
    return {
      ok: false,
      error: {
        kind: 'json',
        fileName,
        line,
        column,
        message: `${fileName} is not valid JSON: ${problem} at line ${line}, column ${column}.${utf16} The file was left as it is; fix it (or restore it from version control) to tag this report again.`,
      },
    };
  }
}

/**
 * UTF-16 read as UTF-8: its byte order mark becomes two replacement characters, and every ASCII character comes
 * with a NUL. JSON never holds a raw NUL, so a few of them early on are enough to tell.
 */
function looksLikeUtf16(text: string): boolean {
  if (text.startsWith('\uFFFD\uFFFD')) return true;
  const head = text.slice(0, 64);
  let nuls = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nuls++;
  return nuls >= 4;
}

/** Checks a parsed value against the format. `text` (when known) lets messages give line numbers. */
export function checkSidecar(value: unknown, text: string | undefined, fileName: string): ParseSidecarResult {
  const warnings: string[] = [];
  if (!isObject(value) || value.format !== SIDECAR_FORMAT) {
    const found = isObject(value) ? (value.format === undefined ? 'it has no "format" field' : `its "format" is ${JSON.stringify(value.format)}`) : `it holds ${describeType(value)}, not an object`;
    return {
      ok: false,
      error: { kind: 'format', fileName, path: 'format', message: `${fileName} is not an Inspection Report Annotator tags file: ${found} (expected "${SIDECAR_FORMAT}"). It was left as it is.` },
    };
  }
  const version = value.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > SIDECAR_VERSION) {
    return readNewerVersion(value, version, fileName, text);
  }
  if (!validateSidecar(value)) {
    return { ok: false, error: schemaError(validateSidecar.errors ?? [], value, text, fileName) };
  }
  const sidecar = value as unknown as Sidecar;
  const semantic = semanticProblem(sidecar);
  if (semantic) {
    return { ok: false, error: { kind: 'schema', fileName, path: semantic.path, ...locate(text, semantic.path), message: `${fileName} is not a valid tags file: ${semantic.path} ${semantic.problem}. The file was left as it is.` } };
  }
  const misfit = positionsNotFittingQuotes(sidecar, fileName);
  if (misfit !== undefined) warnings.push(misfit);
  const expectedName = fileName.endsWith(SIDECAR_SUFFIX) ? baseName(fileName.slice(0, -SIDECAR_SUFFIX.length)) : undefined;
  if (expectedName !== undefined && sidecar.report.fileName !== expectedName) {
    warnings.push(`${fileName} says it belongs to "${sidecar.report.fileName}", but sits beside "${expectedName}"; it is used for "${expectedName}".`);
  }
  return { ok: true, sidecar, readOnly: false, warnings };
}

/** A file from a newer version: read the tags this version understands, and never write it back. */
function readNewerVersion(value: Record<string, unknown>, version: number, fileName: string, text: string | undefined): ParseSidecarResult {
  const warnings = [
    `${fileName} was written by a newer version of the Inspection Report Annotator (format version ${version}; this one reads version ${SIDECAR_VERSION}). Its tags are shown read-only and the file is never written by this version; update the extension to edit them.`,
  ];
  if (!validateReport(value.report)) {
    return { ok: false, error: schemaError(prefixErrors(validateReport.errors ?? [], '/report'), value, text, fileName, version) };
  }
  const tags: Tag[] = [];
  const rawTags = Array.isArray(value.tags) ? value.tags : [];
  rawTags.forEach((tag, index) => {
    if (validateTag(tag) && (tag as Tag).anchor.position.end >= (tag as Tag).anchor.position.start) tags.push(tag as Tag);
    else warnings.push(`${fileName}: tags[${index}] is not in a form this version understands and is not shown.`);
  });
  const dismissed = Array.isArray(value.dismissedSuggestions) ? value.dismissedSuggestions.filter((s): s is string => typeof s === 'string') : undefined;
  const sidecar = { ...value, tags, ...(dismissed ? { dismissedSuggestions: dismissed } : {}) } as unknown as Sidecar;
  return { ok: true, sidecar, readOnly: true, warnings };
}

/**
 * A warning naming the tags whose stored position spans a different number of characters than their quote (a hand
 * edit): a position is only a hint, so the file is still read and such tags are found again by their words.
 */
function positionsNotFittingQuotes(sidecar: Sidecar, fileName: string): string | undefined {
  const misfits: string[] = [];
  for (const [index, tag] of sidecar.tags.entries()) {
    const { start, end } = tag.anchor.position;
    if (end - start !== tag.anchor.quote.exact.length) misfits.push(`tags[${index}]`);
  }
  if (misfits.length === 0) return undefined;
  const shown = misfits.slice(0, MAX_PROBLEMS).join(', ') + (misfits.length > MAX_PROBLEMS ? ` (and ${misfits.length - MAX_PROBLEMS} more)` : '');
  const these = misfits.length === 1 ? 'its position does not span its quoted words; the tag is' : 'their positions do not span their quoted words; the tags are';
  return `${fileName}: ${shown}: ${these} looked for again by the words, and orphaned (keeping them) if they are not found.`;
}

function semanticProblem(sidecar: Sidecar): { path: string; problem: string } | undefined {
  const seen = new Map<string, number>();
  for (const [index, tag] of sidecar.tags.entries()) {
    const { start, end } = tag.anchor.position;
    if (end < start) return { path: `tags[${index}].anchor.position`, problem: `ends (${end}) before it starts (${start})` };
    const earlier = seen.get(tag.id);
    if (earlier !== undefined) return { path: `tags[${index}].id`, problem: `"${tag.id}" is used by tags[${earlier}] too; tag ids must be unique` };
    seen.set(tag.id, index);
  }
  return undefined;
}

function schemaError(errors: ErrorObject[], value: unknown, text: string | undefined, fileName: string, version?: number): SidecarError {
  const problems = dedupeProblems(errors).map((e) => describeSchemaError(e, value));
  const first = problems[0];
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => p.text);
  const more = problems.length > MAX_PROBLEMS ? ` (and ${problems.length - MAX_PROBLEMS} more)` : '';
  const where = first ? locate(text, first.path) : {};
  const lineNote = where.line !== undefined ? ` (line ${where.line})` : '';
  const versionNote = version !== undefined ? ` (format version ${version})` : '';
  return {
    kind: 'schema',
    fileName,
    path: first?.path,
    ...where,
    message: `${fileName}${versionNote} is not a valid tags file${lineNote}: ${shown.join('; ')}${more}. The file was left as it is.`,
  };
}

/** ajv reports a failed `const`/`enum` inside each branch and the same path several times; keep the first per path. */
function dedupeProblems(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeSchemaError(error: ErrorObject, root: unknown): { path: string; text: string } {
  const path = jsonPath(error.instancePath);
  const label = path === '' ? 'the file' : path;
  const params = error.params as Record<string, unknown>;
  const actual = valueAt(root, error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const full = path === '' ? missing : `${path}.${missing}`;
      return { path: full, text: `${full} is missing` };
    }
    case 'type':
      return { path, text: `${label} must be ${withArticle(String(params.type))}, not ${describeType(actual)}` };
    case 'const':
      return { path, text: `${label} must be ${JSON.stringify(params.allowedValue)}, not ${JSON.stringify(actual)}` };
    case 'enum':
      return { path, text: `${label} is ${JSON.stringify(actual)}, which is not one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'minimum':
      return { path, text: `${label} must be at least ${String(params.limit)}, not ${JSON.stringify(actual)}` };
    case 'minLength':
      return { path, text: params.limit === 1 ? `${label} must not be empty` : `${label} must be at least ${String(params.limit)} characters long` };
    case 'minItems':
      return { path, text: `${label} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'uniqueItems':
      return { path, text: `${label} lists the same value twice (items ${String(params.j)} and ${String(params.i)})` };
    case 'pattern':
      return { path, text: `${label} ${describePattern(String(params.pattern))}, not ${JSON.stringify(actual)}` };
    default:
      return { path, text: `${label} ${error.message ?? 'is not valid'}` };
  }
}

function describePattern(pattern: string): string {
  if (pattern === tagsSchema.properties.report.properties.textHash.pattern) return 'must be a sha256 digest (64 lower-case hexadecimal characters)';
  if (pattern === tagsSchema.definitions.timestamp.pattern) return 'must be an ISO 8601 date and time such as "2026-03-14T09:30:00.000Z"';
  if (pattern === tagsSchema.properties.report.properties.date.pattern) return 'must be a date such as "2026-03-14"';
  return `must match ${pattern}`;
}

function prefixErrors(errors: ErrorObject[], prefix: string): ErrorObject[] {
  return errors.map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
}

/** `/tags/2/anchor/start` -> `tags[2].anchor.start`. */
export function jsonPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return segments;
}

function locate(text: string | undefined, path: string): { line?: number; column?: number } {
  if (text === undefined) return {};
  const tree = parseTree(text);
  if (!tree) return {};
  const segments = pathSegments(path);
  // A missing property has no node: point at its parent instead.
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, segments.slice(0, n));
    if (node) {
      // Point at the property name when there is one, which is where a reader looks.
      const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return lineColumn(text, at);
    }
  }
  return {};
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const part of pointer.split('/').slice(1)) {
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = getOwn(current, part);
  }
  return current;
}


// ---- git conflict markers ----

const OURS = /^<{7}(?: .*)?$/;
const BASE = /^\|{7}(?: .*)?$/;
const SEPARATOR = /^={7}$/;
const THEIRS = /^>{7}(?: .*)?$/;

export function hasConflictMarkers(text: string): boolean {
  // Almost every file has neither marker anywhere: two searches spare splitting it into lines.
  if (!text.includes('<<<<<<<') || !text.includes('>>>>>>>')) return false;
  return text.split(/\r?\n/).some((line) => OURS.test(line)) && text.split(/\r?\n/).some((line) => THEIRS.test(line));
}

/** Rebuilds each side of a conflicted file (shared lines plus that side's lines) and parses it. */
export function splitConflict(text: string, fileName: string): { sides: ConflictSides; firstMarkerLine: number } {
  const ours: string[] = [];
  const theirs: string[] = [];
  const base: string[] = [];
  let sawBase = false;
  let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  let firstMarkerLine = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (state === 'common' && OURS.test(line)) {
      state = 'ours';
      if (firstMarkerLine === 0) firstMarkerLine = index + 1;
    } else if (state === 'ours' && BASE.test(line)) {
      state = 'base';
      sawBase = true;
    } else if ((state === 'ours' || state === 'base') && SEPARATOR.test(line)) {
      state = 'theirs';
    } else if (state === 'theirs' && THEIRS.test(line)) {
      state = 'common';
    } else if (state === 'common') {
      ours.push(line);
      theirs.push(line);
      base.push(line);
    } else if (state === 'ours') ours.push(line);
    else if (state === 'base') base.push(line);
    else theirs.push(line);
  });
  const problems: string[] = [];
  const read = (lines: string[], side: string): Sidecar | undefined => {
    const result = parseSidecar(lines.join('\n'), fileName);
    if (result.ok) return result.sidecar;
    problems.push(`${side} side: ${result.error.message}`);
    return undefined;
  };
  const sides: ConflictSides = { problems };
  const oursSidecar = read(ours, 'our');
  const theirsSidecar = read(theirs, 'their');
  if (oursSidecar) sides.ours = oursSidecar;
  if (theirsSidecar) sides.theirs = theirsSidecar;
  if (sawBase) {
    const baseResult = parseSidecar(base.join('\n'), fileName);
    if (baseResult.ok) sides.base = baseResult.sidecar;
  }
  return { sides, firstMarkerLine };
}

// ---- small helpers ----

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function withArticle(type: string): string {
  const names: Record<string, string> = { object: 'an object', array: 'a list', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return names[type] ?? type;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
