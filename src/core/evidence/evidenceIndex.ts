// Evidence kept report by report, so that a change to one sidecar or report re-reads and re-folds that pair alone
// (issue 14: incremental updates). Each pair's stages are held (its sidecar's tags, its report's text and model,
// its passages in the set's order); `update(paths)` folds again only the pairs those paths belong to, and the
// summaries are updated for them alone (evidenceTally.ts). The set it gives equals collectEvidence's over the same
// files but for the order of problems (a new pair's come last) and of keys inside the theme counts. Its
// passages and counts are updated in place, so an update costs about what folding that one pair costs.

import type { IFileSystem } from '../platform/fs/fileSystem';
import { SIDECAR_SUFFIX } from '../tags/sidecar/sidecarModel';
import type { EvidenceItem, EvidenceProblem, EvidenceReport, EvidenceSet } from './evidenceModel';
import { baseName, findEvidenceFiles, isReportName, isSidecarName, isWalkedBelow, type FilePair } from './evidenceFiles';
import { toEvidenceProblem } from './evidenceProblems';
import { compareReportPaths } from './summariseEvidence';
import { cleanSidecarFile, foldedProblems, foldPairs, pairReader, passagesInOrder, readPairSidecar, refoldPair, type FoldedPair, type PairReader } from './foldPairs';
import { resolveReport } from './resolveReport';
import { AuthorityTally, ThemeTally } from './evidenceTally';
import type { CollectOptions } from './collectOptions';
import { RACY_MS } from './modelCache';

interface Entry {
  folded: FoldedPair;
  /** The passages in the set's order (empty when the pair is not evidence). */
  items: EvidenceItem[];
  problems: EvidenceProblem[];
  /** When its report was about to be read (ms): a report file modified since may not be the text held. */
  readAt: number;
}

export class EvidenceIndex {
  /** By the report's path (the one a lone sidecar expects); in the order the pairs were met. */
  private readonly entries = new Map<string, Entry>();
  /** Paths of the entries that are evidence, in the set's order. */
  private listed: string[] = [];
  private folderProblems: EvidenceProblem[] = [];
  private themes = new ThemeTally();
  private authorities = new AuthorityTally();
  private items: EvidenceItem[] = [];
  /** The listed reports, kept beside `listed`; and every entry's problems, made again only when some changed. */
  private reports: EvidenceReport[] = [];
  private problems: EvidenceProblem[] | undefined;
  private readonly reader: PairReader;
  private updating: Promise<unknown> = Promise.resolve();

  constructor(
    readonly folders: readonly string[],
    private readonly fs: IFileSystem,
    private readonly options: CollectOptions = {},
  ) {
    this.reader = pairReader(options);
  }

  /** Collects every pair under the folders (as collectEvidence does, with its progress and cancellation). */
  async build(): Promise<EvidenceSet> {
    this.entries.clear();
    this.listed = [];
    this.themes = new ThemeTally();
    this.authorities = new AuthorityTally();
    const readAt = Date.now();
    const found = await findEvidenceFiles(this.folders, this.fs);
    this.folderProblems = found.problems.map(toEvidenceProblem);
    // Listed and ordered once at the end: placing each pair as it comes would copy the passages every time.
    await foldPairs(found.pairs, this.fs, this.options, (folded) => this.put(folded, readAt, false));
    this.listed = [...this.entries.values()].flatMap((e) => (e.folded.passages ? [e.folded.report.path] : [])).sort(compareReportPaths);
    this.items = this.listed.flatMap((path) => this.entries.get(path)!.items);
    this.reports = this.listed.map((path) => this.entries.get(path)!.folded.passages!.report);
    this.problems = undefined;
    await this.options.analysisCache?.flush();
    return this.set();
  }

  /**
   * Folds again the pairs of the changed files (reports or sidecars; created, changed or deleted) and gives the
   * set. A changed sidecar is the only file read when its report was read whole before and not modified since;
   * other files are ignored.
   */
  update(changedPaths: readonly string[]): Promise<EvidenceSet> {
    // One update at a time: each takes a pair out and puts it back across reads, which must not interleave.
    const next = this.updating.then(() => this.applyUpdate(changedPaths));
    this.updating = next.catch(() => undefined);
    return next;
  }

  private async applyUpdate(changedPaths: readonly string[]): Promise<EvidenceSet> {
    const changes = new Map<string, { sidecar: boolean; report: boolean }>();
    for (const path of changedPaths) {
      const sidecar = isSidecarName(baseName(path));
      if ((!sidecar && !isReportName(baseName(path))) || !this.inFolders(path)) continue;
      const key = sidecar ? path.slice(0, -SIDECAR_SUFFIX.length) : path;
      const change = changes.get(key) ?? { sidecar: false, report: false };
      changes.set(key, sidecar ? { ...change, sidecar: true } : { ...change, report: true });
    }
    for (const [key, change] of changes) await this.refold(key, change);
    if (changes.size > 0) await this.options.analysisCache?.flush();
    return this.set();
  }

