// The coders of a set of tags: each tag's author, counted, so a caller can say which coders exist.

import type { Tag } from '../tags/sidecar/sidecarModel';

/** Coder name → number of tags; tags without an author are left out (they belong to no coder). */
export function codersOf(tagLists: readonly (readonly Tag[])[]): Map<string, number> {
  const coders = new Map<string, number>();
  for (const tags of tagLists) for (const tag of tags) if (tag.author) coders.set(tag.author, (coders.get(tag.author) ?? 0) + 1);
  return coders;
}
