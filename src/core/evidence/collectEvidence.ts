// Evidence across reports: walk folders, pair each report with its sidecar, analyse each report once,
// and place every tagged passage in its report. Linear in the number of files; the only pairwise work
// (recurring improvements) stays within one authority.

import type { ReportModel } from '../recognition/model';
import { analyseReport } from '../recognition/analyse';
import { SIDECAR_SUFFIX, type Sidecar } from '../tags/sidecar/sidecarModel';
import type { IFileSystem } from '../platform/fs/fileSystem';
import type { EvidenceItem, EvidenceProblem, EvidenceReport, EvidenceSet, ReportDateKind } from './evidenceModel';
import { locatePassage, type PassageLocation } from './passageLocation';
import { readSidecarForEvidence, type SidecarParser } from './sidecarReading';
import { countThemes } from './themeCounts';
import { findRecurringImprovements } from './recurringImprovements';
import { gradesOverTime } from './gradesOverTime';
import type { FileStamp, ReportModelCache } from './modelCache';
import { analysisSizeVerdict, DEFAULT_MAX_ANALYSED_MB } from '../recognition/analysisLimit';

/**
 * `path` lets a host answer from models it already holds (an editor's open documents) instead of analysing
 * again. A promise lets the host analyse elsewhere (worker threads: analysisPool.ts) while files are read.
 */
export type AnalyseFunction = (text: string, options: { markdown?: boolean; path?: string }) => ReportModel | Promise<ReportModel>;

export interface CollectProgress {
  done: number;
  total: number;
  path: string;
}

export interface CollectOptions {
  /** The recognition engine; analyseReport unless a test substitutes its own. */
  analyse?: AnalyseFunction;
  /** Models kept from earlier collections: an unchanged report (same path, same text) is not analysed again. */
  modelCache?: ReportModelCache;
  parseSidecar?: SidecarParser;
  onProgress?: (progress: CollectProgress) => void;
  /** Checked between files; a cancelled run returns what it has so far. */
  isCancelled?: () => boolean;
  /** Receives each report text once it is read (the .qdpx export needs the texts; the set does not keep them). */
  onReportText?: (path: string, text: string) => void;
  /** Timestamp recorded in the set; defaults to now. */
  now?: () => Date;
  /** Reports read (and analysed, when analysis is asynchronous) at once. */
  concurrency?: number;
  /**
   * Files larger than this many megabytes are not read (a log or data file named .txt would otherwise be read
   * whole and analysed); default DEFAULT_MAX_ANALYSED_MB, 0 or less for no limit. Reported as a problem.
   */
  maxReportMB?: number;
}

const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode', '.vscode-test', 'dist', 'out']);

export function isSidecarName(name: string): boolean {
  return name.toLowerCase().endsWith(SIDECAR_SUFFIX);
}

