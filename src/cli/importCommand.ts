// `report import <pdf|folder> [--out FILE|DIR] [--json] [--force]`: PDF → report text beside it (or where
// asked), with the text's provenance; an existing text is only replaced with --force, and then its tags
// are re-anchored. A folder imports every PDF in it; a bad one is listed and the rest go on.

import { dirname, resolve } from 'node:path';
import {
  defaultTextPath, folderImportText, type FolderImportResult, type ImportPdfOutcome, importOutcomeText, importPdfFile, importPdfFolder,
  NodeFileSystem, PDF_IMPORT_MB_DEFAULT, PdfImportError, type PdfProblemKind, SidecarStore,
} from '../core';
import { EXIT } from './exitCodes';
import { type CliCommand, type CliIO, parse, UsageError } from './command';
import { makeFolder } from './makeFolder';
import { onePositional } from './tagCommand';
import { assertSafeOutput } from './outputGuard';

export const IMPORT_EXIT = {
  /** The PDF could not be imported: not a PDF, encrypted, damaged or cut short, scanned (no text), cancelled. */
  notImported: 10,
  /** The text file exists and differs (nothing was written; --force replaces it). */
  targetExists: 11,
} as const;

function exitFor(kind: PdfProblemKind | 'error'): number {
  if (kind === 'too-large') return EXIT.tooLarge;
  if (kind === 'target-exists') return IMPORT_EXIT.targetExists;
  if (kind === 'outside-workspace') return EXIT.usage;
  return IMPORT_EXIT.notImported;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'turn a PDF report (or a folder of them) into report text, keeping its tags',
  help: `Usage: report import <pdf|folder> [--out FILE|DIR] [--force] [--json] [--root <folder>] [--max-size-mb N]

Reads the PDF's text layer (no OCR, nothing sent anywhere) and writes the report as text beside it
(report.pdf -> report.txt) or to --out: pages apart by form feeds, judgement table rows on one line,
running headers, footers and page numbers left out, words hyphenated at line ends joined. The last
line (after a final form feed) records the PDF's name, its SHA-256 and the importer's version.

An existing text file is never replaced silently: without --force the import stops there. With
--force (or --replace) the text is replaced and the report's tags (its .tags.json) are re-anchored
to the new text: the command says how many stayed, moved or were orphaned. Importing the same PDF
again changes nothing.

A folder imports every .pdf directly in it (to --out DIR when given); a file that cannot be imported
(encrypted, damaged, scanned without text, not a PDF) is listed at the end and the others go on.

Options:
  --out FILE|DIR      where the text goes (a file for one PDF, a folder for a folder); never a tags
                      file, a codebook or the PDF itself (exit code 2, even with --force)
  --force, --replace  replace an existing, different text file (its tags are re-anchored)
  --json              print the outcome as JSON
  --root <folder>     refuse to write anywhere outside this folder (the workspace)
  --max-size-mb N     refuse PDFs larger than N MB (default ${PDF_IMPORT_MB_DEFAULT}; 0 = no limit)

Exit codes: as for every command (report --help), plus
  ${IMPORT_EXIT.notImported}  a PDF could not be imported (not a PDF, encrypted, damaged, no text layer)
  ${IMPORT_EXIT.targetExists}  the text file exists and differs; nothing was written (use --force)`,

  async run(args, io) {
    const { values, positionals } = parse('import', args, {
      out: { type: 'string' },
      force: { type: 'boolean' },
      replace: { type: 'boolean' },
      json: { type: 'boolean' },
      root: { type: 'string' },
      'max-size-mb': { type: 'string' },
    });
    const source = resolve(io.cwd, onePositional('import', positionals));
    const maxMb = values['max-size-mb'] === undefined ? PDF_IMPORT_MB_DEFAULT : Number(values['max-size-mb']);
    if (!Number.isFinite(maxMb) || maxMb < 0) throw new UsageError(`import: --max-size-mb must be a number of megabytes (0 = no limit), not '${values['max-size-mb']}'`);
    const fs = new NodeFileSystem();
    const stat = await fs.stat(source);
    if (!stat) {
      io.stderr(`report: ${source} does not exist.\n`);
      return EXIT.notFound;
    }
    const root = values.root === undefined ? undefined : resolve(io.cwd, values.root);
    const out = values.out === undefined ? undefined : resolve(io.cwd, values.out);
    const common = { roots: root ? [root] : [], maxBytes: Math.round(maxMb * 1048576), replace: !!(values.force || values.replace) };
    if (stat.kind === 'directory') {
      // --out DIR for a folder is made when missing, as a user naming a new folder for the texts expects.
      if (out) await makeFolder(out);
      const store = new SidecarStore(fs, { allowedRoots: [root ?? out ?? source] });
      const result = await importPdfFolder(fs, store, { ...common, folder: source, ...(out ? { outDir: out } : {}) });
      return printFolder(result, source, !!values.json, io);
    }
    const targetPath = out ?? defaultTextPath(source);
    // --force replaces a report's text (re-anchoring its tags), never its tags file, a codebook or the PDF read.
    if (out !== undefined) await assertSafeOutput('import', '--out', values.out!, out, [{ what: 'the PDF being imported', path: source }]);
    const store = new SidecarStore(fs, { allowedRoots: [root ?? dirname(targetPath)] });
    try {
      const outcome = await importPdfFile(fs, store, { ...common, pdfPath: source, targetPath });
      io.stdout(values.json ? JSON.stringify(jsonOutcome(outcome), null, 2) + '\n' : importOutcomeText(outcome) + '\n');
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof PdfImportError)) throw error;
      if (values.json) io.stdout(JSON.stringify({ pdf: source, error: error.kind, message: error.message }, null, 2) + '\n');
      io.stderr(`report: ${error.message}\n`);
      return exitFor(error.kind);
    }
  },
};

function jsonOutcome(o: ImportPdfOutcome) {
  return { pdf: o.pdfPath, text: o.targetPath, status: o.status, pages: o.pageCount, source: o.provenance, ...(o.tags ? { tags: o.tags } : {}), ...(o.tagsProblem ? { tagsProblem: o.tagsProblem } : {}) };
}

function printFolder(result: FolderImportResult, folder: string, json: boolean, io: CliIO): number {
  if (json) {
    const failed = result.failed.map((f) => ({ pdf: f.pdfPath, error: f.kind, message: f.message }));
    io.stdout(JSON.stringify({ imported: result.imported.map(jsonOutcome), failed, cancelled: result.cancelled }, null, 2) + '\n');
  } else {
    io.stdout(folderImportText(result) + '\n');
  }
  if (result.total === 0) io.stderr(`report: there are no .pdf files in ${folder}.\n`);
  if (result.failed.length === 0) return EXIT.ok;
  return result.failed.every((f) => f.kind === 'target-exists') ? IMPORT_EXIT.targetExists : IMPORT_EXIT.notImported;
}
