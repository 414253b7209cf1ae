// `report render <draft.md> [--html] [-o <file>]`: the draft ready to publish, each citation a numbered footnote
// saying where its words come from (docs/citations.md). A draft whose citations do not all hold is not rendered
// unless --force is given: the problems are listed as by cite-check, with its exit code.

import { basename, resolve } from 'node:path';
import { type CitationCheck, citedReportPath, describeFileFault, draftHtml, fileSystemSources, NodeFileSystem, readReportText, renderDraft } from '../core';
import { assertSafeOutput } from './outputGuard';
import { replaceFile } from './outputFile';
import { CITE_EXIT, citeCheckReport } from './citeCheckCommand';
import { EXIT, exitForFault } from './exitCodes';
import { parse, UsageError, type CliCommand } from './command';

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'write a Markdown draft with its citations as numbered footnotes (Markdown or HTML)',
  help: `Usage: report render <draft.md> [--html] [-o <file>] [--no-quote] [--force]

Checks every citation of the draft (as cite-check does) and writes the draft with each citation link
replaced by a numbered footnote: the report's title, authority and kind, its date, the numbered
paragraph, section and page of the passage as the report is now, and the passage's words. The page is
counted from the form feeds pdftotext leaves between pages; a report without any gets no page. Citations
of the same tag share a note. The author's text is otherwise unchanged.

Options:
  --html           write a standalone HTML page, the notes as an ordered list at its end
  -o, --out <file> write to this file (default: standard output); never the draft, a report it
                   cites or any tags file (exit code 2)
  --no-quote       notes give the reference only, not the passage's words
  --force          render even when a citation does not hold; its note says what is wrong

Exit codes: as for every command (report --help), plus
  ${CITE_EXIT.citationProblem}  a citation is not ok (nothing is written unless --force; the problems are listed)`,

  async run(args, io) {
    const { values, positionals } = parse('render', args, {
      html: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      'no-quote': { type: 'boolean' },
      force: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'render: missing <draft.md> (the Markdown draft to render)' : `render: expected one draft, got ${positionals.length}: ${positionals.join(' ')}`);
    if (values.out !== undefined && !values.out.trim()) throw new UsageError('render: --out needs a file name');
    const draftArg = positionals[0]!;
    const draftPath = resolve(io.cwd, draftArg);
    const fs = new NodeFileSystem();
    const draft = await readReportText(fs, draftPath);
    const rendered = await renderDraft(draft, draftPath, fileSystemSources(fs), values['no-quote'] ? 'none' : 'passage');
    const outPath = values.out === undefined ? undefined : resolve(io.cwd, values.out);
    // Before the citations' verdict: the draft, a report it cites or any tags file is never replaced, --force or not.
    if (outPath !== undefined) await assertSafeOutput('render', '--out', values.out!, outPath, [{ what: 'the draft itself', path: draftPath }, ...citedFiles(rendered.checks, draftPath)]);
    const holds = rendered.checks.every((c) => c.status === 'ok');
    if (!holds) {
      io.stderr(citeCheckReport(draft, draftArg, rendered.checks));
      if (!values.force) {
        io.stderr(`render: nothing written: fix the citations above (or render anyway with --force, the notes saying what is wrong).\n`);
        return CITE_EXIT.citationProblem;
      }
    }
    const output = values.html ? draftHtml(rendered.markdown, basename(draftArg).replace(/\.(md|markdown)$/i, '')) : rendered.markdown;
    if (outPath === undefined) io.stdout(output);
    else {
      try {
        await replaceFile(outPath, output);
      } catch (error) {
        const fault = describeFileFault(error, outPath);
        if (!fault) throw error;
        io.stderr(`render: ${fault.message}\n`);
        return exitForFault(fault.kind);
      }
      const notes = new Set(rendered.footnotes.map((n) => n.number)).size;
      io.stderr(`${draftArg}: ${rendered.checks.length} citation${rendered.checks.length === 1 ? '' : 's'} as ${notes} footnote${notes === 1 ? '' : 's'}, written to ${values.out}\n`);
    }
    return holds ? EXIT.ok : CITE_EXIT.citationProblem;
  },
};

/** Each report the draft cites, whether or not the citation holds (their tags files are refused as any tags file is). */
function citedFiles(checks: readonly CitationCheck[], draftPath: string): { what: string; path: string }[] {
  const reports = new Set(checks.filter((c) => c.citation.reportPath).map((c) => citedReportPath(draftPath, c.citation.reportPath)));
  return [...reports].map((path) => ({ what: 'a report the draft cites', path }));
}
