// Keeping tags on their words while the report is edited in the editor.
//
// Convention for one change event (VS Code's TextDocumentContentChangeEvent.contentChanges): the changes are
// applied one after another in array order, each change's rangeOffset/rangeLength counting in the text as it is
// after the changes before it. VS Code lists the changes of one event in descending offset order and without
// overlap, so each offset is also valid in the original text; the sequential reading covers both.
//
// Rules for one change replacing old[a, b) of the text by `text`, against a tag on old[s, e):
// - change ends at or before s (an insertion exactly at s included): the tag shifts; it does not grow, like a
//   VS Code decoration that never grows when typing at its edges;
// - change starts at or after e (an insertion exactly at e included): the tag stays;
// - change within the tag (s <= a, b <= e, not the whole tag): the tag grows or shrinks with it, and keeps the
//   inserted words;
// - change across one boundary: the tag keeps the surviving part of its passage (inserted words outside it);
// - change covering the whole passage: the tag is orphaned, keeping its stored anchor (quote and position).
// A tag whose remaining passage holds no letter or digit is orphaned too, rather than left on a comma; an edited
// passage is trimmed of spaces at its edges.
// A tag whose stored range does not hold its quote (a hand-edited sidecar) is orphaned, never shifted: its quote is
// the truth, and only re-anchoring may look for it.
// Orphaned tags are left alone here; reanchoring retries them.

import { QUOTE_CONTEXT_CHARS } from './anchorCreation';
import type { Tag } from '../sidecar/sidecarModel';

/** Structurally the part of vscode.TextDocumentContentChangeEvent used here. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Tags after the changes. Unchanged tags are returned as the same objects. With `newText` (the document after the
 * changes) every moved or touched tag's quote and context are refreshed from it; without it only the exact quote
 * is kept up to date.
 */
export function shiftTags(tags: readonly Tag[], changes: readonly TextChange[], newText?: string): Tag[] {
  for (const c of changes) {
    if (!(Number.isInteger(c.rangeOffset) && Number.isInteger(c.rangeLength) && c.rangeOffset >= 0 && c.rangeLength >= 0 && typeof c.text === 'string')) {
      throw new RangeError(`A text change needs a non-negative whole rangeOffset and rangeLength and a text; got ${JSON.stringify(c)}.`);
    }
  }
  return tags.map((tag) => shiftTag(tag, changes, newText));
}

function shiftTag(tag: Tag, changes: readonly TextChange[], newText: string | undefined): Tag {
  if (tag.orphaned === true) return tag;
  let { start, end } = tag.anchor.position;
  // A tag without a usable range cannot be shifted; orphaned, it keeps its quote for re-anchoring.
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start)) return orphan(tag);
  // A range that does not span the quote (a hand-edited sidecar) is not the quote's place: shifting it would carry
  // other words into the quote. Orphaned, the tag keeps its words for re-anchoring to find.
  if (end - start !== tag.anchor.quote.exact.length) return orphan(tag, MISPLACED);
  let exact = tag.anchor.quote.exact;
  let touched = false;
  for (const change of changes) {
    const a = change.rangeOffset;
    const b = change.rangeOffset + change.rangeLength;
    const delta = change.text.length - change.rangeLength;
    if (change.rangeLength === 0 && change.text === '') continue;
    if (b <= start) {
      start += delta;
      end += delta;
    } else if (a >= end) {
      continue;
    } else if (a <= start && b >= end) {
      return orphan(tag);
    } else if (a >= start && b <= end) {
      exact = exact.slice(0, a - start) + change.text + exact.slice(b - start);
      end += delta;
      touched = true;
    } else if (a < start) {
      // Across the start: the words after the change survive.
      exact = exact.slice(b - start);
      end += delta;
      start = a + change.text.length;
      touched = true;
    } else {
      // Across the end: the words before the change survive.
      exact = exact.slice(0, a - start);
      end = a;
      touched = true;
    }
  }
  if (!touched && newText === undefined && start === tag.anchor.position.start) return tag;
  // Every change lies after the passage and its stored suffix: nothing the tag records can differ.
  if (!touched && start === tag.anchor.position.start && changes.every((c) => c.rangeOffset >= end + QUOTE_CONTEXT_CHARS || (c.rangeLength === 0 && c.text === ''))) return tag;
  if (newText !== undefined) {
    if (end > newText.length || start < 0) return orphan(tag); // the edits do not describe this text
    // The stored words, edited as the changes say, are what the new text holds there when the range was the
    // quote's; anything else means it was not, and the new text's words there are not the tag's.
    if (newText.slice(start, end) !== exact) return orphan(tag, MISPLACED);
  }
  if (touched) {
    if (!/[\p{L}\p{N}]/u.test(exact)) return orphan(tag);
    // An edit at the passage's edge can leave it starting or ending on a space; tags cover words.
    const lead = exact.length - exact.trimStart().length;
    const trail = exact.length - exact.trimEnd().length;
    start += lead;
    end -= trail;
    exact = exact.slice(lead, exact.length - trail);
  }
  const quote =
    newText === undefined
      ? { ...tag.anchor.quote, exact }
      : {
          exact,
          prefix: newText.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
          suffix: newText.slice(end, end + QUOTE_CONTEXT_CHARS),
        };
  const old = tag.anchor;
  const moved = start !== old.position.start || end !== old.position.end;
  if (!moved && quote.exact === old.quote.exact && quote.prefix === old.quote.prefix && quote.suffix === old.quote.suffix) return tag;
  return { ...tag, anchor: { position: { start, end, unit: 'utf-16' }, quote } };
}

const OVERWRITTEN = 'Its words were deleted or overwritten while the report was edited.';
const MISPLACED = 'Its stored place in the report did not hold its words, so it was not moved with the edit; it keeps its words to be found again.';

function orphan(tag: Tag, reason = OVERWRITTEN): Tag {
  return { ...tag, orphaned: true, orphanReason: reason };
}
