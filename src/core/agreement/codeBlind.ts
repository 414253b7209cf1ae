// Coding blind: while one codes, other coders' tags are hidden, so a second coding is independent of the first
// (what moderation's agreement figures assume). Only the view is filtered; the tags file keeps everyone's tags.

import type { Tag } from '../tags/sidecar/sidecarModel';

export interface CodeBlindState {
  blind: boolean;
  /** The coder coding now; undefined when no name is known (then only tags without an author are theirs). */
  coder: string | undefined;
}

/** The tags the coder may see: all of them, or while coding blind only their own. */
export function tagsVisibleWhileCoding<T extends Pick<Tag, 'author'>>(tags: readonly T[], state: CodeBlindState): readonly T[] {
  if (!state.blind) return tags;
  return tags.filter((t) => (t.author ?? undefined) === state.coder || (!t.author && !state.coder));
}
