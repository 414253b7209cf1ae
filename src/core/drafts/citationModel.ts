// The citations of a Markdown draft (a self-evaluation, a committee paper) and what checking them found.
// The format is documented in docs/citations.md.

/** Offsets in the draft, UTF-16 code units, end exclusive. */
export interface DraftRange {
  start: number;
  end: number;
}

/** One link to a tagged passage: `[label](reports/x.txt#tag=t3f9)`, with the words it vouches for. */
export interface DraftCitation {
  /** The link target as written, e.g. `reports/lincs-fv-2025.txt#tag=t3f9`. */
  target: string;
  /** The report's path relative to the draft, decoded (`%20` → space), without the fragment. */
  reportPath: string;
  /** The tag id after `#tag=`; empty when the fragment names none. */
  tag: string;
  /** The whole link, `[` to `)`. */
  range: DraftRange;
  /** 1-based line of the link's start. */
  line: number;
  /** The quoted words, without their quotation marks; absent when nothing is quoted before the link. */
  quote?: { text: string; range: DraftRange; style: 'inline' | 'blockquote' };
}

export type CitationStatus = 'ok' | 'misquote' | 'orphaned' | 'missing-tag' | 'missing-report' | 'no-quote';

export const CITATION_STATUSES: readonly CitationStatus[] = ['ok', 'misquote', 'orphaned', 'missing-tag', 'missing-report', 'no-quote'];

/** Where a quote and the passage part: the author's words against the report's, either side possibly empty. */
export interface QuoteDifference {
  quoted: string;
  passage: string;
}

/** The tagged passage as the report holds it now. */
export interface CitedPassage {
  /** The report's path as the sources know it (absolute). */
  reportPath: string;
  text: string;
  /** Offsets in the report's current text. */
  start: number;
  end: number;
  /** 1-based line and column of `start`, to open the report there. */
  line: number;
  column: number;
  themes: string[];
  note?: string;
}

export interface CitationCheck {
  citation: DraftCitation;
  status: CitationStatus;
  /** One sentence for the author: what is wrong and what to do (for `ok`, what it cites). */
  message: string;
  passage?: CitedPassage;
  /** For `misquote`: the first places where the quote and the passage differ. */
  differences?: QuoteDifference[];
  /** When the citation does not hold: another tag of the same report whose passage has the quoted words now. */
  holdingTag?: string;
}
