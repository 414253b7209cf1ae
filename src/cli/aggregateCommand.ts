// `report aggregate <folder>... --format csv|md|json|qdpx|qdc --out <file>`: evidence across reports.
// Collects every tagged passage under the folders, filters, and writes one export. Problems met on the
// way (malformed sidecars, orphaned tags, ...) are summarised on stderr and never stop the run; only
// unusable arguments, folders or output files are fatal.

import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { AnalysisCache, AnalysisPool, CancellationSource, type Codebook, CODEBOOK_FILE_NAME, collectEvidence, DEFAULT_MAX_ANALYSED_MB, defaultCodebook, describeFileFault, shownPath, type EvidenceFilter, type EvidenceProblem, type EvidenceSet, exportCsv, exportJson, exportMarkdown, exportQdc, exportQdpx, readQdpxTexts, coderNotFoundMessage, limitEvidenceToCoder, type Grade, GRADES, importQdc, isReportName, isWalkedBelow, narrowEvidence, NodeFileSystem, REPORT_KINDS, SIDECAR_SUFFIX, streamEvidence, type ReportKind, resolveCodebook } from '../core';
import { parse, UsageError, type CliCommand, type CliIO } from './command';
import { EXIT, exitForFault } from './exitCodes';
import { makeFolder } from './makeFolder';
import { CacheFolderFileSystem, defaultCacheFolder } from './cacheFolder';
import { replaceFile } from './outputFile';
import { type StreamedCsv, streamCsvToFile } from './streamCsvOut';
import { assertSafeOutput, outputRefused, pathForms } from './outputGuard';

const FORMATS = ['csv', 'md', 'json', 'qdpx', 'qdc'] as const;
type Format = (typeof FORMATS)[number];
/** Without a terminal, a progress line every this many files (and none for smaller runs). */
const PROGRESS_EVERY = 200;
/** The shell's code for a run stopped by Ctrl+C (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;
/** Problems listed one per line before the rest are only counted. */
const PROBLEMS_LISTED = 20;

