// The hover over an item of a list the report prints: what kind of item it is and whose it is ("Area for
// improvement (LSCB)"), so a reader never takes the safeguarding board's action, or a strength, for one the
// local authority must act on. Markdown rendered untrusted; the report's words in it are escaped.

import type { Improvement, Range, ReportModel, Strength } from '../recognition/model';
import { type ListItemKind, listItemLabel, OWNER_WORDS } from '../vocabulary/labels';
import { escapeMarkdown } from '../platform/text/markdownEscape';

export type ListItemHit = { kind: 'improvement' | 'priority-action'; item: Improvement } | { kind: 'strength'; item: Strength };

/** The area for improvement, priority action or strength whose words contain `offset` (its end included). */
export function listItemAt(model: ReportModel, offset: number): ListItemHit | undefined {
  const inside = (r: Range): boolean => offset >= r.start && offset <= r.end && r.end > r.start;
  const improvement = model.improvements.find((i) => inside(i.range));
  if (improvement) return { kind: improvement.priority ? 'priority-action' : 'improvement', item: improvement };
  const strength = model.strengths.find((s) => inside(s.range));
  return strength ? { kind: 'strength', item: strength } : undefined;
}

export function listItemHoverMarkdown(hit: ListItemHit): string {
  const kind: ListItemKind = hit.kind;
  const number = hit.item.number !== undefined ? ` — paragraph ${hit.item.number}` : '';
  const lines = [`**${listItemLabel(kind, hit.item.owner)}**${number}`, ''];
  if (hit.kind === 'strength') lines.push(`A strength of ${OWNER_WORDS[hit.item.owner].name} that the report lists: not an area for improvement.`);
  else {
    // Only the board's items need saying whose they are: the local authority's are what a reader expects.
    const whose = hit.item.owner === 'local-authority' ? '' : `, not ${OWNER_WORDS['local-authority'].name}`;
    lines.push(`For ${OWNER_WORDS[hit.item.owner].name} to act on${whose}.`);
    if (hit.item.group !== undefined) lines.push('', `Under: ${escapeMarkdown(hit.item.group)}`);
    if (hit.item.frameworkRefs.length > 0) lines.push('', `Refers to: ${hit.item.frameworkRefs.map((r) => escapeMarkdown(r.text)).join('; ')}`);
  }
  return lines.join('\n');
}
