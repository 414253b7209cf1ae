// Reading the workspace codebook file `.inspection-codebook.json`: JSON syntax first, then each
// entry on its own, so that one bad entry costs only itself. Every problem names the JSON path and
// the line, in words a QA officer can act on. Nothing here writes. Format: docs/codebook.md,
// schemas/codebook.schema.json.

import { parseTree, findNodeAtLocation, getNodeValue, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { normaliseColour } from './codebookColours';
import { lineColumn } from '../../platform/text/lineColumn';
import { describeJsonSyntaxError } from '../../platform/text/jsonSyntaxError';
import { jsonNestingDepth } from '../../platform/text/nestingDepth';
import { duplicateKeyPlaces, findDuplicateKey } from '../../platform/text/jsonDuplicateKeys';

/** The workspace codebook file, at the root of a workspace folder. */
export const CODEBOOK_FILE_NAME = '.inspection-codebook.json';

export interface CodebookProblem {
  severity: 'error' | 'warning';
  /** One or two sentences, naming what is wrong and what was done about it. */
  message: string;
  /** JSON path of the offending value, e.g. `themes[3].colour`. */
  path?: string;
  /** 1-based. */
  line?: number;
  column?: number;
  /** UTF-16 offset and length in the file, for an editor diagnostic. */
  offset?: number;
  length?: number;
}

/** A group as written in the file: a new group, or (extend mode) changes to a built-in one. */
export interface CodebookFileGroup {
  id: string;
  label?: string;
  description?: string;
  /** Id of the group this one sits under. */
  parent?: string;
  /** Position in the file's "groups" list, when read from a file (for messages). */
  index?: number;
}

/** A theme as written in the file: a new theme, or (extend mode) changes to a built-in one. */
export interface CodebookFileTheme {
  id: string;
  label?: string;
  description?: string;
  /** #rrggbb; undefined when absent or not a valid colour (a problem says which). */
  colour?: string;
  /** Replaces the cues. */
  cues?: string[];
  /** Added to the cues the theme already has. */
  addCues?: string[];
  /** Id of the group the theme belongs to. */
  group?: string;
  /** Position in the file's "themes" list, when read from a file (for messages). */
  index?: number;
}

export interface CodebookFile {
  mode: 'extend' | 'replace';
  groups: CodebookFileGroup[];
  themes: CodebookFileTheme[];
  /** Theme or group ids to leave out. */
  hide: string[];
}

export interface ParsedCodebookFile {
  /** Absent only when the text is not JSON or not an object: then nothing of it can be used. */
  codebook?: CodebookFile;
  problems: CodebookProblem[];
}

type Segment = string | number;

const TOP_KEYS = ['$schema', 'mode', 'groups', 'themes', 'hide'];
const GROUP_KEYS = ['id', 'label', 'description', 'parent'];
const THEME_KEYS = ['id', 'label', 'description', 'colour', 'cues', 'addCues', 'group'];
/** Spellings people reach for, and the key we mean. */
const ALIASES: Record<string, string> = { color: 'colour', colours: 'colour', colors: 'colour', name: 'label', title: 'label', cue: 'cues', parentGroup: 'parent', groupId: 'group', hidden: 'hide' };

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

/** Builds problems located in the file text. */
export class ProblemSink {
  readonly problems: CodebookProblem[] = [];
  constructor(
    private readonly text: string | undefined,
    private readonly root: Node | undefined,
  ) {}

  add(severity: CodebookProblem['severity'], message: string, segments?: readonly Segment[], atKey = false): void {
    const problem: CodebookProblem = { severity, message };
    if (segments && segments.length > 0) {
      problem.path = formatPath(segments);
      const node = this.root ? findNodeAtLocation(this.root, segments as Segment[]) : undefined;
      const target = atKey && node?.parent?.type === 'property' ? node.parent.children?.[0] : node;
      if (target && this.text !== undefined) Object.assign(problem, { offset: target.offset, length: target.length }, lineColumn(this.text, target.offset));
    }
    this.problems.push(problem);
  }
}

/** A real codebook nests about 5 deep (file, groups, group, themes, theme); room is left for notes and extensions. */
const MAX_CODEBOOK_NESTING = 64;

export function parseCodebookFile(text: string): ParsedCodebookFile {
  const name = CODEBOOK_FILE_NAME;
  if (text.trim() === '') {
    return { problems: [{ severity: 'error', message: `${name} is empty. Write {} to extend the built-in codebook, or delete the file; the built-in codebook is used meanwhile.`, line: 1, column: 1 }] };
  }
  // The parser and the checks below recurse: absurd nesting gets a message before it could overflow the stack.
  const depth = jsonNestingDepth(text, MAX_CODEBOOK_NESTING);
  if (depth > MAX_CODEBOOK_NESTING) {
    return { problems: [{ severity: 'error', message: `${name} is nested more than ${MAX_CODEBOOK_NESTING} levels deep, far deeper than any codebook, so it was not read. The whole file is ignored (the built-in codebook is used) until this is fixed.`, line: 1, column: 1 }] };
  }
  const errors: ParseError[] = [];
  // Comments are tolerated (people annotate their codebooks); trailing commas too, as VS Code's JSON editor shows them as warnings only.
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false });
  if (errors.length > 0) {
    const problems = errors.slice(0, 3).map((e): CodebookProblem => {
      const at = lineColumn(text, e.offset);
      return {
        severity: 'error',
        message: `${name} is not valid JSON: ${describeJsonSyntaxError(printParseErrorCode(e.error))} at line ${at.line}, column ${at.column}. The whole file is ignored (the built-in codebook is used) until this is fixed.`,
        offset: e.offset,
        length: e.length,
        ...at,
      };
    });
    return { problems };
  }
  // The reader would take the last of a repeated key and an edit the first: the wrong entry changed, the other's
  // contents dropped when the file is written back. Refused, as a syntax error is (a codebook is small: always looked for).
  const duplicate = findDuplicateKey(text, true);
  if (duplicate) {
    const { holder, first, again: at, path } = duplicateKeyPlaces(text, duplicate);
    return {
      problems: [
        {
          severity: 'error',
          message: `${name} gives the key ${JSON.stringify(duplicate.key)} twice in ${holder}, at line ${first.line}, column ${first.column} and again at line ${at.line}, column ${at.column}. Only one of them could be used, so the whole file is ignored (the built-in codebook is used) and never changed until this is fixed: merge the two.`,
          path,
          offset: duplicate.offset,
          length: duplicate.length,
          ...at,
        },
      ],
    };
  }
  const sink = new ProblemSink(text, root);
  if (!root || root.type !== 'object') {
    sink.add('error', `${name} must hold a JSON object such as { "themes": [] }, not ${describeNodeType(root?.type)}. The whole file is ignored.`);
    if (root) Object.assign(sink.problems[0]!, { offset: root.offset, length: root.length }, lineColumn(text, root.offset));
    return { problems: sink.problems };
  }
  return { codebook: readCodebookFile(getNodeValue(root), sink), problems: sink.problems };
}