export const aggregateCommand: CliCommand = {
  name: 'aggregate',
  summary: 'collect tagged passages across report folders and export them (CSV, Markdown, JSON, REFI-QDA)',
  help: `Usage: report aggregate <folder>... --format csv|md|json|qdpx|qdc [--out <file>]
                        [--theme <id>]... [--authority <name>] [--kind <kind>]...
                        [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--grade <grade>]...
                        [--coder <name>] [--codebook <file>] [--max-size-mb <n>] [--cache-dir <folder> | --no-cache]

Finds every report (.txt/.md the engine recognises, or that has a sidecar) and every
<report>.tags.json under the folders (recursively), places each tagged passage in its report
(section, paragraph, judgement and grade), and writes:
  csv    one row per passage (UTF-8 with BOM, CRLF; formula-like cells prefixed with ')
  md     passages grouped by theme with citations, gaps, recurring areas for improvement
  json   everything, as schemas/evidence.schema.json
  qdpx   a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder (needs --out)
  qdc    the codebook alone as REFI-QDA CodeBook XML
Text formats go to stdout when --out is not given. With --out, csv rows are written as the reports
are read (without --coder), into a temporary file beside it that replaces it only when the run is whole.
--out is never a file the run reads: a tags file, a codebook, the --codebook, or a .txt/.md file (or
any file with a tags file beside it) under the folders is refused with exit code 2 before anything is read.

Options:
  --theme <id>         only passages with this theme (repeat for several)
  --authority <name>   only this authority's reports (case and spacing ignored)
  --kind <kind>        only reports of this kind (repeat): ${REPORT_KINDS.join(', ')}
  --since, --until     only reports dated in this range (inclusive); undated reports are left out
  --grade <grade>      only passages in judgement sections with this grade (repeat): ${GRADES.join(', ')}
  --coder <name>       only this coder's passages (the tags' author; "agreed" for a settled moderation);
                       exit code 2 when no passage has that coder
  --codebook <file>    themes and colours for qdpx/qdc: a ${CODEBOOK_FILE_NAME} or a .qdc file
                       (default: the built-in codebook, extended by ${CODEBOOK_FILE_NAME} in the first folder)
  --max-size-mb <n>    files larger than this are not read as reports (default ${DEFAULT_MAX_ANALYSED_MB}; 0 for no limit)
  --cache-dir <folder> keep saved analyses here (default ${defaultCacheFolder()})
  --no-cache           analyse every report, reading and saving no analyses

Each report's analysis is saved in the cache folder, keyed by the SHA-256 of its text and the engine's
version, so the next run over unchanged reports only reads them. The folder holds at most 256 MB (the
least recently used analyses go first); a damaged entry is ignored and saved again; deleting the
folder is always safe.

Problems (malformed or newer tags files, orphaned tags, tags files without a report, unreadable
or oversized reports) are listed on stderr and do not stop the export. Exit codes: as for every command
(report --help); 3 when a folder does not exist, 4 when a folder or the output cannot be used,
9 when the output cannot be written (a read-only file system, a full disk).`,

  async run(args, io) {
    const { values, positionals, format } = readArgs(args);
    const filter = readFilter(values);
    const maxSize = values['max-size-mb'];
    if (maxSize !== undefined && !/^\d+(?:\.\d+)?$/.test(maxSize)) throw new UsageError(`aggregate: --max-size-mb takes a number of megabytes (0 for no limit), not "${maxSize}"`);
    const folders = positionals.map((f) => resolve(io.cwd, f));
    const fs = new NodeFileSystem();

    for (const [i, folder] of folders.entries()) {
      const stat = await fs.stat(folder).catch((error: Error) => error);
      if (stat instanceof Error) {
        const fault = describeFileFault(stat, positionals[i]);
        io.stderr(`report: ${fault?.message ?? `${positionals[i]}: cannot be read (${stat.message})`}\n`);
        return fault ? exitForFault(fault.kind) : EXIT.unreadable;
      }
      if (!stat) {
        io.stderr(`report: ${positionals[i]}: no such folder\n`);
        return EXIT.notFound;
      }
      if (stat.kind !== 'directory') {
        io.stderr(`report: ${positionals[i]}: is ${stat.kind === 'file' ? 'a file' : (stat.special ?? 'a special file')}, not a folder (aggregate reads folders of reports)\n`);
        return EXIT.unreadable;
      }
    }

    const out = values.out ? (isAbsolute(values.out) ? values.out : join(io.cwd, values.out)) : undefined;
    if (out !== undefined) await assertOutIsNoInput(out, values.out!, folders, positionals, values.codebook !== undefined ? resolve(io.cwd, values.codebook) : undefined);
    const codebook = format === 'qdpx' || format === 'qdc' ? await loadCodebook(values.codebook, folders[0], io) : undefined;
    if (typeof codebook === 'number') return codebook;

    if (format === 'qdc') {
      try {
        return await emit(exportQdc(codebook!), out, io);
      } catch (error) {
        return writeFailed(error, values.out, io);
      }
    }

    const cache = values['no-cache'] ? undefined : analysisCache(values['cache-dir'] !== undefined ? resolve(io.cwd, values['cache-dir']) : defaultCacheFolder());
    // A CSV file is written as the reports are folded; a coder's limit needs every passage first (the coders found).
    if (format === 'csv' && out !== undefined && values.coder === undefined) return streamCsv(folders, fs, filter, maxSize, out, values.out!, io, cache);
    const { collected, cancelled } = await collectWithProgress(folders, fs, maxSize, io, cache);
    if (cache) io.stderr(cacheSummary(cache));
    if (cancelled) {
      // Nothing is written from part of the evidence: --out (or stdout) is left as it was.
      io.stderr(`aggregate: cancelled after ${cancelled.done} of ${cancelled.total} files; nothing written\n`);
      return EXIT_INTERRUPTED;
    }
    const filtered = narrowEvidence(collected, filter);
    const limited = values.coder !== undefined ? limitEvidenceToCoder(filtered, values.coder) : undefined;
    if (limited && limited.set.items.length === 0) {
      io.stderr(`report: aggregate: ${coderNotFoundMessage(values.coder!, limited.coders)}\n`);
      return EXIT.usage;
    }
    const set = limited?.set ?? filtered;
    if (set.problems.some((p) => p.kind === 'unreadable-folder') && set.problems.filter((p) => p.kind === 'unreadable-folder').length === folders.length) {
      for (const p of set.problems) io.stderr(`report: ${p.message}\n`);
      return EXIT.unreadable;
    }

    let code: number;
    try {
      switch (format) {
        case 'csv':
          code = await emit(exportCsv(set), out, io);
          break;
        case 'md':
          code = await emit(exportMarkdown(set), out, io);
          break;
        case 'json':
          code = await emit(exportJson(set), out, io);
          break;
        case 'qdpx': {
          // The project holds each report whole: read now, as the collection did not keep them.
          const { texts, problems } = await readQdpxTexts(set, fs);
          const project = exportQdpx(set, { texts, codebook: codebook! });
          code = await emit(project.bytes, out, io);
          for (const line of [...problems, ...project.skipped]) io.stderr(`aggregate: not in the project: ${line}\n`);
          break;
        }
      }
    } catch (error) {
      return writeFailed(error, values.out, io);
    }
    io.stderr(summary(set.items.length, set.reports.length, set.reports.filter((r) => r.tagCount > 0).length, set.problems, out, io.cwd));
    return code;
  },
};

