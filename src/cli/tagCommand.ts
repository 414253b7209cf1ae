// `report tag <report> --theme <id> ... (--start <n> --end <n> | --quote <text>)`: adds one tag to a
// report's sidecar, printing the new tag's id. Also the pieces the sidecar commands share.

import { dirname, extname, resolve } from 'node:path';
import { addTag, anchorWithRepeats, isInsideRoots, LineIndex, type LoadResult, NodeFileSystem, notRegularFileError, sidecarPathFor, type ReportModel, type Sidecar, type SidecarError, SidecarStore, SidecarStoreError, tagContext, type TagContext, TagOperationError, type TagTheme, textHash } from '../core';
import { parse, UsageError, type CliCommand, type CliIO } from './command';
import { EXIT, exitForFault } from './exitCodes';
import { readReportFile } from './readReportFile';

/** Exit codes of the sidecar commands, after those in exitCodes.ts. */
export const SIDECAR_EXIT = {
  /** The sidecar is malformed, conflicted, from a newer version, or may not be written; it was left as it is. */
  sidecarProblem: 6,
  /** --quote matched nowhere, or in more than one place. */
  quoteProblem: 7,
} as const;

export const tagCommand: CliCommand = {
  name: 'tag',
  summary: 'tag a passage of a report with one or more themes (writes <report>.tags.json)',
  help: `Usage: report tag <report> --theme <id> [--theme <id2>] (--start <n> --end <n> | --quote <text>)
                  [--occurrence <n>] [--note <text>] [--author <name>] [--root <folder>] [--json]

Adds a tag to the report's sidecar file (<report file name>.tags.json, created with the first tag)
and prints the new tag's id.

Options:
  --theme <id>       theme id (repeat for several); labels come from the default codebook
  --start, --end     the passage as offsets in UTF-16 code units (end exclusive)
  --quote <text>     the passage as its words; line breaks and runs of spaces match any whitespace,
                     and straight quotes and hyphens match curly quotes and dashes
  --occurrence <n>   which occurrence of --quote to tag when it occurs more than once (1 = first)
  --note <text>      a note on the tag
  --author <name>    who tagged it
  --root <folder>    the workspace folder the sidecar must stay in (default: the report's folder);
                     it must hold the report (exit code 2; 3 when it does not exist)
  --json             print the whole tag as JSON instead of its id

Exit codes: as for every command (report --help), plus
  6  the tags file is malformed, conflicted or from a newer version (it was not changed)
  7  --quote was not found, or found more than once without --occurrence
  4  the tags file could not be written: no permission in its folder (nothing was changed)
  9  the tags file is read-only, or its disk is read-only or full (nothing was changed)

Several taggers may run at once on one report: each waits its turn for the lock file
(.<report>.tags.json.lock), longer for a larger tags file; a lock left by a crashed tagger is cleared.`,

  async run(args, io) {
    const { values, positionals } = parse('tag', args, {
      theme: { type: 'string', multiple: true },
      start: { type: 'string' },
      end: { type: 'string' },
      quote: { type: 'string' },
      occurrence: { type: 'string' },
      note: { type: 'string' },
      author: { type: 'string' },
      root: { type: 'string' },
      json: { type: 'boolean' },
    });
    const reportArg = onePositional('tag', positionals);
    const themeIds = (values.theme as string[] | undefined) ?? [];
    if (themeIds.length === 0) throw new UsageError('tag: give at least one --theme <id>');
    const byOffsets = values.start !== undefined || values.end !== undefined;
    if (byOffsets === (values.quote !== undefined)) throw new UsageError('tag: give either --start <n> --end <n> or --quote <text>');

    const report = await openReport(reportArg, io);
    if (typeof report === 'number') return report;
    const store = await storeFor('tag', report.path, reportArg, values.root as string | undefined, io);
    if (typeof store === 'number') return store;

    let range: { start: number; end: number };
    if (byOffsets) {
      const start = integer('--start', values.start as string | undefined);
      const end = integer('--end', values.end as string | undefined);
      if (!(start < end && end <= report.text.length)) {
        throw new UsageError(`tag: --start ${start} --end ${end} is not a passage of ${reportArg} (its text is ${report.text.length} characters long; start must be before end)`);
      }
      range = { start, end };
    } else {
      const occurrence = values.occurrence === undefined ? undefined : integer('--occurrence', values.occurrence as string);
      if (occurrence === 0) throw new UsageError('tag: --occurrence must be 1 or more (1 = the first occurrence of --quote)');
      const found = findQuote(report.text, values.quote as string, occurrence);
      if (!found.ok) {
        io.stderr(`report: ${reportArg}: ${found.message}\n`);
        return SIDECAR_EXIT.quoteProblem;
      }
      range = found.range;
    }

    await assertSidecarIsFileOrAbsent(report.path);
    const themes = await themesFor(themeIds);
    const model = await analyseForContext(report.text, report.path);
    const context = contextIn(model, range);
    const hash = textHash(report.text);
    let added: ReturnType<typeof addTag>['tag'] | undefined;
    // No separate load: the save reads, checks (malformed, conflicted, newer version) and parses the file once,
    // holding the lock, so a large tags file costs one read and one parse, and parallel taggers merge nothing.
    const saved = await saveOrReport(
      io,
      () =>
      store.save(report.path, (sidecar) => {
        if (sidecar.tags.length > 0 && sidecar.report.textHash !== hash) throw new ReportChangedError();
        const result = addTag(withReportFields(sidecar, model), { anchor: anchorWithRepeats(report.text, range.start, range.end), themes, ...(values.note !== undefined ? { note: values.note as string } : {}), ...(context ? { context } : {}) }, values.author !== undefined ? { author: values.author as string } : {});
        added = result.tag;
        return result.sidecar;
      }),
      `${reportArg} was not tagged`,
    ).catch((error: unknown) => {
      if (!(error instanceof ReportChangedError)) throw error;
      io.stderr(`report: ${reportArg} has changed since its tags were anchored; run \`report reanchor ${reportArg}\` first, then tag.\n`);
      return SIDECAR_EXIT.sidecarProblem;
    });
    if (typeof saved === 'number') return saved;
    io.stdout(values.json ? JSON.stringify(added, null, 2) + '\n' : `${added!.id}\n`);
    return EXIT.ok;
  },
};

