// `report cite-check <draft.md> [--json]`: checks every citation of a Markdown draft against the reports it cites
// (docs/citations.md) and prints each with its status; the same checker as the editor's diagnostics.

import { resolve } from 'node:path';
import { type CitationCheck, type CitationStatus, CITATION_STATUSES, checkDraft, fileSystemSources, NodeFileSystem, readReportText } from '../core';
import { EXIT } from './exitCodes';
import { parse, UsageError, type CliCommand } from './command';

export const CITE_EXIT = {
  /** At least one citation is not `ok` (misquoted, orphaned, missing tag or report, no quote). */
  citationProblem: 12,
} as const;

const SHOWN_QUOTE = 60;

export const citeCheckCommand: CliCommand = {
  name: 'cite-check',
  summary: "check every citation of a Markdown draft against the tagged passages it cites",
  help: `Usage: report cite-check <draft.md> [--json]

Finds every citation in the draft (a link to a report with #tag=<tag id>, see docs/citations.md) and
checks the quoted words before it against the tagged passage in the report as it is now. Statuses:
  ok              the quote is the passage's words (ellipses and [insertions] allowed)
  misquote        the quoted words are not in the passage (the difference is shown)
  orphaned        the tag lost its passage (the report changed and its words are gone)
  missing-tag     the report has no such tag, or no readable tags file
  missing-report  the cited report cannot be read
  no-quote        no quoted words right before the citation
Nothing is written: tags files are re-anchored in memory only.

Options:
  --json   print { citations: [{ line, column, target, tag, status, quote, message }] }

Exit codes: as for every command (report --help), plus
  ${CITE_EXIT.citationProblem}  at least one citation is not ok`,

  async run(args, io) {
    const { values, positionals } = parse('cite-check', args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'cite-check: missing <draft.md> (the Markdown draft to check)' : `cite-check: expected one draft, got ${positionals.length}: ${positionals.join(' ')}`);
    const draftArg = positionals[0]!;
    const draftPath = resolve(io.cwd, draftArg);
    const fs = new NodeFileSystem();
    // Read like a report: a folder, FIFO or binary file is refused with its exit code, a BOM or CRLF is fine.
    const draft = await readReportText(fs, draftPath);
    const checks = await checkDraft(draft, draftPath, fileSystemSources(fs));
    if (values.json) io.stdout(JSON.stringify({ draft: draftArg, citations: checks.map((c) => row(draft, c)) }, null, 2) + '\n');
    else io.stdout(citeCheckReport(draft, draftArg, checks));
    return checks.every((c) => c.status === 'ok') ? EXIT.ok : CITE_EXIT.citationProblem;
  },
};

interface Row {
  line: number;
  column: number;
  target: string;
  tag: string;
  status: CitationStatus;
  quote: string | null;
  message: string;
}

function row(draft: string, check: CitationCheck): Row {
  const { citation } = check;
  const lineStart = draft.lastIndexOf('\n', citation.range.start - 1) + 1;
  return {
    line: citation.line,
    column: citation.range.start - lineStart + 1,
    target: citation.target,
    tag: citation.tag,
    status: check.status,
    quote: citation.quote ? citation.quote.text.replace(/\s+/g, ' ').trim() : null,
    message: check.message,
  };
}

/** Every citation with its status, and under each failing one what is wrong (also `report render`'s refusal). */
export function citeCheckReport(draft: string, draftArg: string, checks: readonly CitationCheck[]): string {
  const rows = checks.map((c) => row(draft, c));
  if (rows.length === 0) return `${draftArg}: no citations (links with #tag=<tag id>; see docs/citations.md).\n`;
  const counts = CITATION_STATUSES.map((s) => [s, checks.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  const lines = [`${draftArg}: ${rows.length} citation${rows.length === 1 ? '' : 's'}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`];
  const width = Math.max(...rows.map((r) => `${r.line}:${r.column}`.length));
  for (const r of rows) {
    const quote = r.quote === null ? '(no quote)' : `“${r.quote.length > SHOWN_QUOTE ? r.quote.slice(0, SHOWN_QUOTE - 1) + '…' : r.quote}”`;
    lines.push(`  ${`${r.line}:${r.column}`.padEnd(width)}  ${r.status.padEnd(14)}  ${r.target}  ${quote}`);
    if (r.status !== 'ok') lines.push(`  ${' '.repeat(width)}  ${' '.repeat(14)}  ${r.message}`);
  }
  return lines.join('\n') + '\n';
}