/** The options and folders; a UsageError for anything that cannot work. */
function readArgs(args: string[]) {
  const { values, positionals } = parse('aggregate', args, {
        format: { type: 'string' },
        out: { type: 'string' },
        theme: { type: 'string', multiple: true },
        authority: { type: 'string' },
        kind: { type: 'string', multiple: true },
        since: { type: 'string' },
        until: { type: 'string' },
        grade: { type: 'string', multiple: true },
        coder: { type: 'string' },
        codebook: { type: 'string' },
        'max-size-mb': { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
  });
  const format = values.format as Format | undefined;
  if (!format) throw new UsageError(`aggregate: --format is required (${FORMATS.join(', ')})`);
  if (!FORMATS.includes(format)) throw new UsageError(`aggregate: unknown --format "${format}"; use one of ${FORMATS.join(', ')}`);
  if (format === 'qdpx' && !values.out) throw new UsageError('aggregate: --format qdpx writes a zip file; give --out <file.qdpx>');
  if (values.coder !== undefined && format === 'qdc') throw new UsageError('aggregate: --coder limits passages, and --format qdc writes the codebook alone; leave one out');
  if (values.coder !== undefined && values.coder.trim() === '') throw new UsageError('aggregate: --coder needs a name, as the tags record it');
  if (positionals.length === 0 && format !== 'qdc') throw new UsageError('aggregate: give at least one folder to collect from');
  if (values['cache-dir'] !== undefined && values['no-cache']) throw new UsageError('aggregate: --cache-dir and --no-cache contradict each other; give one');
  if (values['cache-dir'] === '') throw new UsageError('aggregate: --cache-dir needs a folder');
  return { values, positionals, format };
}

/**
 * --out must not be a file the run reads, or the export replaces it: a tags file or codebook anywhere, the --codebook,
 * or a report the walk of the folders reaches (a .txt/.md, even one not there yet that the next run would read, or
 * any file with a tags file beside it). Checked before anything is collected.
 */
async function assertOutIsNoInput(out: string, shown: string, folders: readonly string[], folderArgs: readonly string[], codebook: string | undefined): Promise<void> {
  const forms = await assertSafeOutput('aggregate', '--out', shown, out, codebook !== undefined ? [{ what: 'the --codebook file', path: codebook }] : []);
  for (const [i, folder] of folders.entries()) {
    for (const root of await pathForms(folder)) {
      for (const path of forms.filter((p) => isWalkedBelow(root, p))) {
        if (isReportName(basename(path))) throw outputRefused('aggregate', '--out', shown, `inside ${folderArgs[i]}, where aggregate reads every .txt and .md file as a report`);
        if (existsSync(path + SIDECAR_SUFFIX)) throw outputRefused('aggregate', '--out', shown, `a report in ${folderArgs[i]} (it has a tags file beside it), which aggregate reads`);
      }
    }
  }
}

/** Collects the evidence with a progress line on stderr. */
async function collectWithProgress(folders: string[], fs: NodeFileSystem, maxSize: string | undefined, io: CliIO, cache: AnalysisCache | undefined): Promise<{ collected: EvidenceSet; cancelled?: { done: number; total: number } }> {
  const run = await whileInterruptible((cancel) => withCollectOptions(maxSize, io, cache, cancel, (options) => collectEvidence(folders, fs, options)));
  return { collected: run.result, ...(run.cancelled ? { cancelled: run.cancelled } : {}) };
}

/** Streams the CSV rows into --out as the reports are folded (streamCsvOut.ts); the output is replaced only by a whole run. */
async function streamCsv(folders: string[], fs: NodeFileSystem, filter: EvidenceFilter, maxSize: string | undefined, out: string, shown: string, io: CliIO, cache: AnalysisCache | undefined): Promise<number> {
  let cancelled: { done: number; total: number } | undefined;
  const allFoldersUnreadable = (problems: readonly EvidenceProblem[]) => problems.filter((p) => p.kind === 'unreadable-folder').length === folders.length;
  let streamed: StreamedCsv;
  try {
    // Ctrl+C is caught from before the temporary file is made until it is renamed or removed: after the collection,
    // while the workers end and the file is renamed, the default handler would end the process and leave it behind.
    streamed = await whileInterruptible((cancel) => streamCsvToFile(
      async (sink) => {
        const run = await withCollectOptions(maxSize, io, cache, cancel, (options) => streamEvidence(folders, fs, options, sink));
        cancelled = run.cancelled;
        return run.result;
      },
      filter,
      out,
      (s) => !cancelled && !allFoldersUnreadable(s.evidence.problems),
    ));
  } catch (error) {
    if (cache) io.stderr(cacheSummary(cache));
    return writeFailed(error, shown, io);
  }
  if (cache) io.stderr(cacheSummary(cache));
  if (cancelled) {
    io.stderr(`aggregate: cancelled after ${cancelled.done} of ${cancelled.total} files; nothing written\n`);
    return EXIT_INTERRUPTED;
  }
  const { problems } = streamed.evidence;
  if (allFoldersUnreadable(problems)) {
    for (const p of problems) io.stderr(`report: ${p.message}\n`);
    return EXIT.unreadable;
  }
  io.stderr(summary(streamed.passages, streamed.reports, streamed.tagged, problems, out, io.cwd));
  return EXIT.ok;
}

type CollectOptions = Parameters<typeof collectEvidence>[2];

/**
 * Runs `work` with Ctrl+C turned into a cancellation for its whole length (the process is not ended by it), so
 * whatever `work` made is removed or completed by its own code, never left half-done by the signal.
 */
export async function whileInterruptible<T>(work: (cancel: CancellationSource) => Promise<T>): Promise<T> {
  const cancel = new CancellationSource();
  const onInterrupt = () => cancel.cancel();
  process.on('SIGINT', onInterrupt);
  try {
    return await work(cancel);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

/**
 * Runs a collection with the command's options: a progress line on stderr, recognition on worker threads, the
 * saved analyses, and `cancel` (Ctrl+C) stopping it between files (saved analyses stay whole; the command then
 * writes nothing).
 */
async function withCollectOptions<T>(maxSize: string | undefined, io: CliIO, cache: AnalysisCache | undefined, cancel: CancellationSource, collect: (options: CollectOptions) => Promise<T>): Promise<{ result: T; cancelled?: { done: number; total: number } }> {
  let reached = { done: 0, total: 0 };
  const tty = (process.stderr as { isTTY?: boolean }).isTTY === true;
  let lastDraw = 0;
  // Recognition on worker threads beside this one, when the bundle's worker script is there (dist/).
  const workerScript = join(__dirname, 'analysisWorker.js');
  const pool = existsSync(workerScript) ? new AnalysisPool(workerScript) : undefined;
  const result = await collect({
    ...(maxSize !== undefined ? { maxReportMB: Number(maxSize) } : {}),
    ...(pool ? { analyse: (text: string, o: { markdown?: boolean }) => pool.analyse(text, o) } : {}),
    ...(cache ? { analysisCache: cache } : {}),
    cancellation: cancel.token,
    onProgress: ({ done, total }) => {
      reached = { done, total };
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        io.stderr(`\raggregate: ${done}/${total} files${done === total ? '\n' : ''}`);
      } else if (total > PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total)) {
        io.stderr(`aggregate: ${done}/${total} files\n`);
      }
    },
  });
  await pool?.close();
  return { result, ...(cancel.token.isCancellationRequested ? { cancelled: reached } : {}) };
}

/** Saved analyses in `folder`, created (with its parents) when first written. */
function analysisCache(folder: string): AnalysisCache {
  return new AnalysisCache(new CacheFolderFileSystem(), folder, { createFolder: makeFolder });
}

/** What the saved analyses did for this run, when there is anything to say. */
function cacheSummary(cache: AnalysisCache): string {
  const { hits, rejected, writeFailures } = cache.counts;
  const unchanged = cache.snapshots?.counts.used ?? 0;
  const lines: string[] = [];
  if (unchanged > 0) lines.push(`aggregate: ${unchanged} report${unchanged === 1 ? '' : 's'} and ${unchanged === 1 ? 'its' : 'their'} tags unchanged since an earlier run: not read again (evidence saved in ${cache.folder})`);
  if (hits > 0) lines.push(`aggregate: ${hits} analys${hits === 1 ? 'is' : 'es'} reused from ${cache.folder}`);
  if (rejected > 0) lines.push(`aggregate: ${rejected} saved analys${rejected === 1 ? 'is was' : 'es were'} damaged or from another engine version; ignored and saved again`);
  if (writeFailures > 0) lines.push(`aggregate: could not save analyses in ${cache.folder} (the next run will analyse those reports again); use --cache-dir or --no-cache`);
  return lines.map((line) => line + '\n').join('');
}

function readFilter(values: Record<string, string | boolean | string[] | boolean[] | undefined>): EvidenceFilter {
  const filter: EvidenceFilter = {};
  const list = (v: unknown) => (v as string[] | undefined) ?? [];
  if (list(values.theme).length) filter.themeIds = list(values.theme);
  if (typeof values.authority === 'string') filter.authority = values.authority;
  for (const kind of list(values.kind)) {
    if (!REPORT_KINDS.includes(kind as ReportKind)) throw new UsageError(`aggregate: unknown --kind "${kind}"; use one of ${REPORT_KINDS.join(', ')}`);
  }
  if (list(values.kind).length) filter.kinds = list(values.kind) as ReportKind[];
  for (const grade of list(values.grade)) {
    if (!GRADES.includes(grade as Grade)) throw new UsageError(`aggregate: unknown --grade "${grade}"; use one of ${GRADES.join(', ')}`);
  }
  if (list(values.grade).length) filter.grades = list(values.grade) as Grade[];
  for (const flag of ['since', 'until'] as const) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const real = date && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    if (!real) throw new UsageError(`aggregate: --${flag} must be a date as YYYY-MM-DD, not "${value}"`);
    filter[flag] = value;
  }
  return filter;
}