/** Checks an already-parsed value; used for files and for the built-in codebook. */
export function readCodebookFile(value: unknown, sink: ProblemSink = new ProblemSink(undefined, undefined)): CodebookFile {
  const file: CodebookFile = { mode: 'extend', groups: [], themes: [], hide: [] };
  if (!isObject(value)) {
    sink.add('error', 'The codebook must be a JSON object.');
    return file;
  }
  unknownKeys(value, TOP_KEYS, [], sink, 'the top level of the codebook');
  if (value.mode !== undefined) {
    if (value.mode === 'extend' || value.mode === 'replace') file.mode = value.mode;
    else sink.add('error', `"mode" must be "extend" (add to the built-in codebook) or "replace" (use only this file's themes), not ${show(value.mode)}. "extend" is used.`, ['mode']);
  }
  for (const [i, g] of arrayAt(value, 'groups', sink).entries()) {
    const group = readGroup(g, ['groups', i], sink);
    if (group) file.groups.push(group);
  }
  for (const [i, t] of arrayAt(value, 'themes', sink).entries()) {
    const theme = readTheme(t, ['themes', i], sink);
    if (theme) file.themes.push(theme);
  }
  for (const [i, id] of arrayAt(value, 'hide', sink).entries()) {
    if (typeof id === 'string' && id.trim() !== '') file.hide.push(id.trim());
    else sink.add('error', `hide[${i}] must be the id of a theme or group (a string), not ${show(id)}; it is ignored.`, ['hide', i]);
  }
  return file;
}

function readGroup(value: unknown, at: Segment[], sink: ProblemSink): CodebookFileGroup | undefined {
  const where = formatPath(at);
  if (!isObject(value)) {
    sink.add('error', `${where} must be an object like { "id": "my.group", "label": "My group" }, not ${show(value)}; it is ignored.`, at);
    return undefined;
  }
  const id = readId(value, at, sink, 'group');
  if (id === undefined) return undefined;
  unknownKeys(value, GROUP_KEYS, at, sink, `group "${id}"`);
  const group: CodebookFileGroup = { id, index: at[1] as number };
  const label = readText(value, 'label', at, sink, `group "${id}"`);
  if (label !== undefined) group.label = label;
  const description = readText(value, 'description', at, sink, `group "${id}"`);
  if (description !== undefined) group.description = description;
  const parent = readText(value, 'parent', at, sink, `group "${id}"`);
  if (parent !== undefined) group.parent = parent;
  return group;
}

