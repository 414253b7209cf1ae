// Next / previous area for improvement or judgement from the cursor: what a reviewer uses to jump
// through a long report. Wraps round at either end, as the editor's own "next problem" does. Areas for
// improvement are all of them, the local authority's and the safeguarding board's, in text order; each
// stop says whose it is.

import type { Range, ReportModel, Section } from '../recognition/model';
import { listItemPhrase } from '../vocabulary/labels';

export type NavigationTarget = 'improvement' | 'judgement';
export type NavigationDirection = 'next' | 'previous';

export interface NavigationResult {
  range: Range;
  line: number;
  /** True when the search went past the end (or start) and came round. */
  wrapped: boolean;
  /** 1-based position among the targets, and how many there are ("2 of 5"). */
  index: number;
  count: number;
  /** What was landed on, for an area for improvement: "area for priority action (LSCB)". */
  label?: string;
}

/**
 * Improvements, or judgements: the grades the report gives plus the headings of graded judgement
 * sections (a reader stepping through judgements wants to land on each section too). A heading whose
 * grade was recorded as a judgement is one stop, not two.
 */
export function targetsOf(model: ReportModel, target: NavigationTarget): { range: Range; line: number; label?: string }[] {
  if (target === 'improvement') {
    return sorted(model.improvements.map((x) => ({ range: x.range, line: x.line, label: listItemPhrase(x.priority ? 'priority-action' : 'improvement', x.owner) })));
  }
  const out = model.judgements.map((x) => ({ range: x.range, line: x.line }));
  const visit = (sections: Section[]): void => {
    for (const s of sections) {
      const heading = s.headingRange;
      if (s.grade && !model.judgements.some((j) => j.range.start >= heading.start && j.range.start < heading.end)) {
        out.push({ range: { start: heading.start, end: heading.start }, line: s.line });
      }
      visit(s.children);
    }
  };
  visit(model.sections);
  return sorted(out);
}

function sorted<T extends { range: Range }>(xs: T[]): T[] {
  return xs.sort((a, b) => a.range.start - b.range.start);
}

/**
 * The target after (or before) `offset`. "Next" skips the target the cursor is on; "previous" from
 * inside a target goes to that target's start, like moving to the start of a word.
 */
export function navigate(model: ReportModel, target: NavigationTarget, direction: NavigationDirection, offset: number): NavigationResult | undefined {
  const targets = targetsOf(model, target);
  if (targets.length === 0) return undefined;
  let i: number;
  let wrapped = false;
  if (direction === 'next') {
    i = targets.findIndex((t) => t.range.start > offset);
    if (i < 0) {
      i = 0;
      wrapped = true;
    }
  } else {
    i = findLastIndex(targets, (t) => t.range.start < offset);
    if (i < 0) {
      i = targets.length - 1;
      wrapped = true;
    }
  }
  const t = targets[i]!;
  const found: NavigationResult = { range: t.range, line: t.line, wrapped, index: i + 1, count: targets.length };
  if (t.label !== undefined) found.label = t.label;
  return found;
}

function findLastIndex<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}
