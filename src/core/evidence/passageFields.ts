// The fields of a passage (an evidence item) that are not its own: those it takes from its report, and the theme
// lists and names it shares with other passages; and a passage saved without them (evidenceSnapshots.ts), made
// whole again exactly as collectPassages.ts made it.

import type { TagTheme } from '../tags/sidecar/sidecarModel';
import type { EvidenceItem, EvidenceReport } from './evidenceModel';

/** The fields a passage takes from its report, written after its tag's id, themes and words (the set's order). */
export function writeReportFields(item: EvidenceItem, report: EvidenceReport): void {
  item.reportPath = report.path;
  item.reportFileName = report.fileName;
  item.reportKind = report.kind;
  if (report.authority) item.authority = report.authority;
  if (report.date) {
    item.reportDate = report.date;
    item.reportDateKind = report.dateKind!;
  }
}

/** Every field a passage takes from its report (writeReportFields, and `source` last): a saved passage leaves them out. */
export const REPORT_ITEM_FIELDS: ReadonlySet<string> = new Set(['reportPath', 'reportFileName', 'reportKind', 'authority', 'reportDate', 'reportDateKind', 'source']);

/** A passage as saved (evidenceSnapshots.ts): its own fields in the set's order, without those of its report. */
export type SavedPassage = Omit<EvidenceItem, 'reportPath' | 'reportFileName' | 'reportKind' | 'authority' | 'reportDate' | 'reportDateKind' | 'source'>;

/** What a passage saves of itself: every field but its report's, in order. */
export function savedPassage(item: EvidenceItem): SavedPassage {
  const saved: Record<string, unknown> = {};
  for (const key in item) if (!REPORT_ITEM_FIELDS.has(key)) saved[key] = item[key as keyof EvidenceItem];
  return saved as unknown as SavedPassage;
}

/**
 * A saved passage made whole again with its report's fields, every field in the place PassageItem puts it, so the
 * set is the same, byte for byte, as when the passage was placed. Themes and names are shared as there.
 */
function RestoredItem(this: EvidenceItem, saved: SavedPassage, report: EvidenceReport): void {
  this.tagId = saved.tagId;
  this.themes = sharedThemes(saved.themes);
  this.quote = saved.quote;
  writeReportFields(this, report);
  const target = this as unknown as Record<string, unknown>;
  for (const key in saved) {
    if (key === 'tagId' || key === 'themes' || key === 'quote') continue;
    target[key] = key === 'author' ? sharedString(saved.author!) : saved[key as keyof SavedPassage];
  }
  if (report.source) this.source = report.source;
}
RestoredItem.prototype = Object.prototype;
const RestoredItemOf = RestoredItem as unknown as new (...args: Parameters<typeof RestoredItem>) => EvidenceItem;

export function restorePassage(saved: SavedPassage, report: EvidenceReport): EvidenceItem {
  return new RestoredItemOf(saved, report);
}

// A set holds every passage (500,000 at national scale), and each sidecar parsed brings its own copies of the same
// few theme ids, labels and coders' names: passages share one copy of each instead. Bounded, forgotten all at once.
const SHARED_LIMIT = 50_000;

/** Theme lists by their themes in order: a theme's id, then its label, lead on to the lists that go on with it. */
interface ThemeListNode {
  next?: Map<string, Map<string, ThemeListNode>>;
  themes?: TagTheme[];
}

let sharedThemeLists: ThemeListNode = {};
let sharedStrings = new Map<string, string>();
let sharedCount = 0;

function forgetSharedIfFull(): void {
  if (sharedCount < SHARED_LIMIT) return;
  sharedThemeLists = {};
  sharedStrings = new Map();
  sharedCount = 0;
}

/**
 * The themes as one array shared by every passage with the same themes (read only, like the whole set),
 * looked up theme by theme: no key string built per passage.
 */
export function sharedThemes(themes: readonly TagTheme[]): TagTheme[] {
  forgetSharedIfFull();
  let node = sharedThemeLists;
  for (const theme of themes) {
    if (!node.next) node.next = new Map();
    let byLabel = node.next.get(theme.id);
    if (!byLabel) node.next.set(theme.id, (byLabel = new Map()));
    let child = byLabel.get(theme.label);
    if (!child) {
      sharedCount++;
      byLabel.set(theme.label, (child = {}));
    }
    node = child;
  }
  return (node.themes ??= themes.map((t) => ({ id: t.id, label: t.label })));
}

export function sharedString(text: string): string {
  forgetSharedIfFull();
  let kept = sharedStrings.get(text);
  if (kept === undefined) {
    sharedCount++;
    sharedStrings.set(text, (kept = text));
  }
  return kept;
}
