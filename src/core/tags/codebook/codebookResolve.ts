// The codebook in use: the built-in one, extended or replaced by the workspace file. Whatever is
// wrong in the file costs only the entry it is in; everything else loads, and each problem says what
// was done instead (first of two duplicates wins, a bad colour gets a fallback colour, …).

import { parseTree } from 'jsonc-parser';
import type { Codebook, Theme, ThemeGroup } from './codebookModel';
import { fallbackColour } from './codebookColours';
import { CODEBOOK_FILE_NAME, ProblemSink, parseCodebookFile, type CodebookFile, type CodebookFileTheme, type CodebookProblem, type ParsedCodebookFile } from './codebookFile';

/** Group that receives workspace themes whose group is missing or unknown. */
export const FALLBACK_GROUP = { id: 'workspace', label: 'Workspace themes' } as const;

export interface ResolvedCodebook {
  codebook: Codebook;
  problems: CodebookProblem[];
}

/**
 * @param workspaceFile the file's text (problems then carry lines), an already parsed file, or
 *   nothing (the defaults are used as they are).
 */
export function resolveCodebook(defaults: Codebook, workspaceFile?: string | ParsedCodebookFile | CodebookFile): ResolvedCodebook {
  if (workspaceFile === undefined) return { codebook: cloneCodebook(defaults), problems: [] };
  let parsed: ParsedCodebookFile;
  let sink: ProblemSink;
  if (typeof workspaceFile === 'string') {
    parsed = parseCodebookFile(workspaceFile);
    sink = new ProblemSink(workspaceFile, parseTree(workspaceFile));
  } else {
    parsed = 'problems' in workspaceFile ? workspaceFile : { codebook: workspaceFile, problems: [] };
    sink = new ProblemSink(undefined, undefined);
  }
  if (!parsed.codebook) return { codebook: cloneCodebook(defaults), problems: parsed.problems };
  const codebook = applyFile(parsed.codebook.mode === 'replace' ? { groups: [] } : defaults, parsed.codebook, sink);
  return { codebook, problems: [...parsed.problems, ...sink.problems] };
}

export function cloneCodebook(codebook: Codebook): Codebook {
  return { groups: codebook.groups.map((g) => ({ ...g, themes: g.themes.map((t) => ({ ...t, cues: [...t.cues] })) })) };
}

type Segment = string | number;

/** The codebook being built: groups and themes by id, edited in place as the file's entries apply. */
interface CodebookDraft {
  groups: Map<string, ThemeGroup>;
  themes: Map<string, Theme>;
}

function applyFile(base: Codebook, file: CodebookFile, sink: ProblemSink): Codebook {
  const draft: CodebookDraft = { groups: new Map(), themes: new Map() };
  for (const g of cloneCodebook(base).groups) {
    draft.groups.set(g.id, g);
    for (const t of g.themes) draft.themes.set(t.id, t);
  }
  applyGroups(draft, file, sink);
  checkParents(draft.groups, file, sink);
  applyThemes(draft, file, sink);
  return withoutHidden(draft, file, sink);
}

/** Where an entry's problem points in the file (undefined for an entry that has no place there). */
function at(list: 'groups' | 'themes', index: number | undefined, ...rest: Segment[]): Segment[] | undefined {
  return index === undefined ? undefined : [list, index, ...rest];
}

/** How a message names an entry. */
function where(list: 'groups' | 'themes', index: number | undefined): string {
  return index === undefined ? `${CODEBOOK_FILE_NAME}` : `${list}[${index}]`;
}

/** An id met before in the file is an error (the first entry wins); a new one is remembered with its index. */
function isRepeatedId(kind: 'group' | 'theme', entry: { id: string; index?: number }, first: Map<string, number | undefined>, sink: ProblemSink): boolean {
  const list = kind === 'group' ? 'groups' : 'themes';
  if (!first.has(entry.id)) {
    first.set(entry.id, entry.index);
    return false;
  }
  sink.add('error', `The ${kind} id "${entry.id}" is used twice (${where(list, first.get(entry.id))} and ${where(list, entry.index)}); the first is used and ${where(list, entry.index)} is ignored.`, at(list, entry.index, 'id'));
  return true;
}

/** Groups: new ones, or changes to built-in ones. */
function applyGroups({ groups }: CodebookDraft, file: CodebookFile, sink: ProblemSink): void {
  const firstGroup = new Map<string, number | undefined>();
  for (const g of file.groups) {
    if (isRepeatedId('group', g, firstGroup, sink)) continue;
    const existing = groups.get(g.id);
    if (existing) {
      if (g.label !== undefined) existing.label = g.label;
      if (g.description !== undefined) existing.description = g.description;
      if (g.parent !== undefined) existing.parent = g.parent;
      continue;
    }
    if (g.label === undefined) sink.add('warning', `The group "${g.id}" has no "label"; its id is shown instead.`, at('groups', g.index));
    const group: ThemeGroup = { id: g.id, label: g.label ?? g.id, themes: [] };
    if (g.description !== undefined) group.description = g.description;
    if (g.parent !== undefined) group.parent = g.parent;
    groups.set(g.id, group);
  }
}

