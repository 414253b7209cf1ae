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
const REPORT_ITEM_FIELDS: ReadonlySet<string> = new Set(['reportPath', 'reportFileName', 'reportKind', 'authority', 'reportDate', 'reportDateKind', 'source']);

/**
 * A passage's own fields after its tag's id, themes and words, in the order PassageItem (collectPassages.ts) writes
 * them, each with its type: a saved passage is a row of these, in this order, null where a field is absent.
 */
const OWN_FIELDS = [
  ['section', 'string'],
  ['sectionRole', 'string'],
  ['paragraph', 'number'],
  ['paragraphLabel', 'string'],
  ['judgementArea', 'string'],
  ['grade', 'string'],
  ['listOwner', 'string'],
  ['note', 'string'],
  ['author', 'string'],
  ['created', 'string'],
  ['modified', 'string'],
  ['orphaned', 'boolean'],
  ['position', 'position'],
] as const;
const OWN_FIELD_NAMES: ReadonlySet<string> = new Set(['tagId', 'themes', 'quote', ...OWN_FIELDS.map(([name]) => name)]);
/** Where a row holds `orphaned`, the one own field every passage has. */
const ORPHANED_AT = 3 + OWN_FIELDS.findIndex(([name]) => name === 'orphaned');

/**
 * A passage as saved (evidenceSnapshots.ts): its tag's id, the index of its themes in its report's saved theme
 * lists, its words, then OWN_FIELDS in order (a position as [start, end]). Rows, not objects: the field names
 * were a quarter of the saved bytes, and parsing them a quarter of the time a warm collection spent reading.
 */
export type SavedPassage = [string, number, string, ...Array<string | number | boolean | [number, number] | null>];

/**
 * What a passage saves of itself, adding its themes to `themeLists` (shared by a report's passages); undefined
 * for a passage with a field this does not know (made by newer code), which is then not saved.
 */
export function savedPassage(item: EvidenceItem, themeLists: TagTheme[][]): SavedPassage | undefined {
  for (const key in item) if (!OWN_FIELD_NAMES.has(key) && !REPORT_ITEM_FIELDS.has(key)) return undefined;
  let themes = themeLists.indexOf(item.themes);
  if (themes < 0) themes = themeLists.push(item.themes) - 1;
  const row: SavedPassage = [item.tagId, themes, item.quote];
  for (const [name] of OWN_FIELDS) {
    const value = item[name];
    row.push(value === undefined ? null : name === 'position' ? [item.position!.start, item.position!.end] : (value as string | number | boolean));
  }
  return row;
}

/** True for a row savedPassage could have made, with themes among `themeLists`: data from disk, checked before it is believed. */
export function isSavedPassage(row: unknown, themeLists: readonly unknown[]): row is SavedPassage {
  if (!Array.isArray(row) || row.length !== 3 + OWN_FIELDS.length || typeof row[0] !== 'string' || typeof row[2] !== 'string') return false;
  const themes: unknown = row[1];
  if (typeof themes !== 'number' || !Number.isInteger(themes) || themes < 0 || themes >= themeLists.length) return false;
  for (let i = 0; i < OWN_FIELDS.length; i++) {
    const value: unknown = row[3 + i];
    const type = OWN_FIELDS[i]![1];
    if (value === null) continue;
    if (type === 'position' ? !isPosition(value) : typeof value !== type) return false;
  }
  return typeof row[ORPHANED_AT] === 'boolean';
}

function isPosition(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && Number.isInteger(v[1]) && (v[0] as number) >= 0 && (v[0] as number) <= (v[1] as number);
}

/** True for theme lists as savedPassage gathers them. */
export function isThemeLists(v: unknown): v is TagTheme[][] {
  return Array.isArray(v) && v.every((list) => Array.isArray(list) && list.every((t) => typeof t === 'object' && t !== null && typeof (t as TagTheme).id === 'string' && typeof (t as TagTheme).label === 'string'));
}

/**
 * A saved passage made whole again with its report's fields, every field in the place PassageItem puts it, so the
 * set is the same, byte for byte, as when the passage was placed. Themes and names are shared as there.
 */
function RestoredItem(this: EvidenceItem, row: SavedPassage, themeLists: readonly TagTheme[][], report: EvidenceReport): void {
  this.tagId = row[0];
  this.themes = sharedThemes(themeLists[row[1]]!);
  this.quote = row[2];
  writeReportFields(this, report);
  const target = this as unknown as Record<string, unknown>;
  for (let i = 0; i < OWN_FIELDS.length; i++) {
    const value = row[3 + i];
    if (value === null || value === undefined) continue;
    const name = OWN_FIELDS[i]![0];
    if (name === 'position') {
      const [start, end] = value as [number, number];
      this.position = { start, end };
    } else target[name] = name === 'author' ? sharedString(value as string) : value;
  }
  if (report.source) this.source = report.source;
}
RestoredItem.prototype = Object.prototype;
const RestoredItemOf = RestoredItem as unknown as new (...args: Parameters<typeof RestoredItem>) => EvidenceItem;

export function restorePassage(row: SavedPassage, themeLists: readonly TagTheme[][], report: EvidenceReport): EvidenceItem {
  return new RestoredItemOf(row, themeLists, report);
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