async function loadCodebook(path: string | undefined, firstFolder: string | undefined, io: CliIO): Promise<Codebook | number> {
  const fs = new NodeFileSystem();
  const file = path ? resolve(io.cwd, path) : firstFolder ? join(firstFolder, CODEBOOK_FILE_NAME) : undefined;
  if (!file) return defaultCodebook();
  let text: string;
  try {
    text = await fs.readFile(file);
  } catch (error) {
    if (!path && (error as { code?: string }).code === 'ENOENT') return defaultCodebook();
    const fault = describeFileFault(error, file);
    if (!fault) throw error;
    io.stderr(`report: cannot read the codebook: ${fault.message}\n`);
    return exitForFault(fault.kind);
  }
  if (/\.qdc$/i.test(file)) {
    // The folder's own codebook, which a .qdc exported from it names by the same GUIDs: its themes keep their ids,
    // so the passages coded with them are coded with the imported codes (else each would come back a second time).
    // (A .qdc is only ever one given by --codebook: the folder's own codebook file is JSON.)
    const folderCodebook = await loadCodebook(undefined, firstFolder, io);
    const imported = importQdc(text, { known: typeof folderCodebook === 'number' ? defaultCodebook() : folderCodebook });
    if (!imported.ok) {
      io.stderr(`report: ${path}: ${imported.error}\n`);
      return EXIT.unreadable;
    }
    for (const warning of imported.warnings) io.stderr(`aggregate: ${path}: ${warning}\n`);
    return imported.codebook;
  }
  const resolved = resolveCodebook(defaultCodebook(), text);
  for (const problem of resolved.problems) io.stderr(`aggregate: ${path ?? file}: ${problem.message}\n`);
  return resolved.codebook;
}

