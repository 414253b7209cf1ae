// Changing themes: add, rename, recolour, merge. Each returns the new text of the workspace codebook
// file, edited in place (jsonc-parser edits, 2-space indent) so the user's other entries, order and
// comments survive; built-in themes are changed by adding an entry with their id. Renames and merges
// also change tags already written, through the pure sidecar functions at the end; the caller
// writes the files. A file that cannot be read is never rewritten.

import { applyEdits, modify, parseTree, findNodeAtLocation, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { Codebook } from './codebookModel';
import { normaliseColour } from './codebookColours';
import { CODEBOOK_FILE_NAME, parseCodebookFile, type CodebookFileTheme } from './codebookFile';
import { resolveCodebook } from './codebookResolve';
import type { Sidecar, Tag, TagTheme } from '../sidecar/sidecarModel';
import { findTheme } from './themeLookup';

export type ThemeOperationResult = { ok: true; text: string; changed: boolean } | { ok: false; message: string };

export interface NewTheme {
  label: string;
  group: string;
  /** Made from the group and label when absent ("hp" + "Child sexual abuse" → "hp.child-sexual-abuse"). */
  id?: string;
  colour?: string;
  description?: string;
  cues?: string[];
}

interface Context {
  text: string;
  eol: string;
  codebook: Codebook;
  fileThemes: CodebookFileTheme[];
  mode: 'extend' | 'replace';
}

/** The file as it stands (or an empty one), refusing text that is not valid JSON. */
function open(fileText: string | undefined, defaults: Codebook): { ok: true; ctx: Context } | { ok: false; message: string } {
  const text = fileText === undefined || fileText.trim() === '' ? '{}\n' : fileText;
  const parsed = parseCodebookFile(text);
  if (!parsed.codebook) {
    const first = parsed.problems[0];
    return { ok: false, message: `${CODEBOOK_FILE_NAME} was not changed, because it cannot be read: ${first?.message ?? 'unknown problem.'} Fix the file first.` };
  }
  const { codebook } = resolveCodebook(defaults, text);
  return { ok: true, ctx: { text, eol: text.includes('\r\n') ? '\r\n' : '\n', codebook, fileThemes: parsed.codebook.themes, mode: parsed.codebook.mode } };
}

function format(ctx: Context): FormattingOptions {
  return { insertSpaces: true, tabSize: 2, eol: ctx.eol };
}

function edit(ctx: Context, path: JSONPath, value: unknown, insert = false): void {
  ctx.text = applyEdits(ctx.text, modify(ctx.text, path, value, { formattingOptions: format(ctx), isArrayInsertion: insert }));
}

/** Index in the file's "themes" list of the entry for this id, if any (the first, as the resolver uses). */
function fileThemeIndex(ctx: Context, id: string): number | undefined {
  return ctx.fileThemes.find((t) => t.id === id)?.index;
}

/** Sets one property of a theme's entry, adding an entry `{ "id": … }` when the file has none. */
function setThemeProperty(ctx: Context, id: string, key: string, value: unknown): void {
  const index = fileThemeIndex(ctx, id);
  if (index !== undefined) edit(ctx, ['themes', index, key], value);
  else appendTheme(ctx, { id, [key]: value });
}

function appendTheme(ctx: Context, entry: Record<string, unknown>): void {
  const root = parseTree(ctx.text);
  const list = root ? findNodeAtLocation(root, ['themes']) : undefined;
  if (list?.type === 'array') edit(ctx, ['themes', list.children?.length ?? 0], entry, true);
  else edit(ctx, ['themes'], [entry]);
  ctx.fileThemes = parseCodebookFile(ctx.text).codebook?.themes ?? ctx.fileThemes;
}

function result(ctx: Context, before: string): ThemeOperationResult {
  const text = ctx.text.endsWith(ctx.eol) ? ctx.text : ctx.text + ctx.eol;
  return { ok: true, text, changed: text !== before };
}

export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

export function addTheme(fileText: string | undefined, defaults: Codebook, theme: NewTheme): ThemeOperationResult {
  const opened = open(fileText, defaults);
  if (!opened.ok) return opened;
  const ctx = opened.ctx;
  const label = theme.label.trim();
  if (label === '') return { ok: false, message: 'A theme needs a label.' };
  if (!ctx.codebook.groups.some((g) => g.id === theme.group)) return { ok: false, message: `There is no group "${theme.group}" to add the theme to.` };
  let colour: string | undefined;
  if (theme.colour !== undefined) {
    colour = normaliseColour(theme.colour);
    if (!colour) return { ok: false, message: `"${theme.colour}" is not a colour; write it as #rrggbb.` };
  }
  let id = theme.id?.trim();
  if (id !== undefined) {
    if (id === '' || /\s/.test(id)) return { ok: false, message: `"${theme.id}" cannot be a theme id: ids must not be empty or contain spaces.` };
    if (findTheme(ctx.codebook, id) || fileThemeIndex(ctx, id) !== undefined) return { ok: false, message: `There is already a theme with the id "${id}".` };
  } else {
    const base = `${theme.group}.${slugify(label) || 'theme'}`;
    id = base;
    for (let n = 2; findTheme(ctx.codebook, id) || fileThemeIndex(ctx, id) !== undefined || findTheme(defaults, id); n++) id = `${base}-${n}`;
  }
  const entry: Record<string, unknown> = { id, label, group: theme.group };
  if (colour) entry.colour = colour;
  if (theme.description?.trim()) entry.description = theme.description.trim();
  if (theme.cues?.length) entry.cues = theme.cues.map((c) => c.trim()).filter((c) => c !== '');
  appendTheme(ctx, entry);
  return result(ctx, fileText ?? '');
}

export function renameTheme(fileText: string | undefined, defaults: Codebook, themeId: string, newLabel: string): ThemeOperationResult {
  const opened = open(fileText, defaults);
  if (!opened.ok) return opened;
  const ctx = opened.ctx;
  const label = newLabel.trim();
  if (label === '') return { ok: false, message: 'A theme needs a label.' };
  const theme = findTheme(ctx.codebook, themeId);
  if (!theme) return { ok: false, message: `There is no theme "${themeId}" to rename.` };
  if (theme.label === label) return { ok: true, text: fileText ?? '', changed: false };
  setThemeProperty(ctx, themeId, 'label', label);
  return result(ctx, fileText ?? '');
}

export function recolourTheme(fileText: string | undefined, defaults: Codebook, themeId: string, colour: string): ThemeOperationResult {
  const opened = open(fileText, defaults);
  if (!opened.ok) return opened;
  const ctx = opened.ctx;
  const normal = normaliseColour(colour);
  if (!normal) return { ok: false, message: `"${colour}" is not a colour; write it as #rrggbb.` };
  const theme = findTheme(ctx.codebook, themeId);
  if (!theme) return { ok: false, message: `There is no theme "${themeId}" to recolour.` };
  if (theme.colour === normal) return { ok: true, text: fileText ?? '', changed: false };
  setThemeProperty(ctx, themeId, 'colour', normal);
  return result(ctx, fileText ?? '');
}

/**
 * Merges theme `fromId` into `intoId`: `intoId` gains the other's cues, and `fromId` disappears (its
 * entry is removed if the file defined it, otherwise it is hidden). Use mergeThemeInSidecar on
 * every sidecar so tags follow.
 */
export function mergeThemes(fileText: string | undefined, defaults: Codebook, fromId: string, intoId: string): ThemeOperationResult {
  const opened = open(fileText, defaults);
  if (!opened.ok) return opened;
  const ctx = opened.ctx;
  if (fromId === intoId) return { ok: false, message: 'A theme cannot be merged into itself.' };
  const from = findTheme(ctx.codebook, fromId);
  const into = findTheme(ctx.codebook, intoId);
  if (!from) return { ok: false, message: `There is no theme "${fromId}" to merge.` };
  if (!into) return { ok: false, message: `There is no theme "${intoId}" to merge into.` };

  const newCues = from.cues.filter((c) => !into.cues.some((x) => x.toLowerCase() === c.toLowerCase()));
  if (newCues.length > 0) {
    const entry = ctx.fileThemes.find((t) => t.id === intoId);
    if (entry?.cues !== undefined) edit(ctx, ['themes', entry.index!, 'cues'], [...entry.cues, ...newCues]);
    else if (entry) edit(ctx, ['themes', entry.index!, 'addCues'], [...(entry.addCues ?? []), ...newCues.filter((c) => !(entry.addCues ?? []).includes(c))]);
    else appendTheme(ctx, { id: intoId, addCues: newCues });
  }

  // Remove the merged theme: its own entries go; a built-in one is hidden as well.
  const builtIn = ctx.mode === 'extend' && findTheme(defaults, fromId) !== undefined;
  const indices = ctx.fileThemes.filter((t) => t.id === fromId).map((t) => t.index!).sort((a, b) => b - a);
  for (const index of indices) edit(ctx, ['themes', index], undefined);
  if (builtIn) {
    const root = parseTree(ctx.text);
    const hide = root ? findNodeAtLocation(root, ['hide']) : undefined;
    if (hide?.type === 'array') {
      const ids = (hide.children ?? []).map((c) => c.value);
      if (!ids.includes(fromId)) edit(ctx, ['hide', ids.length], fromId, true);
    } else edit(ctx, ['hide'], [fromId]);
  }
  return result(ctx, fileText ?? '');
}

// ---- Tags in sidecars -------------------------------------------------------------------------

export interface SidecarChange {
  sidecar: Sidecar;
  changed: boolean;
  /** How many tags changed. */
  tagsChanged: number;
}

/**
 * New label for a theme on every tag that has it. With `now`, changed tags get it as their
 * `modified` time (so a later merge of two copies of the sidecar keeps the rename).
 */
export function renameThemeInSidecar(sidecar: Sidecar, themeId: string, newLabel: string, now?: string): SidecarChange {
  return mapTags(sidecar, now, (themes) => {
    if (!themes.some((t) => t.id === themeId && t.label !== newLabel)) return undefined;
    return themes.map((t) => (t.id === themeId ? { ...t, label: newLabel } : t));
  });
}

/**
 * Tags with theme `fromId` get theme `into` instead; a tag that already had both keeps one. Dismissed
 * suggestion keys for `fromId` are carried over to `into.id`'s, so the same passage is not suggested again.
 */
export function mergeThemeInSidecar(sidecar: Sidecar, fromId: string, into: TagTheme, now?: string): SidecarChange {
  const change = mapTags(sidecar, now, (themes) => {
    if (!themes.some((t) => t.id === fromId)) return undefined;
    const out: TagTheme[] = [];
    for (const t of themes) {
      const next = t.id === fromId ? { id: into.id, label: into.label } : t;
      if (!out.some((x) => x.id === next.id)) out.push(next);
    }
    return out;
  });
  const dismissed = sidecar.dismissedSuggestions;
  if (dismissed?.some((k) => k.startsWith(`${fromId}:`))) {
    const moved = dismissed.map((k) => (k.startsWith(`${fromId}:`) ? `${into.id}:${k.slice(fromId.length + 1)}` : k));
    change.sidecar = { ...change.sidecar, dismissedSuggestions: [...new Set(moved)] };
    change.changed = true;
  }
  return change;
}

function mapTags(sidecar: Sidecar, now: string | undefined, f: (themes: TagTheme[]) => TagTheme[] | undefined): SidecarChange {
  let tagsChanged = 0;
  const tags = sidecar.tags.map((tag): Tag => {
    const themes = f(tag.themes);
    if (!themes) return tag;
    tagsChanged++;
    return now === undefined ? { ...tag, themes } : { ...tag, themes, modified: now };
  });
  return tagsChanged === 0 ? { sidecar, changed: false, tagsChanged } : { sidecar: { ...sidecar, tags }, changed: true, tagsChanged };
}