// ---- shared by the sidecar commands ----

export interface OpenedReport {
  path: string;
  text: string;
}

/** Reads the report, printing why not (and returning the exit code) when it cannot. */
export async function openReport(reportArg: string, io: CliIO): Promise<OpenedReport | number> {
  const path = resolve(io.cwd, reportArg);
  const read = await readReportFile(path);
  if (!read.ok) {
    io.stderr(`report: ${read.message.replace(path, reportArg)}\n`);
    return read.exitCode;
  }
  if (read.warning) io.stderr(`report: warning: ${read.warning.replace(path, reportArg)}\n`);
  return { path, text: read.text };
}

/**
 * The store writing the report's tags file, kept inside --root (default: the report's folder). A --root that is
 * missing, not a folder or not holding the report is the command's fault (exit 3 or 2), said here, naming the
 * folder, rather than as a tags-file problem when the save refuses.
 */
export async function storeFor(command: string, reportPath: string, reportArg: string, rootArg: string | undefined, io: CliIO): Promise<SidecarStore | number> {
  const fs = new NodeFileSystem();
  if (rootArg === undefined) return new SidecarStore(fs, { allowedRoots: [dirname(reportPath)] });
  const root = resolve(io.cwd, rootArg);
  const stat = await fs.stat(root);
  if (!stat) {
    io.stderr(`report: ${command}: --root ${rootArg}: no such folder\n`);
    return EXIT.notFound;
  }
  if (stat.kind !== 'directory') throw new UsageError(`${command}: --root ${rootArg} is not a folder; give the workspace folder that holds ${reportArg}`);
  if (!isInsideRoots(reportPath, [root])) throw new UsageError(`${command}: ${reportArg} is not inside the --root folder ${rootArg}; give the workspace folder that holds it, or leave --root out`);
  return new SidecarStore(fs, { allowedRoots: [root] });
}

/**
 * The tags file, when there, must be a regular file: a folder, FIFO or symbolic-link loop in its place is named
 * (as a file fault, see runCli.ts) before a lock or temporary file is made beside it.
 */
async function assertSidecarIsFileOrAbsent(reportPath: string): Promise<void> {
  const path = sidecarPathFor(reportPath);
  const stat = await new NodeFileSystem().stat(path);
  if (stat && stat.kind !== 'file') throw notRegularFileError(path, stat.kind === 'directory' ? 'a folder' : (stat.special ?? 'not a regular file'));
}

/**
 * A tags file that cannot be used, and what the command did not do (`outcome`, e.g. "nothing was merged"). A
 * conflict's own message offers the editor's automatic repair; on the command line it is resolved in the file.
 */
export function sidecarProblemText(error: SidecarError, outcome: string): string {
  const what =
    error.kind === 'conflict'
      ? `${error.fileName} contains git merge conflict markers (<<<<<<< ======= >>>>>>>)${error.line !== undefined ? ` at line ${error.line}` : ''}: resolve the conflict first, editing out the markers by hand and keeping the tags of both sides (for a report's own tags file, the editor's automatic repair does this), then run the command again.`
      : error.message;
  return `${what} (${outcome}.)`;
}

/** A sentence for load results that stop a command (saying what it did not do: `outcome`), or undefined when it may go on. */
export function loadProblem(loaded: LoadResult, outcome: string): string | undefined {
  switch (loaded.status) {
    case 'invalid':
      return sidecarProblemText(loaded.error, outcome);
    case 'report-missing':
    case 'sidecar-deleted':
      return loaded.message;
    case 'loaded':
      return loaded.readOnly ? loaded.warnings[0] : undefined;
    default:
      return undefined;
  }
}

/** Thrown from inside a save to abort it, leaving the tags file as it is: its tags belong to another text. */
class ReportChangedError extends Error {}

