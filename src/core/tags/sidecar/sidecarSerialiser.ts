// Writing a sidecar: one fixed layout, so that two people tagging the same report produce small diffs
// that git can merge. Known keys come in a fixed order, unknown keys (extra fields, or fields of a newer
// version) follow in the order they were read; tags are sorted by position.
//
// A sidecar is data: keys such as "__proto__" or "constructor" are copied as own properties (never assigned,
// which would set a prototype or call a setter), so every key of the file survives being rewritten.

import type { Sidecar, Tag } from './sidecarModel';
import { setOwn } from './ownProperties';

type Json = Record<string, unknown>;
type Transform = (value: unknown) => unknown;

const TOP_KEYS = ['format', 'version', 'report', 'tags', 'dismissedSuggestions'];
const REPORT_KEYS = ['fileName', 'textHash', 'kind', 'authority', 'date'];
const TAG_KEYS = ['id', 'themes', 'note', 'author', 'created', 'modified', 'anchor', 'context', 'orphaned', 'orphanReason'];
const THEME_KEYS = ['id', 'label'];
const ANCHOR_KEYS = ['position', 'quote', 'repeats'];
const REPEATS_KEYS = ['count', 'index', 'withContext'];
const POSITION_KEYS = ['start', 'end', 'unit'];
const QUOTE_KEYS = ['exact', 'prefix', 'suffix'];
const CONTEXT_KEYS = ['section', 'sectionRole', 'paragraph', 'judgementArea', 'grade'];

// Built once: a transform table per call would be 100 000 closures for a large file.
const ORDER_POSITION: Transform = (position) => ordered(position as Json, POSITION_KEYS);
const ORDER_QUOTE: Transform = (quote) => ordered(quote as Json, QUOTE_KEYS);
const ANCHOR_TRANSFORMS = new Map<string, Transform>([
  ['position', ORDER_POSITION],
  ['quote', ORDER_QUOTE],
  ['repeats', (repeats) => ordered(repeats as Json, REPEATS_KEYS)],
]);
const TAG_TRANSFORMS = new Map<string, Transform>([
  ['themes', (themes) => (Array.isArray(themes) ? themes.map((theme) => ordered(theme as Json, THEME_KEYS)) : themes)],
  ['anchor', (anchor) => ordered(anchor as Json, ANCHOR_KEYS, ANCHOR_TRANSFORMS)],
  ['context', (context) => ordered(context as Json, CONTEXT_KEYS)],
]);
const TOP_TRANSFORMS = new Map<string, Transform>([
  ['report', (report) => ordered(report as Json, REPORT_KEYS)],
  ['tags', (tags) => (Array.isArray(tags) ? sortTags(tags as Tag[]).map(orderTag) : tags)],
  ['dismissedSuggestions', (keys) => (Array.isArray(keys) ? [...new Set(keys as string[])].sort() : keys)],
]);

export function serialiseSidecar(sidecar: Sidecar): string {
  return JSON.stringify(ordered(sidecar as unknown as Json, TOP_KEYS, TOP_TRANSFORMS), null, 2) + '\n';
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
  return ordered(tag as unknown as Json, TAG_KEYS, TAG_TRANSFORMS);
}

/** A copy of `object` with `known` keys first (in that order), then the others as they were. */
function ordered(object: Json, known: readonly string[], transforms?: ReadonlyMap<string, Transform>): Json {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return object;
  const out: Json = {};
  const put = (key: string) => {
    const value = object[key];
    if (value === undefined) return;
    const fn = transforms?.get(key);
    setOwn(out, key, fn && typeof value === 'object' && value !== null ? fn(value) : value);
  };
  for (const key of known) if (Object.hasOwn(object, key)) put(key);
  for (const key of Object.keys(object)) if (!known.includes(key)) put(key);
  return out;
}