/** The export could not be written: the reason in one line, and its exit code (9 for a full or read-only disk). */
function writeFailed(error: unknown, out: string | undefined, io: CliIO): number {
  const fault = describeFileFault(error, out);
  if (!fault) throw error;
  // On a write, a missing path means a missing folder: the output cannot be used (4), not a file not found (3).
  // Unless the folder is there, and the system will not make a file in it (/proc): then say that.
  const folderThere = out !== undefined && existsSync(dirname(out));
  const why = fault.kind !== 'not-found' ? fault.message : folderThere ? 'no file can be made in that folder; choose another --out' : 'its folder does not exist; create it or choose another --out';
  io.stderr(`report: cannot write ${shownPath(out ?? 'the export')}: ${String((error as { code?: unknown }).code)}: ${why}\n`);
  return fault.kind === 'not-found' ? EXIT.unreadable : exitForFault(fault.kind);
}

async function emit(content: string | Uint8Array, out: string | undefined, io: CliIO): Promise<number> {
  if (out === undefined) {
    io.stdout(typeof content === 'string' ? content : Buffer.from(content).toString('latin1'));
    return EXIT.ok;
  }
  await replaceFile(out, content);
  return EXIT.ok;
}

/**
 * The run's closing lines. Each problem is listed with the file it is about (relative to `cwd`) unless its message
 * already names it: a parser's message names a tags file by its bare name, and two folders can hold the same name.
 */
export function summary(passages: number, reports: number, tagged: number, problems: EvidenceProblem[], out: string | undefined, cwd: string): string {
  const lines = [`aggregate: ${passages} passage${passages === 1 ? '' : 's'} from ${tagged} tagged of ${reports} report${reports === 1 ? '' : 's'}${out ? `; written to ${out}` : ''}.`];
  if (problems.length > 0) {
    const counts = new Map<string, number>();
    for (const p of problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
    lines.push(`aggregate: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${[...counts].map(([kind, n]) => `${n} ${kind.replace(/-/g, ' ')}`).join(', ')}`);
    for (const p of problems.slice(0, PROBLEMS_LISTED)) lines.push(`  ${p.path && !p.message.includes(p.path) ? `${shownPath(relative(cwd, p.path) || p.path)}: ` : ''}${p.message}`);
    if (problems.length > PROBLEMS_LISTED) lines.push(`  … and ${problems.length - PROBLEMS_LISTED} more (all are in --format json, under "problems").`);
  }
  return lines.join('\n') + '\n';
}
