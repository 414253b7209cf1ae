// What an unchanged report file stood for when it was last read: its text's key in the analysis cache, and where
// each of its sidecar's tags was found in that text. A warm collection (a new window, a new `report aggregate`)
// then knows an unchanged report by its size and time, as git knows an unchanged file by its stat, and does not
// read, decode or hash it again. A stamp is trusted only when size and time are the same and the file was at least
// RACY_MS older than the read (git's "racily clean" rule: a coarse clock could hide a second change); the places
// only when the tags are exactly the ones placed then (a digest of all that placing a tag reads). Kept in one file
// beside the cache's entries: advisory data, so anything unreadable, foreign or malformed in it is ignored and
// written again, never trusted; written to a temp file and renamed, so a reader sees one whole file.

import { createHash } from 'node:crypto';
import tagsSchema from '../../../schemas/tags.schema.json';
import { ENGINE_VERSION } from '../recognition/engineVersion';
import { SIDECAR_CODE_CHECKS, SIDECAR_VERSION } from '../tags/sidecar/sidecarModel';
import type { IFileSystem } from '../platform/fs/fileSystem';
import type { ImportProvenance } from '../import/provenance';
import type { Tag } from '../tags/sidecar/sidecarModel';
import { isSettled, type FileStamp } from './modelCache';

const STAMPS_FORMAT = 'inspection-report-stamps';
export const STAMPS_FILE_NAME = 'stamps.json';
/** Reports remembered; the least recently seen go first (5,000 stamps take about 1 MB). */
export const DEFAULT_MAX_STAMPS = 50_000;
const SEEN_EVERY_MS = 24 * 60 * 60 * 1000;

/** Where a tag was found: 1 at its stored position, 0 nowhere, or elsewhere at [start, end]. */
type Place = 0 | 1 | [number, number];

interface Stamp {
  size: number;
  mtime: number;
  /** When the file was stat'ed before that read (ms). */
  read: number;
  /** The text's key in the analysis cache (AnalysisCache.keyOf). */
  key: string;
  textLength: number;
  provenance?: ImportProvenance;
  /** Digest of the sidecar's tags as placed (tagsDigest). */
  tags: string;
  /** One per tag, in the sidecar's order; absent when every tag was at its stored position. */
  places?: Place[];
  /**
   * The sidecar's size and time when it was read and passed every check without a word, at least RACY_MS before
   * that read: the same file is then known to hold these very tags, and is parsed without being checked again.
   */
  sidecar?: [number, number];
  /** Last seen (ms), for eviction. */
  seen: number;
}

/** What a trusted stamp gives for a report that is not read again. */
export interface StampedReport {
  key: string;
  textLength: number;
  provenance?: ImportProvenance;
  /** Where each tag lies, in the sidecar's order (undefined: not found, the tag is orphaned). */
  places: Array<{ start: number; end: number } | undefined>;
}

export interface ReportStampsOptions {
  now?: () => number;
  maxStamps?: number;
  engineVersion?: number;
}

/**
 * Everything placing a tag reads (findPassage: its orphaned flag, stored position and exact words), in order: equal
 * digests mean the same tags land on the same places in the same text.
 */
export function tagsDigest(tags: readonly Tag[]): string {
  // One string hashed at once: an update per tag cost 500,000 calls into the hash at national scale.
  let joined = '';
  for (const tag of tags) joined += `${tag.orphaned ? 1 : 0}\u0000${tag.anchor.position.start}\u0000${tag.anchor.position.end}\u0000${tag.anchor.quote.exact}\u0001`;
  return createHash('sha256').update(joined, 'utf8').digest('hex');
}

export class ReportStamps {
  /** Reports known unchanged; their stamps recorded; stamps refused; sidecars known to have passed every check. */
  readonly counts = { trusted: 0, recorded: 0, refused: 0, sidecarsKnown: 0 };
  private loaded: Promise<Map<string, Stamp>> | undefined;
  /** Stamps recorded or used since the last flush: merged into the file then. */
  private readonly changed = new Map<string, Stamp>();
  private readonly now: () => number;
  private readonly engine: number;

