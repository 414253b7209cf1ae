// Writing a sidecar: one fixed layout, so that two people tagging the same report produce small diffs
// that git can merge. Known keys come in a fixed order, unknown keys (extra fields, or fields of a newer
// version) follow in the order they were read; tags are sorted by position.

import type { Sidecar, Tag } from './sidecarModel';

type Json = Record<string, unknown>;

const TOP_KEYS = ['format', 'version', 'report', 'tags', 'dismissedSuggestions'];
const REPORT_KEYS = ['fileName', 'textHash', 'kind', 'authority', 'date'];
const TAG_KEYS = ['id', 'themes', 'note', 'author', 'created', 'modified', 'anchor', 'context', 'orphaned'];
const THEME_KEYS = ['id', 'label'];
const ANCHOR_KEYS = ['position', 'quote'];
const POSITION_KEYS = ['start', 'end', 'unit'];
const QUOTE_KEYS = ['exact', 'prefix', 'suffix'];
const CONTEXT_KEYS = ['section', 'sectionRole', 'paragraph', 'judgementArea', 'grade'];

export function serialiseSidecar(sidecar: Sidecar): string {
  const top = ordered(sidecar as unknown as Json, TOP_KEYS, {
    report: (report) => ordered(report as Json, REPORT_KEYS),
    tags: (tags) => sortTags(tags as Tag[]).map(orderTag),
    dismissedSuggestions: (keys) => [...new Set(keys as string[])].sort(),
  });
  return JSON.stringify(top, null, 2) + '\n';
}

/** Position order: start, then end, then id, so the order never depends on who added a tag first. */
export function sortTags<T extends Tag>(tags: readonly T[]): T[] {
  return [...tags].sort(
    (a, b) =>
      a.anchor.position.start - b.anchor.position.start ||
      a.anchor.position.end - b.anchor.position.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function orderTag(tag: Tag): Json {
  return ordered(tag as unknown as Json, TAG_KEYS, {
    themes: (themes) => (themes as Json[]).map((theme) => ordered(theme, THEME_KEYS)),
    anchor: (anchor) =>
      ordered(anchor as Json, ANCHOR_KEYS, {
        position: (position) => ordered(position as Json, POSITION_KEYS),
        quote: (quote) => ordered(quote as Json, QUOTE_KEYS),
      }),
    context: (context) => ordered(context as Json, CONTEXT_KEYS),
  });
}

/** A copy of `object` with `known` keys first (in that order), then the others as they were. */
function ordered(object: Json, known: string[], transform: Partial<Record<string, (value: unknown) => unknown>> = {}): Json {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return object;
  const out: Json = {};
  const put = (key: string) => {
    const value = object[key];
    if (value === undefined) return;
    const fn: ((value: unknown) => unknown) | undefined = transform[key];
    out[key] = fn && typeof value === 'object' && value !== null ? fn(value) : value;
  };
  for (const key of known) if (Object.hasOwn(object, key)) put(key);
  for (const key of Object.keys(object)) if (!known.includes(key)) put(key);
  return out;
}
