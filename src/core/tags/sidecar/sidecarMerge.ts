// Three-way merge of sidecars: what two writers (two windows, two machines, the two sides of a git conflict)
// did to the same tags file, combined without losing either's work.

import type { Sidecar, Tag } from './sidecarModel';
import { getOwn, setOwn } from './ownProperties';

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
  const out: Record<string, unknown> = {};
  // Own properties only, set by definition: a "__proto__" key in the file is data like any other.
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    if (skip.includes(key)) {
      setOwn(out, key, getOwn(ours, key));
      continue;
    }
    const oursChanged = base === undefined ? Object.hasOwn(ours, key) : !sameJson(getOwn(ours, key), getOwn(base, key));
    const value = oursChanged ? getOwn(ours, key) : getOwn(theirs, key);
    if (value !== undefined) setOwn(out, key, value);
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

/** Equal as JSON values, whatever the order of keys. Linear, without building strings: merges compare every tag. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  // JSON.stringify skips undefined-valued keys; so does this comparison.
  const aKeys = Object.keys(a).filter((k) => getOwn(a, k) !== undefined);
  const bCount = Object.keys(b).filter((k) => getOwn(b, k) !== undefined).length;
  if (aKeys.length !== bCount) return false;
  for (const key of aKeys) if (!Object.hasOwn(b, key) || !sameJson(getOwn(a, key), getOwn(b, key))) return false;
  return true;
}