  constructor(
    private readonly fs: IFileSystem,
    readonly path: string,
    private readonly write: (path: string, text: string) => Promise<void>,
    private readonly options: ReportStampsOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.engine = options.engineVersion ?? ENGINE_VERSION;
  }

  /**
   * The report as last read, when its file is unchanged and its tags are the ones placed then; else undefined.
   * `sidecar`, the file of `tags` when it was read cleanly: when it is the one the stamp knows, the tags need no
   * digest; when another file holds the same tags (a note edited), the stamp learns it for next time.
   */
  async lookup(reportPath: string, file: { size: number; mtime: number }, tags: readonly Tag[], sidecar?: FileStamp): Promise<StampedReport | undefined> {
    const stamp = this.changed.get(reportPath) ?? (await this.load()).get(reportPath);
    if (!stamp || stamp.size !== file.size || stamp.mtime !== file.mtime || !isSettled({ mtime: stamp.mtime, readAt: stamp.read })) return undefined;
    if (stamp.places && stamp.places.length !== tags.length) return undefined;
    const sidecarKnown = sidecar !== undefined && sameSidecar(stamp, sidecar);
    if (!sidecarKnown && stamp.tags !== tagsDigest(tags)) return undefined;
    const places = tags.map((tag, i) => placeOf(stamp.places?.[i] ?? 1, tag));
    this.counts.trusted++;
    // Marked as seen at most once a day: a warm collection that reads no report then writes nothing either.
    const now = this.now();
    const learnt = sidecarKnown ? undefined : sidecarMark(sidecar);
    if (learnt || now - stamp.seen > SEEN_EVERY_MS) this.changed.set(reportPath, { ...stamp, ...(learnt ? { sidecar: learnt } : {}), seen: now });
    return { key: stamp.key, textLength: stamp.textLength, ...(stamp.provenance ? { provenance: stamp.provenance } : {}), places };
  }

  /** True when the sidecar of `reportPath`, with this size and time, is the one its stamp knows passed every check. */
  async sidecarChecked(reportPath: string, sidecar: FileStamp): Promise<boolean> {
    const stamp = this.changed.get(reportPath) ?? (await this.load()).get(reportPath);
    const known = stamp !== undefined && sameSidecar(stamp, sidecar);
    if (known) this.counts.sidecarsKnown++;
    return known;
  }

  /** Records a report just read: its stat from before the read, its text's key, and where its tags were found. */
  record(reportPath: string, file: FileStamp, report: { key: string; textLength: number; provenance?: ImportProvenance }, tags: readonly Tag[], found: ReadonlyArray<{ start: number; end: number } | undefined>, sidecar?: FileStamp): void {
    // A file this fresh proves nothing later: not worth keeping.
    if (!isSettled(file)) return;
    const places: Place[] = tags.map((tag, i) => {
      const at = found[i];
      if (!at) return 0;
      return at.start === tag.anchor.position.start && at.end === tag.anchor.position.end ? 1 : [at.start, at.end];
    });
    const mark = sidecarMark(sidecar);
    const stamp: Stamp = {
      size: file.size,
      mtime: file.mtime,
      read: file.readAt,
      key: report.key,
      textLength: report.textLength,
      ...(report.provenance ? { provenance: report.provenance } : {}),
      tags: tagsDigest(tags),
      ...(places.every((p) => p === 1) ? {} : { places }),
      ...(mark ? { sidecar: mark } : {}),
      seen: this.now(),
    };
    this.changed.set(reportPath, stamp);
    this.counts.recorded++;
  }

  /** Merges what changed into the file (keeping the most recently seen within the bound). Never rejects. */
  async flush(): Promise<void> {
    if (this.changed.size === 0) return;
    try {
      // Read again, not taken from memory: another window may have written stamps since.
      const all = new Map(await this.readFile(false));
      for (const [path, stamp] of this.changed) all.set(path, stamp);
      this.changed.clear();
      const max = Math.max(0, this.options.maxStamps ?? DEFAULT_MAX_STAMPS);
      const kept = all.size > max ? [...all].sort((a, b) => b[1].seen - a[1].seen).slice(0, max) : [...all];
      this.loaded = Promise.resolve(new Map(kept));
      await this.write(this.path, JSON.stringify({ format: STAMPS_FORMAT, engine: this.engine, checks: sidecarChecks(), stamps: Object.fromEntries(kept) }));
    } catch {
      // Only time is lost: the next collection reads the reports.
    }
  }

