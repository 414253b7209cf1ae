// Re-analysis that reuses work: lines outside the edited stretch keep their classification (found by
// comparing the old and new text from both ends), prose blocks already searched are looked up, and
// only the cheap assembly pass runs over the whole document again.
import type { ReportModel } from './model';
import type { DocLine } from './documentLines';
import { splitDocLines } from './documentLines';
import { LineClassifier, uncachedClassifier } from './lineClassifier';
import { assembleReport } from './assembleReport';
import type { AssembleOptions } from './assembleReport';
import type { ProseCache } from './judgementSentences';
import { blockFindings, blockHasFindings } from './judgementSentences';
import type { LineInfo } from './lineClassifier';
import { shiftModel, shiftRange } from './shiftModel';
import { LineIndex } from '../platform/text/lineIndex';

export interface AnalyseOptions {
  /** Markdown input: headings come from `#` markers (parsed with remark). */
  markdown?: boolean;
}

const CHUNK = 2048;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + CHUNK <= limit && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

export class ReportAnalyser {
  private readonly classifier = new LineClassifier();
  private readonly proseCache: ProseCache = new Map();
  private text: string | undefined;
  private lines: DocLine[] = [];
  private model: ReportModel | undefined;
  private readonly memo: NonNullable<AssembleOptions['memo']> = {};
  private unchangedLines = 0;
  /** Whether the classifier's cache holds the current lines (a first analysis classifies without it). */
  private remembered = false;
  /** The last edit's lines: where they start, their old and new classifications, and the text offset/delta. */
  private edit: { head: number; old: LineInfo[]; now: LineInfo[]; at: number; delta: number; breaks: boolean } | undefined;

  constructor(private readonly options: AnalyseOptions = {}) {}

  /** Never throws: a failure is reported as an empty model, and the next call starts afresh. */
  analyse(text: string): ReportModel {
    const prefix = this.text === undefined ? 0 : commonPrefix(this.text, text);
    if (this.model && text.length === this.text!.length && prefix === text.length) return this.model;
    try {
      return this.analyseOrThrow(text, prefix);
    } catch {
      this.text = undefined;
      this.lines = [];
      this.model = undefined;
      delete this.memo.opening;
      return emptyModel(text);
    }
  }

  private analyseOrThrow(text: string, prefix: number): ReportModel {
    this.unchangedLines = 0;
    this.edit = undefined;
    const fresh = this.text === undefined;
    const lines = fresh ? splitDocLines(text, uncachedClassifier()) : this.reuseLines(this.text!, text, prefix);
    this.remembered = !fresh;
    const shifted = this.shiftedModel(lines);
    const model = shifted ?? assembleReport(text, lines, {
      markdown: this.options.markdown ?? false, proseCache: this.proseCache, memo: this.memo, unchangedLines: this.unchangedLines,
    });
    this.text = text;
    this.lines = lines;
    this.model = model;
    return model;
  }

  /**
   * When the edit changed only words in lines that neither carry model text nor decide structure, the
   * previous model stays right once its offsets after the edit move by the edit's length.
   */
  private shiftedModel(lines: DocLine[]): ReportModel | undefined {
    const { edit, model } = this;
    const { sensitive, notProse } = this.memo;
    if (!edit || edit.breaks || !model || this.options.markdown || !sensitive || !notProse || edit.old.length !== edit.now.length) return undefined;
    if (sensitive.length !== lines.length) return undefined;
    for (let k = 0; k < edit.now.length; k++) {
      const i = edit.head + k;
      const before = edit.old[k]!;
      const after = edit.now[k]!;
      if (before === after) continue;
      if (sensitive[i] === 1 || before.sig !== after.sig) return undefined;
      if ((before.gradeWord || after.gradeWord || sensitive[i] === 2) && !notProse[i]) {
        let from = i;
        let to = i;
        while (from > 0 && !notProse[from - 1]) from--;
        while (to + 1 < lines.length && !notProse[to + 1]) to++;
        if (sensitive[i] !== 2) {
          if (blockHasFindings(lines, from, to)) return undefined;
        } else if (!this.sameFindings(lines, from, to, edit)) return undefined;
      }
    }
    return shiftModel(model, edit.at, edit.delta);
  }

