// The sidecar file: `<report file name>.tags.json`, one beside each tagged report.
// Versioned; see docs/sidecar-format.md and schemas/tags.schema.json.

import type { Grade, JudgementArea, ReportKind, SectionRole } from '../../recognition/model';

export const SIDECAR_FORMAT = 'inspection-report-annotator/tags';
export const SIDECAR_VERSION = 1;
/**
 * Changes whenever the parser's checks beyond the schema change (2: a key given twice refuses the file): saved
 * stamps that vouched for a file under the old checks (reportStamps.ts) are then not trusted.
 */
export const SIDECAR_CODE_CHECKS = 2;
export const SIDECAR_SUFFIX = '.tags.json';

/** W3C Web Annotation style anchor: a position plus a quote with context, so a tag can be found again. */
export interface Anchor {
  /** Offsets in UTF-16 code units, as VS Code counts them; end is exclusive. */
  position: { start: number; end: number; unit: 'utf-16' };
  /** TextQuoteSelector: the exact words, with up to 32 characters either side. */
  quote: { exact: string; prefix: string; suffix: string };
  /** How often the words occurred when anchored; absent in older files and once shifted by edits in the editor. */
  repeats?: AnchorRepeats;
}

/**
 * Counted in the report text the anchor was made against. Re-anchoring uses it to refuse a copy of the words when
 * the tagged occurrence may have gone: their context alone did not tell them apart, or their number or order changed.
 */
export interface AnchorRepeats {
  /** Occurrences of `quote.exact`. */
  count: number;
  /** Which of them (0-based, in text order) is the tagged one. */
  index: number;
  /** Occurrences of prefix + exact + suffix together: more than 1 when the stored context does not tell them apart. */
  withContext: number;
}

/** Where the passage sits in the report, recorded when it was tagged or last re-anchored. */
export interface TagContext {
  section?: string;
  sectionRole?: SectionRole;
  paragraph?: number;
  judgementArea?: JudgementArea;
  grade?: Grade;
}

export interface TagTheme {
  id: string;
  /** Kept so that aggregation works without the codebook. */
  label: string;
}

export interface Tag {
  id: string;
  themes: TagTheme[];
  note?: string;
  author?: string;
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  anchor: Anchor;
  context?: TagContext;
  /** Orphaned: the passage could not be found again; the stored quote is kept. */
  orphaned?: boolean;
  /** Why it was orphaned, in words for the person who tagged it (kept until the tag is re-attached). */
  orphanReason?: string;
}

export interface Sidecar {
  format: typeof SIDECAR_FORMAT;
  version: number;
  report: {
    /** File name of the report, without folders. */
    fileName: string;
    /** sha256 (hex) of the report text the tags were last anchored against. */
    textHash: string;
    kind?: ReportKind;
    authority?: string;
    date?: string;
  };
  tags: Tag[];
  /** Suggestion keys the user dismissed; they stay dismissed. */
  dismissedSuggestions?: string[];
}