  private load(): Promise<Map<string, Stamp>> {
    this.loaded ??= this.readFile(true);
    return this.loaded;
  }

  /** The stamps on disk that are whole; none when the file is missing, unreadable, foreign or another engine's. */
  private async readFile(counted: boolean): Promise<Map<string, Stamp>> {
    const stamps = new Map<string, Stamp>();
    let parsed: unknown;
    try {
      parsed = JSON.parse(await this.fs.readFile(this.path));
    } catch {
      return stamps;
    }
    const file = parsed as { format?: unknown; engine?: unknown; checks?: unknown; stamps?: unknown };
    if (typeof file !== 'object' || file === null || file.format !== STAMPS_FORMAT || file.engine !== this.engine || file.checks !== sidecarChecks() || typeof file.stamps !== 'object' || file.stamps === null) {
      if (counted) this.counts.refused++;
      return stamps;
    }
    for (const [path, value] of Object.entries(file.stamps as Record<string, unknown>)) {
      if (isStamp(value)) stamps.set(path, value);
      else if (counted) this.counts.refused++;
    }
    return stamps;
  }
}

/** What a stamp keeps of a sidecar read cleanly (size and time), when that read was settled; else undefined. */
function sidecarMark(sidecar: FileStamp | undefined): [number, number] | undefined {
  return sidecar && isSettled(sidecar) ? [sidecar.size, sidecar.mtime] : undefined;
}

function sameSidecar(stamp: Stamp, sidecar: { size: number; mtime: number }): boolean {
  return stamp.sidecar !== undefined && stamp.sidecar[0] === sidecar.size && stamp.sidecar[1] === sidecar.mtime;
}

/**
 * The rules a sidecar was checked by (the format's version and its schema; the few checks in code beyond the
 * schema are part of the format too): stamps written under other rules vouch for no sidecar, and are not used.
 */
let checks: string | undefined;
export function sidecarChecks(): string {
  checks ??= createHash('sha256').update(`${SIDECAR_VERSION}\u0000${SIDECAR_CODE_CHECKS}\u0000${JSON.stringify(tagsSchema)}`, 'utf8').digest('hex').slice(0, 16);
  return checks;
}

function placeOf(place: Place, tag: Tag): { start: number; end: number } | undefined {
  if (place === 0) return undefined;
  if (place === 1) return { start: tag.anchor.position.start, end: tag.anchor.position.end };
  return { start: place[0], end: place[1] };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isPlace(v: unknown, textLength: number): v is Place {
  return v === 0 || v === 1 || (Array.isArray(v) && v.length === 2 && isCount(v[0]) && isCount(v[1]) && v[0] < v[1] && v[1] <= textLength);
}

function isProvenance(v: unknown): v is ImportProvenance {
  const p = v as Partial<ImportProvenance> | null;
  return typeof p === 'object' && p !== null && typeof p.pdf === 'string' && typeof p.sha256 === 'string' && typeof p.importer === 'string';
}

/** Every field as record() writes it; a stamp from disk is data, checked before it is believed. */
function isStamp(v: unknown): v is Stamp {
  const s = v as Partial<Stamp> | null;
  if (typeof s !== 'object' || s === null) return false;
  if (!isCount(s.size) || !isTime(s.mtime) || !isTime(s.read) || !isTime(s.seen) || !isCount(s.textLength)) return false;
  if (typeof s.key !== 'string' || !/^[0-9a-f]{64}(?:-md)?$/.test(s.key) || typeof s.tags !== 'string' || !/^[0-9a-f]{64}$/.test(s.tags)) return false;
  if (s.provenance !== undefined && !isProvenance(s.provenance)) return false;
  if (s.sidecar !== undefined && !(Array.isArray(s.sidecar) && s.sidecar.length === 2 && isCount(s.sidecar[0]) && isTime(s.sidecar[1]))) return false;
  return s.places === undefined || (Array.isArray(s.places) && s.places.every((p) => isPlace(p, s.textLength!)));
}
