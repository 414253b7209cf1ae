// One row of `npm run bench`'s table, as every part gives it: a median, the baseline measured in the same rounds,
// and the target ratio between them.

export interface BenchRow {
  operation: string;
  median: number;
  /** Median of the baseline it is compared with, in the same rounds. */
  baseline?: { name: string; median: number };
  target?: number;
  note?: string;
  /** The median and baseline are bytes, not milliseconds (a memory row). */
  bytes?: boolean;
}
