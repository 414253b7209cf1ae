// Pure operations on a sidecar: each returns a new Sidecar and leaves its input untouched, so a caller
// can keep the version it read as the base of a three-way merge.

import { SIDECAR_FORMAT, SIDECAR_VERSION, type Anchor, type Sidecar, type Tag, type TagContext, type TagTheme } from './sidecar/sidecarModel';

export class TagOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TagOperationError';
  }
}

export interface OperationOptions {
  /** Defaults to the current time; tests pass a fixed one. */
  now?: Date | string;
  author?: string;
}

export interface NewTag {
  anchor: Anchor;
  themes: TagTheme[];
  note?: string;
  context?: TagContext;
  /** Defaults to a random UUID; only tests and imports pass one. */
  id?: string;
}

export function emptySidecar(reportFileName: string, textHash: string, report: Omit<Sidecar['report'], 'fileName' | 'textHash'> = {}): Sidecar {
  return { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: reportFileName, textHash, ...report }, tags: [] };
}

/** Random and never derived from content, so the same passage tagged twice gets two tags. */
export function newTagId(): string {
  return globalThis.crypto.randomUUID();
}

export function addTag(sidecar: Sidecar, input: NewTag, options: OperationOptions = {}): { sidecar: Sidecar; tag: Tag } {
  const themes = normaliseThemes(input.themes);
  const { start, end } = input.anchor.position;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start)) {
    throw new TagOperationError(`A tag needs a passage: start ${start} and end ${end} do not make a non-empty range.`);
  }
  const id = input.id ?? newTagId();
  if (sidecar.tags.some((t) => t.id === id)) throw new TagOperationError(`A tag with id "${id}" already exists.`);
  const now = timestamp(options.now);
  const tag: Tag = {
    id,
    themes,
    ...(input.note !== undefined && input.note !== '' ? { note: input.note } : {}),
    ...(options.author !== undefined ? { author: options.author } : {}),
    created: now,
    modified: now,
    anchor: input.anchor,
    ...(input.context !== undefined ? { context: input.context } : {}),
  };
  return { sidecar: { ...sidecar, tags: [...sidecar.tags, tag] }, tag };
}

export interface TagEdit {
  themes?: TagTheme[];
  /** A string replaces the note; null removes it. */
  note?: string | null;
}

export function editTag(sidecar: Sidecar, id: string, edit: TagEdit, options: OperationOptions = {}): Sidecar {
  return updateTag(sidecar, id, options, (tag) => {
    const next: Tag = { ...tag };
    if (edit.themes !== undefined) next.themes = normaliseThemes(edit.themes);
    if (edit.note === null || edit.note === '') delete next.note;
    else if (edit.note !== undefined) next.note = edit.note;
    return next;
  });
}

export function removeTag(sidecar: Sidecar, id: string): Sidecar {
  findTag(sidecar, id);
  return { ...sidecar, tags: sidecar.tags.filter((t) => t.id !== id) };
}

/** Re-attaches a tag (typically an orphan) to a passage the user chose. */
export function reattachTag(sidecar: Sidecar, id: string, anchor: Anchor, context: TagContext | undefined, options: OperationOptions = {}): Sidecar {
  return updateTag(sidecar, id, options, (tag) => {
    const next: Tag = { ...tag, anchor };
    delete next.orphaned;
    if (context !== undefined) next.context = context;
    else delete next.context;
    return next;
  });
}

export function dismissSuggestion(sidecar: Sidecar, key: string): Sidecar {
  const current = sidecar.dismissedSuggestions ?? [];
  return current.includes(key) ? sidecar : { ...sidecar, dismissedSuggestions: [...current, key] };
}

export function findTag(sidecar: Sidecar, id: string): Tag {
  const tag = sidecar.tags.find((t) => t.id === id);
  if (!tag) throw new TagOperationError(`No tag with id "${id}" in the tags of ${sidecar.report.fileName}.`);
  return tag;
}

function updateTag(sidecar: Sidecar, id: string, options: OperationOptions, change: (tag: Tag) => Tag): Sidecar {
  findTag(sidecar, id);
  const now = timestamp(options.now);
  return {
    ...sidecar,
    tags: sidecar.tags.map((tag) => {
      if (tag.id !== id) return tag;
      const next = change(tag);
      next.modified = now;
      if (options.author !== undefined) next.author = options.author;
      return next;
    }),
  };
}

