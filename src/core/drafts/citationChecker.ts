// Gives each citation of a draft its status against the report as it is now: the tag is looked up in the
// report's sidecar; when the report changed since its tags were anchored (the sidecar's hash differs), the tags
// are first re-anchored against the current text, in memory only, so a passage that moved is still found and
// one whose words are gone is `orphaned`. Each report is read and re-anchored once per check.

import type { CitationCheck, CitedPassage, DraftCitation } from './citationModel';
import { parseCitations } from './citationParser';
import { citedReportPath, type DraftSources } from './draftSources';
import { hasQuotedWords, quoteDifferences, quoteMatches } from './quoteMatching';
import { findPassage } from '../evidence/passageLocation';
import { reanchorTags } from '../tags/anchoring/reanchoring';
import type { Tag } from '../tags/sidecar/sidecarModel';
import { textHash } from '../tags/sidecar/textHash';

type TagPlace = { found: true; passage: CitedPassage } | { found: false; why: string };

type LoadedReport =
  | { ok: false; status: 'missing-report' | 'missing-tag'; message: string }
  | { ok: true; tags: Map<string, TagPlace> };

const SHOWN_QUOTE = 80;

/** Parses the draft and checks every citation in it, in the draft's order. */
export async function checkDraft(draft: string, draftPath: string, sources: DraftSources): Promise<CitationCheck[]> {
  return checkCitations(parseCitations(draft), draftPath, sources);
}

export async function checkCitations(citations: readonly DraftCitation[], draftPath: string, sources: DraftSources): Promise<CitationCheck[]> {
  const reports = new Map<string, Promise<LoadedReport>>();
  const checks: CitationCheck[] = [];
  for (const citation of citations) {
    const absolute = citedReportPath(draftPath, citation.reportPath);
    let loaded = reports.get(absolute);
    if (!loaded) reports.set(absolute, (loaded = loadReport(absolute, sources)));
    const report = await loaded;
    const check = judge(citation, report);
    const holding = check.status === 'ok' || check.status === 'no-quote' ? undefined : tagHolding(citation, report);
    checks.push(holding ? { ...check, holdingTag: holding, message: `${check.message} Tag '${holding}' of the same report has these words now.` } : check);
  }
  return checks;
}

function judge(citation: DraftCitation, report: LoadedReport): CitationCheck {
  const where = citation.reportPath || '(no report path)';
  if (!citation.reportPath) return { citation, status: 'missing-report', message: `The citation names no report before #tag=: write the report's path relative to the draft.` };
  if (!report.ok) return { citation, status: report.status, message: report.message };
  if (!citation.tag) return { citation, status: 'missing-tag', message: `The citation names no tag: write the tag's id after #tag= (see the Tags view of ${where}).` };
  const place = report.tags.get(citation.tag);
  if (!place) return { citation, status: 'missing-tag', message: `${where} has no tag '${citation.tag}': it was removed, or the id is mistyped.` };
  if (!place.found) return { citation, status: 'orphaned', message: `Tag '${citation.tag}' in ${where} lost its passage. ${place.why} Tag the words again in the report, or cite another passage.` };
  const passage = place.passage;
  if (!citation.quote || !hasQuotedWords(citation.quote.text)) {
    return { citation, status: 'no-quote', passage, message: `No quoted words before this citation of '${citation.tag}': put the passage's words in quotation marks right before the link, or end a blockquote with it.` };
  }
  if (quoteMatches(citation.quote.text, passage.text)) {
    return { citation, status: 'ok', passage, message: `Cites '${citation.tag}' in ${where}: “${shorten(passage.text)}”` };
  }
  const differences = quoteDifferences(citation.quote.text, passage.text);
  const first = differences[0];
  const detail = !first
    ? ''
    : !first.quoted
      ? `: words left out without an ellipsis (“${first.passage}”)`
      : !first.passage
        ? `: quoted “${first.quoted}”, which the tagged passage does not hold (the quote may run past it: tag the longer passage, or shorten the quote)`
        : `: quoted “${first.quoted}” where the passage reads “${first.passage}”`;
  return { citation, status: 'misquote', passage, differences, message: `The quote is not the words of '${citation.tag}' in ${where}${detail}.` };
}

/** The tag of the report whose passage has the citation's quoted words now, when exactly one has. */
function tagHolding(citation: DraftCitation, report: LoadedReport): string | undefined {
  const quote = citation.quote?.text;
  if (!report.ok || !quote || !hasQuotedWords(quote)) return undefined;
  const holding = [...report.tags].filter(([id, place]) => id !== citation.tag && place.found && quoteMatches(quote, place.passage.text)).map(([id]) => id);
  return holding.length === 1 ? holding[0] : undefined;
}

async function loadReport(reportPath: string, sources: DraftSources): Promise<LoadedReport> {
  const read = await sources.readReport(reportPath);
  if (!read.ok) return { ok: false, status: 'missing-report', message: read.message };
  const text = read.value;
  const sidecar = await sources.readSidecar(reportPath);
  if (!sidecar.ok) return { ok: false, status: 'missing-tag', message: sidecar.message };
  if (!sidecar.value) return { ok: false, status: 'missing-tag', message: `${reportPath} has no tags (no tags file beside it): tag the passage first.` };
  const tags = sidecar.value.tags;
  const places = new Map<string, TagPlace>();
  if (sidecar.value.report.textHash === textHash(text)) {
    for (const tag of tags) places.set(tag.id, placeOf(tag, text, reportPath, findPassage(text, tag), tag.orphaned ? 'The tag is marked orphaned in its tags file.' : 'Its words are no longer where they were tagged.'));
    return { ok: true, tags: places };
  }
  // The report changed since its tags were anchored: find them again, as the editor would on opening it.
  const outcome = reanchorTags(tags, text);
  outcome.tags.forEach((tag, i) => {
    const result = outcome.results[i]!;
    const position = result.status === 'orphaned' ? undefined : tag.anchor.position;
    places.set(tag.id, placeOf(tag, text, reportPath, position, result.explanation ?? 'The report changed and its words were not found again.'));
  });
  return { ok: true, tags: places };
}

function placeOf(tag: Tag, text: string, reportPath: string, position: { start: number; end: number } | undefined, why: string): TagPlace {
  if (!position) return { found: false, why };
  const lineStart = text.lastIndexOf('\n', position.start - 1) + 1;
  const line = countLines(text, position.start);
  const passage: CitedPassage = { reportPath, text: text.slice(position.start, position.end), start: position.start, end: position.end, line, column: position.start - lineStart + 1, themes: tag.themes.map((t) => t.label) };
  if (tag.note) passage.note = tag.note;
  return { found: true, passage };
}

function countLines(text: string, end: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SHOWN_QUOTE ? `${flat.slice(0, SHOWN_QUOTE - 1)}…` : flat;
}
