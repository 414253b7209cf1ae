// A draft made ready to publish: every citation link becomes a numbered Markdown footnote whose note says where the
// words come from (draftFootnotes.ts). The author's own words are left exactly as written; an inline citation's
// link (and the brackets around it) gives way to the footnote mark, and a blockquote's closing "— [link]" line to
// a mark after the quote's last word.

import type { CitationCheck, DraftRange } from './citationModel';
import { removeCitationEdit } from './citationFixes';
import { checkDraft } from './citationChecker';
import { draftFootnotes, type Footnote, type FootnoteQuote } from './draftFootnotes';
import type { DraftSources } from './draftSources';

export interface RenderedDraft {
  markdown: string;
  checks: CitationCheck[];
  footnotes: Footnote[];
}

interface Edit {
  range: DraftRange;
  text: string;
}

/** A line that, without its link, holds only blockquote markers, a dash and closing punctuation. */
const BARE_ATTRIBUTION = /^[ \t]*(?:>[ \t]*)+[\u2013\u2014-]*[ \t]*[.,;:)\]]*[ \t]*$/;
const BLANK_QUOTE_LINE = /^[ \t]*(?:>[ \t]*)+$/;

/** Checks the draft's citations and renders it with footnotes; the checks say whether every citation holds. */
export async function renderDraft(draft: string, draftPath: string, sources: DraftSources, quote: FootnoteQuote = 'passage'): Promise<RenderedDraft> {
  const checks = await checkDraft(draft, draftPath, sources);
  const footnotes = await draftFootnotes(checks, draftPath, sources, quote);
  return { markdown: draftWithFootnotes(draft, checks, footnotes), checks, footnotes };
}

/** The draft with each citation replaced by its footnote mark and the notes appended, in number order. */
export function draftWithFootnotes(draft: string, checks: readonly CitationCheck[], footnotes: readonly Footnote[]): string {
  if (checks.length === 0) return draft;
  // The author's own footnotes keep their labels: ours get a prefix when any are there, one no label of the draft
  // starts with (a draft rendered before and edited already holds "cite-1"; "cite2-1" then, and so on).
  const prefix = /\[\^/.test(draft) ? citePrefix(draft) : undefined;
  const label = (n: number) => (prefix ? `${prefix}-${n}` : String(n));
  const edits = checks.flatMap((check, i) => citationEdits(draft, check, `[^${label(footnotes[i]!.number)}]`));
  let text = draft;
  for (const edit of edits.sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end)) {
    text = text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end);
  }
  const eol = draft.includes('\r\n') ? '\r\n' : '\n';
  const unique = footnotes.filter((note, i) => footnotes.findIndex((n) => n.number === note.number) === i).sort((a, b) => a.number - b.number);
  const notes = unique.map((n) => `[^${label(n.number)}]: ${n.markdown}`);
  return text.replace(/(?:\r?\n)*$/, '') + eol + eol + notes.join(eol) + eol;
}

/** "cite", or "cite2", "cite3" …: the first that begins no footnote label of the draft. */
function citePrefix(draft: string): string {
  const labels = [...draft.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]!.toLowerCase());
  for (let n = 1; ; n++) {
    const prefix = n === 1 ? 'cite' : `cite${n}`;
    if (!labels.some((l) => l.startsWith(`${prefix}-`))) return prefix;
  }
}

function citationEdits(draft: string, check: CitationCheck, mark: string): Edit[] {
  const { citation } = check;
  const quote = citation.quote;
  if (quote?.style === 'blockquote') {
    const line = lineAround(draft, citation.range);
    const rest = draft.slice(line.start, citation.range.start) + draft.slice(citation.range.end, line.end);
    if (BARE_ATTRIBUTION.test(rest)) {
      // The "— [link]" line goes, with a blank `>` line before it; the mark follows the quote's last word.
      let start = line.start;
      const previous = lineAround(draft, { start: Math.max(0, line.start - 1), end: Math.max(0, line.start - 1) });
      if (line.start > 0 && previous.start >= quote.range.end && BLANK_QUOTE_LINE.test(draft.slice(previous.start, previous.end))) start = previous.start;
      const removeFrom = start > 0 ? start - lineBreakBefore(draft, start) : start;
      return [{ range: { start: quote.range.end, end: quote.range.end }, text: mark }, { range: { start: Math.max(removeFrom, quote.range.end), end: line.end }, text: '' }];
    }
  }
  const removal = removeCitationEdit(draft, citation).range;
  // "…” — [link]": the dash introduced the link and goes with it.
  const dash = /[ \t]*[\u2013\u2014][ \t]*$/.exec(draft.slice(0, removal.start));
  const start = dash && quote && dash.index >= quote.range.end ? dash.index : removal.start;
  return [{ range: { start, end: removal.end }, text: mark }];
}

/** The line holding the range's start: from after the previous line break to before the next one. */
function lineAround(draft: string, range: DraftRange): DraftRange {
  const start = draft.lastIndexOf('\n', range.start - 1) + 1;
  const next = draft.indexOf('\n', range.end);
  const end = next < 0 ? draft.length : next > 0 && draft[next - 1] === '\r' ? next - 1 : next;
  return { start, end };
}

function lineBreakBefore(draft: string, at: number): number {
  return draft[at - 2] === '\r' && draft[at - 1] === '\n' ? 2 : draft[at - 1] === '\n' ? 1 : 0;
}
