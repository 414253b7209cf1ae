// What the editor offers on a citation: its quick fixes as plain text edits of the draft, and its hover text.
// Kept in the core so they are tested without an editor.

import type { CitationCheck, DraftCitation, DraftRange } from './citationModel';
import { escapeMarkdown } from '../platform/text/markdownEscape';

export interface DraftEdit {
  range: DraftRange;
  text: string;
}

/** The quote replaced by the passage's current words (on one line; quotation marks and `>` markers kept). */
export function replaceQuoteEdit(check: CitationCheck): DraftEdit | undefined {
  const quote = check.citation.quote;
  if (!quote || !check.passage) return undefined;
  const words = check.passage.text.replace(/\s+/g, ' ').trim();
  if (quote.style === 'blockquote') return { range: quote.range, text: words };
  // Inline: keep the author's own quotation marks, replace what is between them.
  const { start, end } = quote.range;
  if (end - start < 2) return undefined;
  return { range: { start: start + 1, end: end - 1 }, text: words };
}

/** The link's `#tag=` pointed at the tag that holds the quoted words now. */
export function repointEdit(draft: string, check: CitationCheck): DraftEdit | undefined {
  const { citation, holdingTag } = check;
  if (!holdingTag) return undefined;
  const link = draft.slice(citation.range.start, citation.range.end);
  const fragment = /#(?:[^)#\s]*&)?tag=([^&)\s]*)/.exec(link);
  if (!fragment) return undefined;
  const start = citation.range.start + fragment.index + fragment[0].length - fragment[1]!.length;
  return { range: { start, end: start + fragment[1]!.length }, text: encodeURIComponent(holdingTag) };
}

/** The citation link removed, with the space or bracketed form around it (`“…” ([report](…))` → `“…”`). */
export function removeCitationEdit(draft: string, citation: DraftCitation): DraftEdit {
  let { start, end } = citation.range;
  if (draft[start - 1] === '(' && draft[end] === ')') {
    start--;
    end++;
  }
  while (start > 0 && (draft[start - 1] === ' ' || draft[start - 1] === '\t')) start--;
  return { range: { start, end }, text: '' };
}

/** Hover for a citation: its status, the passage as the report has it now, its themes and note. */
export function citationHoverMarkdown(check: CitationCheck): string {
  const lines: string[] = [];
  const tag = check.citation.tag ? `tag ${escapeMarkdown(check.citation.tag)}` : 'no tag';
  lines.push(`**Citation** (${tag} in ${escapeMarkdown(check.citation.reportPath || 'no report')}): **${check.status}**`);
  if (check.status !== 'ok') lines.push('', escapeMarkdown(check.message));
  const passage = check.passage;
  if (passage) {
    lines.push('', `> ${escapeMarkdown(passage.text)}`);
    if (passage.themes.length > 0) lines.push('', `Themes: ${passage.themes.map(escapeMarkdown).join(', ')}`);
    if (passage.note) lines.push('', `Note: ${escapeMarkdown(passage.note)}`);
  }
  for (const d of check.differences ?? []) {
    lines.push('', d.quoted ? `Quoted “${escapeMarkdown(d.quoted)}”, the passage reads “${escapeMarkdown(d.passage)}”` : `Left out without an ellipsis: “${escapeMarkdown(d.passage)}”`);
  }
  return lines.join('\n');
}
