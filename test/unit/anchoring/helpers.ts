// Tag builders for the anchoring tests.

import { anchorWithRepeats } from '../../../src/core/tags/anchoring/anchorRepeats';
import { PassageFinder } from '../../../src/core/tags/anchoring/candidateSearch';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';

// One finder for many tags on the same text, as the tagging code would count them one by one.
let lastFinder: PassageFinder | undefined;

export function tagAt(id: string, text: string, start: number, end: number): Tag {
  return {
    id,
    themes: [{ id: 'workforce', label: 'Workforce' }],
    created: '2026-03-01T09:00:00.000Z',
    modified: '2026-03-01T09:00:00.000Z',
    anchor: anchorWithRepeats(text, start, end, lastFinder?.text === text ? lastFinder : (lastFinder = new PassageFinder(text))),
  };
}

/** A tag on the nth occurrence of `exact` in `text`. */
export function tagOn(id: string, text: string, exact: string, occurrence = 0): Tag {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(exact, start + 1);
    if (start < 0) throw new Error(`"${exact}" occurs fewer than ${occurrence + 1} times`);
  }
  return tagAt(id, text, start, start + exact.length);
}

export function slice(text: string, tag: Tag): string {
  return text.slice(tag.anchor.position.start, tag.anchor.position.end);
}

/** Applies changes in array order, each against the text left by the ones before (the convention shiftTags assumes). */
export function applyChanges(text: string, changes: readonly { rangeOffset: number; rangeLength: number; text: string }[]): string {
  let out = text;
  for (const c of changes) out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  return out;
}