  /** The block states the same grades as before the edit, at the same (shifted) places. */
  private sameFindings(lines: DocLine[], from: number, to: number, edit: NonNullable<ReportAnalyser['edit']>): boolean {
    const nowInfos: LineInfo[] = [];
    const nowStarts: number[] = [];
    const oldInfos: LineInfo[] = [];
    const oldStarts: number[] = [];
    const lastEdited = edit.head + edit.now.length - 1;
    for (let i = from; i <= to; i++) {
      const line = lines[i]!;
      nowInfos.push(line.info);
      nowStarts.push(line.start);
      const k = i - edit.head;
      oldInfos.push(k >= 0 && k < edit.old.length ? edit.old[k]! : line.info);
      oldStarts.push(i > lastEdited ? line.start - edit.delta : line.start);
    }
    const now = blockFindings(nowInfos, nowStarts);
    const old = blockFindings(oldInfos, oldStarts);
    if (now.length !== old.length) return false;
    const moved = shiftRange(edit.at, edit.delta);
    return now.every((f, k) => {
      const o = moved(old[k]!);
      return f.key === old[k]!.key && f.start === o.start && f.end === o.end;
    });
  }

  /** New lines for `text`, keeping the old lines (and their classification) before and after the edit. */
  private reuseLines(old: string, text: string, prefix: number): DocLine[] {
    // Only an editor re-analyses, so only it pays for the cache.
    if (!this.remembered) this.classifier.remember(old, this.lines);
    const oldLines = this.lines;
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
    // Lines wholly inside the common prefix (with their line break), less one for a split CRLF.
    let head = lastLineStartingBy(oldLines, prefix);
    head = Math.max(0, head - 1);
    // Lines wholly inside the common suffix, less one likewise.
    const oldTailFrom = old.length - suffix;
    // First line starting inside the suffix (and after `head`).
    let tail = Math.max(head + 1, lastLineStartingBy(oldLines, oldTailFrom - 1) + 1);
    tail = Math.min(oldLines.length, tail + 1);
    const delta = text.length - old.length;
    this.unchangedLines = head;

    const from = head < oldLines.length ? oldLines[head]!.start : 0;
    if (tail >= oldLines.length) {
      oldLines.length = head;
      splitDocLines(text, (raw) => this.classifier.classify(raw), from, text.length, oldLines);
      return oldLines;
    }
    const to = oldLines[tail]!.start + delta;
    const middle: DocLine[] = [];
    const oldInfos: LineInfo[] = [];
    for (let k = head; k < tail; k++) oldInfos.push(oldLines[k]!.info);
    let start = from;
    while (start < to) {
      let i = start;
      while (i < to) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) break;
        i++;
      }
      middle.push({ start, end: i, info: this.classifier.classify(text.slice(start, i)) });
      start = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    }
    // The old lines belong to no model, so the tail is shifted in place rather than copied.
    if (delta !== 0) {
      for (let k = tail; k < oldLines.length; k++) {
        const l = oldLines[k]!;
        l.start += delta;
        l.end += delta;
      }
    }
    // An edit touching a line break (even "\n" -> "\r\n", which keeps every line) is no edit of words.
    const breaks = /[\r\n]/.test(old.slice(prefix, old.length - suffix)) || /[\r\n]/.test(text.slice(prefix, text.length - suffix));
    this.edit = { head, old: oldInfos, now: middle.map((l) => l.info), at: prefix, delta, breaks };
    // A large paste would overflow splice's argument list.
    if (middle.length > 5000) return oldLines.slice(0, head).concat(middle, oldLines.slice(tail));
    oldLines.splice(head, tail - head, ...middle);
    return oldLines;
  }
}

function emptyModel(text: string): ReportModel {
  const { lineCount } = new LineIndex(text);
  return { kind: 'unknown', metadata: { leadInspectors: [] }, sections: [], judgements: [], earlierJudgements: [], improvements: [], strengths: [], paragraphs: [], lineCount };
}

/** Index of the last line whose start is at or before `offset` (0 if none). */
function lastLineStartingBy(lines: DocLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