export function isReportName(name: string): boolean {
  const lower = name.toLowerCase();
  return !isSidecarName(lower) && REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function joinPath(folder: string, name: string): string {
  if (folder.endsWith('/') || folder.endsWith('\\')) return folder + name;
  return folder + (folder.includes('\\') && !folder.includes('/') ? '\\' : '/') + name;
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

interface Pair {
  reportPath?: string;
  sidecarPath?: string;
}

/** Finds report and sidecar files under the folders (recursively), paired by name. */
async function listFiles(folders: readonly string[], fs: IFileSystem, problems: EvidenceProblem[]): Promise<Pair[]> {
  const pairs = new Map<string, Pair>();
  const seenFolders = new Set<string>();
  const walk = async (folder: string): Promise<void> => {
    let real = folder;
    try {
      real = await fs.realpath(folder);
    } catch {
      // Fall through: readDirectory below reports the problem.
    }
    if (seenFolders.has(real)) return; // symlink loops, or a folder given twice
    seenFolders.add(real);
    let names: string[];
    try {
      names = await fs.readDirectory(folder);
    } catch (error) {
      problems.push({ kind: 'unreadable-folder', path: folder, message: `Cannot read folder ${folder}: ${(error as Error).message}` });
      return;
    }
    const subfolders: string[] = [];
    for (const name of names.sort()) {
      const path = joinPath(folder, name);
      if (isSidecarName(name)) {
        const key = path.slice(0, -SIDECAR_SUFFIX.length);
        pairs.set(key, { ...pairs.get(key), sidecarPath: path });
      } else if (isReportName(name)) {
        pairs.set(path, { ...pairs.get(path), reportPath: path });
      } else if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) {
        subfolders.push(path);
      }
    }
    // Anything else may be a folder ("2024.06", "Westmere"): ask, and descend into folders only.
    for (const sub of subfolders) {
      const stat = await fs.stat(sub).catch(() => undefined);
      if (stat?.kind === 'directory') await walk(sub);
    }
  };
  for (const folder of folders) await walk(folder);
  return [...pairs.values()];
}

function reportDate(model: ReportModel | undefined, sidecar: Sidecar | undefined): { date: string; kind: ReportDateKind } | undefined {
  const meta = model?.metadata;
  if (meta?.publishedDate) return { date: meta.publishedDate, kind: 'published' };
  const inspected = meta?.inspectionDates?.end ?? meta?.inspectionDates?.start;
  if (inspected) return { date: inspected, kind: 'inspection' };
  // The sidecar records the publication or letter date (schemas/tags.schema.json).
  return sidecar?.report.date ? { date: sidecar.report.date, kind: 'published' } : undefined;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export async function collectEvidence(folders: readonly string[], fs: IFileSystem, options: CollectOptions): Promise<EvidenceSet> {
  const parseSidecar = options.parseSidecar ?? readSidecarForEvidence;
  const analyse = options.analyse ?? analyseReport;
  const cache = options.modelCache;
  const problems: EvidenceProblem[] = [];
  const reports: EvidenceReport[] = [];
  const items: EvidenceItem[] = [];
  const generated = (options.now?.() ?? new Date()).toISOString();

  const pairs = await listFiles(folders, fs, problems);
  const total = pairs.length;
  let done = 0;

  const readPair = async (pair: Pair) => {
    const [text, sidecarText] = await Promise.all([
      pair.reportPath ? fs.readFile(pair.reportPath).then((t) => ({ ok: true as const, t }), (e: Error) => ({ ok: false as const, e })) : undefined,
      pair.sidecarPath ? fs.readFile(pair.sidecarPath).then((t) => ({ ok: true as const, t }), (e: Error) => ({ ok: false as const, e })) : undefined,
    ]);
    return { pair, text, sidecarText };
  };

  /** The sidecar alone, for a report that is not read (too large, or unchanged and held by the cache). */
  const readSidecarOnly = async (pair: Pair) => (await readPair(pair.sidecarPath ? { sidecarPath: pair.sidecarPath } : {})).sidecarText;

  /**
   * Reads a pair, then analyses its report (from the cache when the same text was analysed before). A file over
   * the size limit is not read; with a cache, neither is a report whose file time and size are unchanged since.
   */
  const preparePair = async (pair: Pair) => {
    const markdown = pair.reportPath !== undefined && /\.(md|markdown)$/i.test(pair.reportPath);
    let stamp: FileStamp | undefined;
    if (pair.reportPath) {
      const readAt = Date.now();
      const stat = await fs.stat(pair.reportPath).catch(() => undefined);
      if (stat?.kind === 'file') {
        // Bytes on disk against the limit in characters: close enough for a guard (UTF-8 text is never shorter).
        const verdict = analysisSizeVerdict(stat.size, options.maxReportMB ?? DEFAULT_MAX_ANALYSED_MB, baseName(pair.reportPath));
        if (!verdict.analyse) return { pair, sidecarText: await readSidecarOnly(pair), tooLarge: verdict };
        const held = cache?.getUnchanged(pair.reportPath, stat, markdown);
        if (held) {
          cache!.hits++;
          return { pair, text: { ok: true as const, t: held.text }, sidecarText: await readSidecarOnly(pair), analysed: { model: held.model } };
        }
        stamp = { mtime: stat.mtime, size: stat.size, readAt };
      }
    }
    const read = await readPair(pair);
    let analysed: { model: ReportModel } | { error: Error } | undefined;
    if (pair.reportPath && read.text?.ok) {
      const text = read.text.t;
      const path = pair.reportPath;
      const cached = cache?.get(path, text, markdown, stamp);
      if (cached) {
        cache!.hits++;
        analysed = { model: cached };
      } else {
        if (cache) cache.misses++;
        try {
          const model = await analyse(text, { markdown, path });
          cache?.set(path, text, model, markdown, stamp);
          analysed = { model };
        } catch (error) {
          analysed = { error: error instanceof Error ? error : new Error(String(error)) };
        }
      }
    }
    return { ...read, analysed };
  };

  type Prepared = {
    pair: Pair;
    text?: Awaited<ReturnType<typeof readPair>>['text'];
    sidecarText: Awaited<ReturnType<typeof readPair>>['sidecarText'];
    analysed?: { model: ReportModel } | { error: Error };
    tooLarge?: { sizeMB: number; limitMB: number };
  };

  const processPair = ({ pair, text, sidecarText, analysed, tooLarge }: Prepared): void => {
    const path = pair.reportPath ?? pair.sidecarPath!.slice(0, -SIDECAR_SUFFIX.length);

    let sidecar: Sidecar | undefined;
    if (pair.sidecarPath && sidecarText) {
      if (!sidecarText.ok) {
        problems.push({ kind: 'malformed-sidecar', path: pair.sidecarPath, message: `Cannot read ${pair.sidecarPath}: ${sidecarText.e.message}` });
      } else {
        const parsed = parseSidecar(sidecarText.t, baseName(pair.sidecarPath));
        if (!parsed.ok) {
          problems.push({ kind: 'malformed-sidecar', path: pair.sidecarPath, message: `${parsed.error} Its tags are not in this evidence.` });
        } else {
          sidecar = parsed.sidecar;
          for (const warning of parsed.warnings) {
            problems.push({ kind: parsed.readOnly && /newer/i.test(warning) ? 'newer-sidecar-version' : 'sidecar-warning', path: pair.sidecarPath, message: warning });
          }
          if (parsed.readOnly && !parsed.warnings.some((w) => /newer/i.test(w))) {
            problems.push({ kind: 'newer-sidecar-version', path: pair.sidecarPath, message: `${pair.sidecarPath} has format version ${parsed.sidecar.version}, newer than this version understands; read as far as understood.` });
          }
        }
      }
    }

    let reportText: string | undefined;
    if (pair.reportPath && tooLarge) {
      problems.push({
        kind: 'report-too-large',
        path: pair.reportPath,
        message: `${pair.reportPath} is ${tooLarge.sizeMB} MB, over the ${tooLarge.limitMB} MB limit for a report, so it was not read${sidecar ? '; its tags are listed from the tags file alone' : ''}. Raise "inspectionReports.analysis.maxSizeMB" (0 for no limit) if it is a report.`,
      });
    } else if (pair.reportPath && text) {
      if (text.ok) reportText = text.t;
      else problems.push({ kind: 'unreadable-report', path: pair.reportPath, message: `Cannot read report ${pair.reportPath}: ${text.e.message}` });
    } else if (pair.sidecarPath) {
      problems.push({ kind: 'sidecar-without-report', path: pair.sidecarPath, message: `${pair.sidecarPath} has no report beside it (expected ${baseName(path)}); its tags are listed from the sidecar alone.` });
    }

    let model: ReportModel | undefined;
    if (reportText !== undefined) {
      if (analysed && 'model' in analysed) model = analysed.model;
      else if (analysed) problems.push({ kind: 'unreadable-report', path, message: `Could not analyse ${path}: ${analysed.error.message}` });
      options.onReportText?.(path, reportText);
    }
    // A text file that is neither a recognised report nor tagged is not evidence (a README, notes).
    if (!sidecar && (!model || model.kind === 'unknown')) {
      return;
    }

    const kind = model && model.kind !== 'unknown' ? model.kind : (sidecar?.report.kind ?? model?.kind ?? 'unknown');
    const authority = model?.metadata.authority ?? sidecar?.report.authority;
    const dated = reportDate(model, sidecar);
    const report: EvidenceReport = {
      path,
      fileName: baseName(path),
      kind,
      ...(authority ? { authority } : {}),
      ...(dated ? { date: dated.date, dateKind: dated.kind } : {}),
      ...(model?.metadata.title ? { title: model.metadata.title } : {}),
      judgements: (model?.judgements ?? []).map((j) => ({ area: j.area, grade: j.grade })),
      improvements: [],
      ...(pair.sidecarPath && sidecarText ? { sidecarPath: pair.sidecarPath } : {}),
      tagCount: sidecar?.tags.length ?? 0,
      orphanedCount: 0,
      ...(reportText === undefined ? { textMissing: true } : {}),
    };
    // Judgements can repeat (table and heading): keep one per area.
    const seenAreas = new Set<string>();
    report.judgements = report.judgements.filter((j) => !seenAreas.has(j.area) && seenAreas.add(j.area));

    const located: Array<{ position?: { start: number; end: number }; themeIds: string[] }> = [];
    for (const tag of sidecar?.tags ?? []) {
      const location: PassageLocation =
        model && reportText !== undefined ? locatePassage(reportText, model, tag) : { found: false, ...tag.context };
      const orphaned = !location.found;
      if (orphaned) {
        report.orphanedCount++;
      }
      // Without the report text every tag is unplaced; the sidecar or report problem already says so.
      if (orphaned && reportText !== undefined) {
        problems.push({
          kind: 'orphaned-tag',
          path: pair.sidecarPath ?? path,
          tagId: tag.id,
          message: `Tag ${tag.id} ("${shorten(tag.anchor.quote.exact)}") could not be found in ${baseName(path)}; kept as orphaned with its stored quote.`,
        });
      }
      located.push({ ...(location.position ? { position: location.position } : {}), themeIds: tag.themes.map((t) => t.id) });
      items.push({
        tagId: tag.id,
        themes: tag.themes.map((t) => ({ id: t.id, label: t.label })),
        quote: tag.anchor.quote.exact,
        reportPath: path,
        reportFileName: report.fileName,
        reportKind: kind,
        ...(authority ? { authority } : {}),
        ...(dated ? { reportDate: dated.date, reportDateKind: dated.kind } : {}),
        ...(location.section !== undefined ? { section: location.section } : {}),
        ...(location.sectionRole !== undefined ? { sectionRole: location.sectionRole } : {}),
        ...(location.paragraph !== undefined ? { paragraph: location.paragraph } : {}),
        ...(location.judgementArea !== undefined ? { judgementArea: location.judgementArea } : {}),
        ...(location.grade !== undefined ? { grade: location.grade } : {}),
        ...(tag.note ? { note: tag.note } : {}),
        ...(tag.author ? { author: tag.author } : {}),
        ...(tag.created ? { created: tag.created } : {}),
        ...(tag.modified ? { modified: tag.modified } : {}),
        orphaned,
        ...(location.position ? { position: location.position } : {}),
      });
    }

    report.improvements = (model?.improvements ?? []).map((improvement) => ({
      text: improvement.text,
      priority: improvement.priority,
      line: improvement.line,
      themeIds: [...new Set(located.filter((l) => l.position && overlaps(l.position, improvement.range)).flatMap((l) => l.themeIds))].sort(),
    }));
    reports.push(report);
  };

  // A window of pairs in flight (read, and analysed when analysis is asynchronous), taken in order, so the
  // result and its problems come out the same whatever finishes first.
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const inFlight: Array<Promise<Prepared>> = [];
  const startNext = () => {
    if (inFlight.length < pairs.length) {
      const prepared = preparePair(pairs[inFlight.length]!);
      prepared.catch(() => undefined); // awaited below in order; never an unhandled rejection meanwhile
      inFlight.push(prepared);
    }
  };
  for (let k = 0; k < concurrency; k++) startNext();
  for (let i = 0; i < pairs.length; i++) {
    if (options.isCancelled?.()) break;
    const entry = await inFlight[i]!;
    startNext();
    processPair(entry);
    done++;
    options.onProgress?.({ done, total, path: entry.pair.reportPath ?? entry.pair.sidecarPath! });
  }

  reports.sort((a, b) => a.path.localeCompare(b.path));
  items.sort((a, b) => a.reportPath.localeCompare(b.reportPath) || (a.position?.start ?? Infinity) - (b.position?.start ?? Infinity) || a.tagId.localeCompare(b.tagId));
  return {
    generated,
    folders: [...folders],
    reports,
    items,
    themes: countThemes(items),
    recurringImprovements: findRecurringImprovements(reports),
    gradesOverTime: gradesOverTime(reports),
    problems,
  };
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