  /**
   * The evidence held, as a set. Its passages and theme counts are the index's own, updated in place by the next
   * update (copying them would cost more than the update): use the newest set, and copy what must stay as it is.
   */
  set(): EvidenceSet {
    // Made again only when an entry's problems changed: at national scale, flattening every entry's on each update
    // cost more than the update.
    this.problems ??= [...this.folderProblems, ...[...this.entries.values()].flatMap((entry) => entry.problems)];
    return {
      generated: (this.options.now?.() ?? new Date()).toISOString(),
      folders: [...this.folders],
      reports: [...this.reports],
      items: this.items,
      themes: this.themes.summaries(),
      ...this.authorities.summaries(),
      problems: this.problems,
    };
  }

  /** Inside a chosen folder, and not in a folder the full collection skips (node_modules, .git, …). */
  private inFolders(path: string): boolean {
    return this.folders.some((folder) => isWalkedBelow(folder, path));
  }

  private async refold(key: string, change: { sidecar: boolean; report: boolean }): Promise<void> {
    const sidecarPath = key + SIDECAR_SUFFIX;
    const readAt = Date.now();
    const [reportStat, sidecarStat] = await Promise.all([this.fs.stat(key).catch(() => undefined), this.fs.stat(sidecarPath).catch(() => undefined)]);
    const pair: FilePair = {
      ...(reportStat?.kind === 'file' && isReportName(baseName(key)) ? { reportPath: key } : {}),
      ...(sidecarStat?.kind === 'file' ? { sidecarPath } : {}),
    };
    const entry = this.entries.get(key);
    const held = entry?.folded;
    this.take(key);
    if (pair.reportPath === undefined && pair.sidecarPath === undefined) {
      if (entry?.problems.length) this.problems = undefined;
      this.entries.delete(key);
      return;
    }
    // A file that did not change is not read again: the held sidecar, or the report when it was read whole.
    // A pair known by its files' stamps holds no tags: its sidecar is read now.
    const sidecarHeld = held && !held.known && !change.sidecar && held.pair.sidecarPath === pair.sidecarPath;
    const sidecar = sidecarHeld ? held.sidecar : await readPairSidecar(pair, this.fs, this.reader);
    // The report's own change may come unannounced (a watcher of tags files only): it must be older than its reading.
    const reportOlder = reportStat !== undefined && entry !== undefined && reportStat.mtime < entry.readAt - RACY_MS;
    const reportHeld = held && !change.report && reportOlder && held.pair.reportPath === pair.reportPath && held.report.text !== undefined && held.report.problems.length === 0;
    const report = reportHeld ? held.report : await resolveReport(pair, this.fs, this.reader.settings, sidecar.sidecar !== undefined, sidecar.sidecar?.tags ?? [], cleanSidecarFile(sidecar));
    if (!reportHeld && report.text !== undefined) this.options.onReportText?.(report.path, report.text);
    this.put(refoldPair(pair, sidecar, report, reportHeld ? undefined : this.reader.settings.analysisCache), reportHeld ? entry!.readAt : readAt);
  }

  /** Adds a folded pair to the entries and the summaries (and, unless building, to the list and the passages). */
  private put(folded: FoldedPair, readAt: number, place = true): void {
    const path = folded.report.path;
    const passages = folded.passages;
    const items = passages ? passagesInOrder(passages) : [];
    const problems = foldedProblems(folded).map(toEvidenceProblem);
    const before = this.entries.get(path);
    if (problems.length > 0 || !before || before.problems.length > 0) this.problems = undefined;
    this.entries.set(path, { folded, items, problems, readAt });
    if (!passages) return;
    this.themes.add(items);
    this.authorities.add(passages.report);
    if (!place) return;
    const at = this.position(path);
    this.listed.splice(at, 0, path);
    this.reports.splice(at, 0, passages.report);
    splice(this.items, this.offsetOf(at), 0, items);
  }

  /** Takes a pair out of the list and the summaries (its entry stays, so one put again keeps its place). */
  private take(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    const passages = entry.folded.passages;
    if (!passages) return;
    const at = this.position(path);
    splice(this.items, this.offsetOf(at), entry.items.length, []);
    this.listed.splice(at, 1);
    this.reports.splice(at, 1);
    this.themes.remove(entry.items);
    this.authorities.remove(passages.report);
  }

  /** Where `path` is, or would go, among the listed paths (binary search in the set's order). */
  private position(path: string): number {
    let low = 0;
    let high = this.listed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareReportPaths(this.listed[mid]!, path) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Where the passages of the listed report at `index` begin in the set's passages. */
  private offsetOf(index: number): number {
    let offset = 0;
    for (let i = 0; i < index; i++) offset += this.entries.get(this.listed[i]!)!.items.length;
    return offset;
  }
}

/**
 * `items` with `count` taken out at `at` and `added` put in, in place: copying half a million passages into a new
 * array costs milliseconds on every update, moving them within one costs microseconds.
 */
function splice<T>(items: T[], at: number, count: number, added: readonly T[]): void {
  // A spread of very many arguments overflows the stack: a report with that many tags is put in piece by piece.
  const PIECE = 10_000;
  items.splice(at, count, ...added.slice(0, PIECE));
  for (let from = PIECE; from < added.length; from += PIECE) items.splice(at + from, 0, ...added.slice(from, from + PIECE));
}
