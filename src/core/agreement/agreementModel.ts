// Inter-coder agreement between two coders of the same reports: the shapes the calculations share.
// Offsets and lengths are UTF-16 code units, as in the sidecar (a CRLF counts two, an astral character two).

import type { Tag } from '../tags/sidecar/sidecarModel';

export type AgreementUnit = 'character' | 'paragraph' | 'segment';
export const AGREEMENT_UNITS: readonly AgreementUnit[] = ['character', 'paragraph', 'segment'];
export const DEFAULT_MIN_OVERLAP = 0.9;

/** Cohen's kappa, or 'undefined' when chance agreement is total (p_e = 1) and kappa has no value. */
export type Kappa = number | 'undefined';

/** One report as the calculations see it: its text, its tags (all coders), its numbered paragraphs if any. */
export interface AgreementReport {
  /** A name to report it by (its path). */
  id: string;
  text: string;
  tags: readonly Tag[];
  /** Ranges of the report's numbered paragraphs (the recognition model's); other text is split at blank lines. */
  numberedParagraphs?: readonly { start: number; end: number }[];
}

/** How many units (characters or paragraphs) each coder did or did not code with a theme. */
export interface UnitCounts {
  aOnly: number;
  bOnly: number;
  both: number;
  neither: number;
}

export interface ThemeAgreement extends UnitCounts {
  id: string;
  label: string;
  /** (both + neither) / all units; for segments, the share of segments matched. */
  agreement: number;
  /** Cohen's kappa; 'undefined' for segments, which have no "neither". */
  kappa: Kappa;
}

/** Segment overlap (MAXQDA's) for one theme: A's and B's tags matched by a tag of the other coder. */
export interface SegmentCounts {
  aMatched: number;
  aUnmatched: number;
  bMatched: number;
  bUnmatched: number;
}

export interface OverallAgreement {
  /** Mean over each theme in use and each report, weighted by the report's length in units (NVivo's average). */
  weighted: { agreement: number; kappa: Kappa };
  /** Plain mean over the same theme-report pairs. */
  unweighted: { agreement: number; kappa: Kappa };
}

export interface AgreementResult {
  unit: AgreementUnit;
  coderA: string;
  coderB: string;
  /** Every theme either coder used in any of the reports, sorted by label. */
  themes: ThemeAgreement[];
  overall: OverallAgreement;
  /** Per theme id, for unit 'segment' only. */
  segments?: Record<string, SegmentCounts>;
  reports: number;
  /** Orphaned tags of the two coders, left out because their passage is not known. */
  orphansSkipped: number;
}