/** Runs a save, turning store and operation errors into a message (ending with `outcome`, what was not done) and exit code. */
export async function saveOrReport<T>(io: CliIO, save: () => Promise<T>, outcome?: string): Promise<T | number> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof SidecarStoreError) {
      // The parser's own message (file, line, column, what is wrong) says it best.
      const parseProblem = error.kind === 'invalid' && error.sidecarError && outcome !== undefined ? sidecarProblemText(error.sidecarError, outcome) : undefined;
      io.stderr(`report: ${parseProblem ?? error.message}\n`);
      // A tags file that could not be written (read-only, no permission, disk full) exits as any file fault does.
      if (error.fault) return exitForFault(error.fault);
      return error.kind === 'report-missing' ? EXIT.notFound : SIDECAR_EXIT.sidecarProblem;
    }
    if (error instanceof TagOperationError) throw new UsageError(`tag: ${error.message}`);
    throw error;
  }
}

/** The recognition engine's model of the report, or undefined when it cannot read it. */
export async function analyseForContext(text: string, reportPath: string): Promise<ReportModel | undefined> {
  try {
    const { analyseReport } = await import('../core/recognition/analyse');
    return analyseReport(text, { markdown: /^\.(md|markdown)$/i.test(extname(reportPath)) });
  } catch {
    // Context is a convenience for grouping evidence: a report the engine cannot read is still tagged.
    return undefined;
  }
}

/** Where a passage sits in the report, when the model can say. */
export function contextIn(model: ReportModel | undefined, range: { start: number; end: number }): TagContext | undefined {
  if (!model) return undefined;
  const context = tagContext(model, range);
  return Object.keys(context).length > 0 ? context : undefined;
}

/** Fills the report fields the sidecar lacks (kind, authority, date) from the model. */
function withReportFields(sidecar: Sidecar, model: ReportModel | undefined): Sidecar {
  if (!model) return sidecar;
  const report = { ...sidecar.report };
  if (report.kind === undefined && model.kind !== 'unknown') report.kind = model.kind;
  if (report.authority === undefined && model.metadata.authority) report.authority = model.metadata.authority;
  const date = model.metadata.publishedDate;
  if (report.date === undefined && date && /^\d{4}-\d{2}-\d{2}$/.test(date)) report.date = date;
  return { ...sidecar, report };
}

async function themesFor(ids: string[]): Promise<TagTheme[]> {
  const labels = await defaultThemeLabels();
  return ids.map((id) => ({ id, label: labels.get(id) ?? id }));
}

async function defaultThemeLabels(): Promise<Map<string, string>> {
  const { defaultCodebook } = await import('../core/tags/codebook/defaultCodebook');
  return new Map(defaultCodebook().groups.flatMap((g) => g.themes.map((t) => [t.id, t.label] as const)));
}

export type QuoteSearch = { ok: true; range: { start: number; end: number } } | { ok: false; message: string };

/**
 * Typed quotes and dashes against the report's printed ones: a quote typed with ' or " or - finds the report's
 * curly quotes and en or em dashes (and the other way round), as a person copying a passage by eye expects.
 */
const TYPOGRAPHIC_CLASSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/['‘’‛′]/g, "['‘’‛′]"],
  [/["“”″]/g, '["“”″]'],
  [/[-–—]/g, '[-–—]'],
];

/** One word of a quote as a pattern: its own characters, with quotes and dashes of any style. */
function wordPattern(word: string): string {
  let pattern = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [typed, any] of TYPOGRAPHIC_CLASSES) pattern = pattern.replace(typed, any);
  return pattern;
}

/** Finds a quote in the text, letting any run of whitespace (a wrapped line) match any other, and quotes and dashes match in any style. */
export function findQuote(text: string, quote: string, occurrence?: number): QuoteSearch {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: false, message: 'the --quote is empty' };
  const pattern = new RegExp(words.map(wordPattern).join('\\s+'), 'g');
  const matches = [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const shown = quote.length > 60 ? `${quote.slice(0, 57)}...` : quote;
  if (matches.length === 0) return { ok: false, message: `the quote "${shown}" was not found in the report` };
  if (occurrence !== undefined) {
    const match = matches[occurrence - 1];
    if (!match) return { ok: false, message: `the quote "${shown}" occurs ${matches.length} time(s), so there is no occurrence ${occurrence}` };
    return { ok: true, range: match };
  }
  if (matches.length > 1) {
    // One index of line starts, then a binary search per match: linear in the text, not in text x matches.
    const index = new LineIndex(text);
    const lines = matches.map((m) => index.lineAt(m.start));
    return { ok: false, message: `the quote "${shown}" occurs ${matches.length} times (lines ${lines.join(', ')}); quote more words, or add --occurrence <n>` };
  }
  return { ok: true, range: matches[0]! };
}


export function onePositional(command: string, positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError(`${command}: missing <report> (the report file to work on)`);
  if (positionals.length > 1) throw new UsageError(`${command}: expected one report file, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0]!;
}

function integer(flag: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`tag: ${flag} needs a value`);
  if (!/^\d+$/.test(value)) throw new UsageError(`tag: ${flag} must be a whole number, not "${value}"`);
  return Number(value);
}