/** Themes: new ones, or changes to built-in ones (extend mode). */
function applyThemes(draft: CodebookDraft, file: CodebookFile, sink: ProblemSink): void {
  const { groups, themes } = draft;
  const firstTheme = new Map<string, number | undefined>();
  for (const t of file.themes) {
    if (isRepeatedId('theme', t, firstTheme, sink)) continue;
    const existing = themes.get(t.id);
    if (existing) {
      changeTheme(existing, t, groups, sink);
      continue;
    }
    let group = t.group === undefined ? undefined : groups.get(t.group);
    if (!group) {
      if (t.group === undefined) sink.add('error', `The theme "${t.id}" has no "group"; it is shown under "${FALLBACK_GROUP.label}". Add "group" with the id of one of the groups.`, at('themes', t.index));
      else sink.add('error', `The theme "${t.id}" names the group "${t.group}", which does not exist; it is shown under "${FALLBACK_GROUP.label}".${suggestId(t.group, groups.keys())}`, at('themes', t.index, 'group'));
      group = fallbackGroup(groups);
    }
    if (t.label === undefined) sink.add('warning', `The theme "${t.id}" has no "label"; its id is shown instead.`, at('themes', t.index));
    const theme: Theme = { id: t.id, label: t.label ?? t.id, colour: t.colour ?? fallbackColour(t.id), cues: [...(t.cues ?? [])], groupId: group.id };
    if (t.description !== undefined) theme.description = t.description;
    if (t.addCues) addCues(theme, t.addCues);
    themes.set(theme.id, theme);
    group.themes.push(theme);
  }
}

/** The group for workspace themes without a usable group, made when first needed. */
function fallbackGroup(groups: Map<string, ThemeGroup>): ThemeGroup {
  let g = groups.get(FALLBACK_GROUP.id);
  if (!g) {
    g = { id: FALLBACK_GROUP.id, label: FALLBACK_GROUP.label, themes: [] };
    groups.set(g.id, g);
  }
  return g;
}

/** A file entry for a theme that already exists: changes what it gives, and moves the theme to another group. */
function changeTheme(existing: Theme, t: CodebookFileTheme, groups: Map<string, ThemeGroup>, sink: ProblemSink): void {
  if (t.label !== undefined) existing.label = t.label;
  if (t.description !== undefined) existing.description = t.description;
  if (t.colour !== undefined) existing.colour = t.colour;
  if (t.cues !== undefined) existing.cues = [...t.cues];
  if (t.addCues) addCues(existing, t.addCues);
  if (t.group !== undefined && t.group !== existing.groupId) {
    const target = groups.get(t.group);
    if (target) {
      const from = groups.get(existing.groupId);
      if (from) from.themes = from.themes.filter((x) => x !== existing);
      existing.groupId = target.id;
      target.themes.push(existing);
    } else {
      sink.add('error', `The theme "${t.id}" names the group "${t.group}", which does not exist; it stays in "${existing.groupId}".${suggestId(t.group, groups.keys())}`, at('themes', t.index, 'group'));
    }
  }
}

/** The finished codebook, without hidden themes and groups (nor the groups nested under hidden ones). */
function withoutHidden({ groups, themes }: CodebookDraft, file: CodebookFile, sink: ProblemSink): Codebook {
  const hiddenGroups = new Set<string>();
  const hiddenThemes = new Set<string>();
  file.hide.forEach((id, i) => {
    if (themes.has(id)) hiddenThemes.add(id);
    else if (groups.has(id)) hiddenGroups.add(id);
    else sink.add('warning', `hide[${i}]: "${id}" is not the id of any theme or group, so nothing is hidden by it.${suggestId(id, [...themes.keys(), ...groups.keys()])}`, ['hide', i]);
  });
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups.values()) {
      if (g.parent !== undefined && hiddenGroups.has(g.parent) && !hiddenGroups.has(g.id)) {
        hiddenGroups.add(g.id);
        grew = true;
      }
    }
  }
  const out: ThemeGroup[] = [];
  for (const g of groups.values()) {
    if (hiddenGroups.has(g.id)) continue;
    g.themes = g.themes.filter((t) => !hiddenThemes.has(t.id));
    out.push(g);
  }
  return { groups: out };
}

function addCues(theme: Theme, cues: readonly string[]): void {
  for (const cue of cues) if (!theme.cues.some((c) => c.toLowerCase() === cue.toLowerCase())) theme.cues.push(cue);
}

/** Unknown parents are dropped; a cycle is broken at the group that closes it. */
function checkParents(groups: Map<string, ThemeGroup>, file: CodebookFile, sink: ProblemSink): void {
  const indexOf = (id: string): Segment[] | undefined => {
    const g = file.groups.find((x) => x.id === id);
    return g?.index === undefined ? undefined : ['groups', g.index, 'parent'];
  };
  for (const g of groups.values()) {
    if (g.parent !== undefined && !groups.has(g.parent)) {
      sink.add('error', `The group "${g.id}" names the parent group "${g.parent}", which does not exist; "${g.id}" is shown at the top level.${suggestId(g.parent, groups.keys())}`, indexOf(g.id));
      delete g.parent;
    }
  }
  for (const g of groups.values()) {
    const chain = [g.id];
    let cur = g.parent;
    while (cur !== undefined) {
      if (chain.includes(cur)) {
        const cycle = [...chain.slice(chain.indexOf(cur)), cur];
        const last = groups.get(chain[chain.length - 1]!)!;
        sink.add('error', `The groups ${cycle.map((id) => `"${id}"`).join(' → ')} are each other's parents, which is a cycle; "${last.id}" is shown at the top level instead.`, indexOf(last.id));
        delete last.parent;
        break;
      }
      chain.push(cur);
      cur = groups.get(cur)?.parent;
    }
  }
}

/** " Did you mean "x"?" for a near miss, else "". */
function suggestId(wrong: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(wrong.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(wrong.length / 4)) ? ` Did you mean "${best}"?` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