function normaliseThemes(themes: TagTheme[]): TagTheme[] {
  const seen = new Set<string>();
  const out: TagTheme[] = [];
  for (const theme of themes) {
    const id = theme.id.trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, label: theme.label.trim() || id });
  }
  if (out.length === 0) throw new TagOperationError('A tag needs at least one theme.');
  return out;
}

function timestamp(now: Date | string | undefined): string {
  if (typeof now === 'string') return now;
  return (now ?? new Date()).toISOString();
}

// ---- merging ----

/**
 * Three-way merge of two sidecars that both started from `base` (the version one writer read).
 * Per tag: a change on one side only is taken; changes on both sides -> the newer `modified` wins;
 * deleted on one side and unchanged on the other -> stays deleted; deleted on one side but edited on
 * the other -> the edit is kept (losing work is worse than a tag coming back). Without a base (first
 * write, or a conflict with no common ancestor) this is a union, newest copy of each tag winning.
 */
export function mergeSidecars(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar): Sidecar {
  const baseTags = new Map((base?.tags ?? []).map((t) => [t.id, t]));
  const ourTags = new Map(ours.tags.map((t) => [t.id, t]));
  const theirTags = new Map(theirs.tags.map((t) => [t.id, t]));
  const ids = new Set([...ourTags.keys(), ...theirTags.keys()]);
  const tags: Tag[] = [];
  for (const id of ids) {
    const merged = mergeTag(baseTags.get(id), ourTags.get(id), theirTags.get(id));
    if (merged) tags.push(merged);
  }
  const merged = mergeFields(base as unknown as Record<string, unknown> | undefined, ours as unknown as Record<string, unknown>, theirs as unknown as Record<string, unknown>, ['tags', 'dismissedSuggestions', 'report']) as unknown as Sidecar;
  merged.report = mergeFields(base?.report, ours.report, theirs.report, []) as Sidecar['report'];
  merged.tags = tags;
  const dismissed = mergeSets(base?.dismissedSuggestions, ours.dismissedSuggestions, theirs.dismissedSuggestions);
  if (dismissed.length > 0) merged.dismissedSuggestions = dismissed;
  else delete merged.dismissedSuggestions;
  return merged;
}

function mergeTag(base: Tag | undefined, ours: Tag | undefined, theirs: Tag | undefined): Tag | undefined {
  if (ours && theirs) {
    if (sameJson(ours, theirs)) return ours;
    if (base && sameJson(ours, base)) return theirs;
    if (base && sameJson(theirs, base)) return ours;
    return newer(ours, theirs);
  }
  const only = ours ?? theirs;
  if (!only) return undefined;
  if (!base) return only; // added on one side
  return sameJson(only, base) ? undefined : only; // deleted on the other side, kept only if edited here
}

/** The copy with the later `modified`; ours on a tie. */
export function newer(ours: Tag, theirs: Tag): Tag {
  return compareTimestamps(theirs.modified, ours.modified) > 0 ? theirs : ours;
}

export function compareTimestamps(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Per key: ours if ours changed it from base, else theirs. Keys in `skip` are handled by the caller. */
function mergeFields(base: object | undefined, ours: object, theirs: object, skip: string[]): Record<string, unknown> {
  const b = (base ?? {}) as Record<string, unknown>;
  const o = ours as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(o), ...Object.keys(t)])) {
    if (skip.includes(key)) {
      out[key] = o[key];
      continue;
    }
    const oursChanged = base === undefined ? Object.hasOwn(o, key) : !sameJson(o[key], b[key]);
    const value = oursChanged ? o[key] : t[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeSets(base: string[] | undefined, ours: string[] | undefined, theirs: string[] | undefined): string[] {
  const b = new Set(base ?? []);
  const o = new Set(ours ?? []);
  const t = new Set(theirs ?? []);
  const out: string[] = [];
  for (const key of new Set([...o, ...t])) {
    // Un-dismissed on one side (in base, gone there) wins over unchanged on the other.
    const removed = b.has(key) && (!o.has(key) || !t.has(key));
    if (!removed) out.push(key);
  }
  return out.sort();
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  });
}
