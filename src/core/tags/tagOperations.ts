// Pure operations on a sidecar: each returns a new Sidecar and leaves its input untouched, so a caller
// can keep the version it read as the base of a three-way merge.

import type { Anchor, Sidecar, Tag, TagContext, TagTheme } from './sidecar/sidecarModel';

// Merging and the empty sidecar live in sidecar/, which the store there needs and which must not import this folder.
export { emptySidecar } from './sidecar/emptySidecar';
export { compareTimestamps, mergeSidecars, newer, sameJson } from './sidecar/sidecarMerge';

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
    delete next.orphanReason;
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