function readTheme(value: unknown, at: Segment[], sink: ProblemSink): CodebookFileTheme | undefined {
  const where = formatPath(at);
  if (!isObject(value)) {
    sink.add('error', `${where} must be an object like { "id": "my.theme", "label": "My theme", "group": "hp" }, not ${show(value)}; it is ignored.`, at);
    return undefined;
  }
  const id = readId(value, at, sink, 'theme');
  if (id === undefined) return undefined;
  const what = `theme "${id}"`;
  unknownKeys(value, THEME_KEYS, at, sink, what);
  const theme: CodebookFileTheme = { id, index: at[1] as number };
  const label = readText(value, 'label', at, sink, what);
  if (label !== undefined) theme.label = label;
  const description = readText(value, 'description', at, sink, what);
  if (description !== undefined) theme.description = description;
  const group = readText(value, 'group', at, sink, what);
  if (group !== undefined) theme.group = group;
  if (value.colour !== undefined) {
    const colour = typeof value.colour === 'string' ? normaliseColour(value.colour) : undefined;
    if (colour) theme.colour = colour;
    else sink.add('error', `The colour of ${what} must be written #rrggbb (six hexadecimal digits, e.g. "#3a7bd5"), not ${show(value.colour)}; a default colour is used instead.`, [...at, 'colour']);
  }
  const cues = readCues(value, 'cues', at, sink, what);
  if (cues) theme.cues = cues;
  const addCues = readCues(value, 'addCues', at, sink, what);
  if (addCues) theme.addCues = addCues;
  return theme;
}

function readId(value: Record<string, unknown>, at: Segment[], sink: ProblemSink, kind: 'theme' | 'group'): string | undefined {
  const where = formatPath(at);
  if (typeof value.id !== 'string' || value.id.trim() === '') {
    const label = typeof value.label === 'string' ? ` ("${value.label}")` : '';
    sink.add('error', `The ${kind} at ${where}${label} has no "id"; it is ignored. Give it a short, stable id such as "${kind === 'theme' ? 'hp.my-theme' : 'my-group'}".`, value.id === undefined ? at : [...at, 'id']);
    return undefined;
  }
  const id = value.id.trim();
  if (/\s/.test(id)) {
    sink.add('error', `The ${kind} id "${id}" at ${where} contains spaces; ids are used in sidecar files and must not. It is ignored; try "${id.replace(/\s+/g, '-').toLowerCase()}".`, [...at, 'id']);
    return undefined;
  }
  return id;
}

function readText(value: Record<string, unknown>, key: string, at: Segment[], sink: ProblemSink, what: string): string | undefined {
  const v = value[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  sink.add('error', `"${key}" of ${what} must be a non-empty string, not ${show(v)}; it is ignored.`, [...at, key]);
  return undefined;
}

function readCues(value: Record<string, unknown>, key: string, at: Segment[], sink: ProblemSink, what: string): string[] | undefined {
  const v = value[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    sink.add('error', `"${key}" of ${what} must be a list of phrases, e.g. ["return home interview"], not ${show(v)}; it is ignored.`, [...at, key]);
    return undefined;
  }
  const out: string[] = [];
  v.forEach((cue, i) => {
    if (typeof cue !== 'string' || cue.trim() === '') {
      sink.add('error', `${key}[${i}] of ${what} must be a non-empty phrase, not ${show(cue)}; it is ignored.`, [...at, key, i]);
    } else if (!/[\p{L}\p{N}]/u.test(cue)) {
      sink.add('warning', `The cue ${show(cue)} of ${what} has no letters or digits, so it can never match; it is ignored.`, [...at, key, i]);
    } else if (!out.some((c) => c.toLowerCase() === cue.trim().toLowerCase())) {
      out.push(cue.trim());
    }
  });
  return out;
}

function arrayAt(value: Record<string, unknown>, key: string, sink: ProblemSink): unknown[] {
  const v = value[key];
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  sink.add('error', `"${key}" must be a list ([ … ]), not ${show(v)}; it is ignored.`, [key]);
  return [];
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], at: Segment[], sink: ProblemSink, what: string): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const meant = ALIASES[key] ?? allowed.find((k) => k.toLowerCase() === key.toLowerCase());
    const hint = meant && allowed.includes(meant) ? ` Did you mean "${meant}"?` : ` Known keys: ${allowed.filter((k) => k !== '$schema').join(', ')}.`;
    sink.add('warning', `Unknown key "${key}" in ${what} is ignored.${hint}`, [...at, key], true);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}…"` : s;
}

function describeNodeType(type: string | undefined): string {
  switch (type) {
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'null':
      return 'null';
    default:
      return 'nothing';
  }
}

