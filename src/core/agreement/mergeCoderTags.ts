// Bringing another coder's tags of the same report into this report's tags (a colleague's copy of the sidecar,
// or the same file from another branch or folder). Authorship is kept; no tag is lost or doubled: a tag with the
// same id is one tag (the newer `modified` wins, as in a git merge), and so is one with the same coder, passage
// and themes. Tags anchored to a different text are re-anchored to this one first; those not found come in orphaned.

import { needsReanchoring, reanchorTags } from '../tags/anchoring/reanchoring';
import type { Sidecar, Tag } from '../tags/sidecar/sidecarModel';
import { textHash } from '../tags/sidecar/textHash';

export interface MergeSummary {
  /** Tags new to this report. */
  added: number;
  /** Tags already here under the same id, replaced by the other copy because it is newer. */
  updated: number;
  /** Tags already here (same id, or same coder, passage and themes): left as they are. */
  duplicates: number;
  /**
   * Of the added and updated tags, those whose passage could not be found in this text. An update can be one: the
   * newer copy wins even where its words are not in this text and the older copy's were, so it comes in orphaned
   * (its quote kept, to re-attach) rather than placed on the older copy's words, which the newer no longer has.
   */
  orphaned: number;
  /** Tags of this report's own sidecar that moved or were orphaned because its text changed. */
  ownReanchored: boolean;
}

export interface MergeOutcome {
  sidecar: Sidecar;
  summary: MergeSummary;
}

/** The sidecar `own` with `other`'s tags merged in, both anchored to `text`. Neither input is changed. */
export function mergeCoderTags(own: Sidecar, other: Sidecar, text: string): MergeOutcome {
  const hash = textHash(text);
  // A tag whose stored place does not hold its words is found again too, as opening the report would.
  const ownReanchored = needsReanchoring(own, text, hash);
  const ownTags = ownReanchored ? reanchorTags(own.tags, text).tags : [...own.tags];
  const incoming = needsReanchoring(other, text, hash) ? reanchorTags(other.tags, text).tags : other.tags;
  const byId = new Map(ownTags.map((t, i) => [t.id, i]));
  const keys = new Set(ownTags.map(sameTagKey));
  const summary: MergeSummary = { added: 0, updated: 0, duplicates: 0, orphaned: 0, ownReanchored };
  for (const tag of incoming) {
    const at = byId.get(tag.id);
    if (at !== undefined) {
      if (Date.parse(tag.modified) > Date.parse(ownTags[at]!.modified)) {
        ownTags[at] = tag;
        keys.add(sameTagKey(tag));
        summary.updated++;
        if (tag.orphaned) summary.orphaned++;
      } else summary.duplicates++;
      continue;
    }
    const key = sameTagKey(tag);
    if (keys.has(key)) {
      summary.duplicates++;
      continue;
    }
    keys.add(key);
    byId.set(tag.id, ownTags.length);
    ownTags.push(tag);
    summary.added++;
    if (tag.orphaned) summary.orphaned++;
  }
  return { sidecar: { ...own, report: { ...own.report, textHash: hash }, tags: ownTags }, summary };
}

/** Same coder, same passage (or, for an orphan, the same quote), same themes: one tag. */
function sameTagKey(tag: Tag): string {
  const where = tag.orphaned ? `quote:${tag.anchor.quote.exact}` : `${tag.anchor.position.start}:${tag.anchor.position.end}`;
  return [tag.author ?? '', where, tag.themes.map((t) => t.id).sort().join(',')].join('\u0000');
}
