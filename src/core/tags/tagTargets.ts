// "Tag this paragraph / area for improvement / strength / judgement section": the passages at the cursor that can
// be tagged in one action, from the recognised report structure. An item on the safeguarding board's list is named
// as the board's, so a tag is never taken for one on the local authority's list.

import type { Range, ReportModel, Section } from '../recognition/model';
import { listItemPhrase } from '../vocabulary/labels';

export type TagTargetKind = 'improvement' | 'strength' | 'paragraph' | 'judgement-section';

export interface TagTarget {
  kind: TagTargetKind;
  /** Trimmed of surrounding spaces; never empty. */
  range: Range;
  /** For the action's title, e.g. "paragraph 12", "area for improvement (LSCB)". */
  name: string;
}

export const TAG_TARGET_KINDS: readonly TagTargetKind[] = ['improvement', 'strength', 'paragraph', 'judgement-section'];

/** Targets containing `offset`, most specific first: area for improvement or strength, numbered paragraph, judgement section. */
export function tagTargetsAt(model: ReportModel, text: string, offset: number): TagTarget[] {
  const targets: TagTarget[] = [];
  const within = (r: Range) => r.start <= offset && offset <= r.end;
  const improvement = model.improvements.find((i) => within(i.range));
  if (improvement) push(targets, text, 'improvement', improvement.range, listItemPhrase(improvement.priority ? 'priority-action' : 'improvement', improvement.owner));
  const strength = model.strengths.find((s) => within(s.range));
  if (strength) push(targets, text, 'strength', strength.range, listItemPhrase('strength', strength.owner));
  const paragraph = model.paragraphs.find((p) => within(p.range));
  if (paragraph) push(targets, text, 'paragraph', paragraph.range, `paragraph ${paragraph.number}`);
  const section = judgementSectionAt(model.sections, offset);
  if (section) {
    // The body, not the heading: the heading is the judgement, the body is its evidence.
    const body = { start: section.headingRange.end, end: section.range.end };
    push(targets, text, 'judgement-section', hasWords(text, body) ? body : section.range, `judgement section "${section.title}"`);
  }
  return targets;
}

export function tagTargetAt(model: ReportModel, text: string, offset: number, kind: TagTargetKind): TagTarget | undefined {
  return tagTargetsAt(model, text, offset).find((t) => t.kind === kind);
}

/** The innermost section at `offset` that judges an area (or the nearest enclosing one that does). */
function judgementSectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  let level = sections;
  for (;;) {
    const hit = level.find((s) => s.range.start <= offset && offset < s.range.end);
    if (!hit) return found;
    if (hit.judgementArea !== undefined) found = hit;
    level = hit.children;
  }
}

function push(targets: TagTarget[], text: string, kind: TagTargetKind, range: Range, name: string): void {
  const trimmed = trim(text, range);
  if (trimmed) targets.push({ kind, range: trimmed, name });
}

function hasWords(text: string, range: Range): boolean {
  return /[\p{L}\p{N}]/u.test(text.slice(range.start, range.end));
}

function trim(text: string, range: Range): Range | undefined {
  let { start, end } = range;
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : undefined;
}
