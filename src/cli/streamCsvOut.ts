// `report aggregate --format csv --out <file>` at scale: rows are written as each report is folded, never all
// held (issue 14), into a temporary file beside the output that is renamed over it only once the run is whole.
// A cancelled run (Ctrl+C, exit 130) or a failed write removes the temporary file, so the output is either the
// previous file or the complete new one, never half of it. Only a regular file (or none) is replaced so: a device
// or pipe given as --out is written in place.

import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { CsvStreamWriter, type EvidenceFilter, itemMatches, reportMatches, type StreamedEvidence, type StreamedReport } from '../core';
import { partialPath, renameTarget } from './outputFile';

/** What the streamed export wrote, for the command's summary line. */
export interface StreamedCsv {
  evidence: StreamedEvidence;
  /** Rows written, reports kept by the filter, and of those the ones with a passage. */
  passages: number;
  reports: number;
  tagged: number;
}

/**
 * Streams the filtered rows to `out`. `keep(evidence)` decides, after the collection, whether the file replaces
 * `out` (false: cancelled, or nothing usable); the temporary file is removed whenever it does not.
 */
export async function streamCsvToFile(
  collect: (sink: (streamed: StreamedReport) => Promise<void>) => Promise<StreamedEvidence>,
  filter: EvidenceFilter,
  out: string,
  keep: (streamed: StreamedCsv) => boolean,
): Promise<StreamedCsv> {
  const target = await renameTarget(out);
  const partial = target !== undefined ? partialPath(target) : undefined;
  let handle: FileHandle | undefined;
  let renamed = false;
  try {
    handle = await open(partial ?? out, 'w');
    const file = handle;
    const writer = new CsvStreamWriter((chunk) => writeAll(file, chunk));
    let reports = 0;
    let tagged = 0;
    const evidence = await collect(async ({ report, items }) => {
      if (!reportMatches(report, filter)) return;
      reports++;
      const kept = items.filter((item) => itemMatches(item, filter));
      if (report.tagCount > 0) tagged++;
      await writer.write(kept);
    });
    await writer.end();
    await handle.close();
    handle = undefined;
    const streamed: StreamedCsv = { evidence, passages: writer.rows, reports, tagged };
    if (keep(streamed) && partial !== undefined) {
      await rename(partial, target!);
      renamed = true;
    }
    return streamed;
  } finally {
    await handle?.close().catch(() => undefined);
    if (!renamed && partial !== undefined) await rm(partial, { force: true }).catch(() => undefined);
  }
}

/** FileHandle.write may write part of a buffer: the rest goes in further writes. */
export async function writeAll(file: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let at = 0; at < chunk.length; ) {
    const { bytesWritten } = await file.write(chunk, at, chunk.length - at);
    if (bytesWritten === 0) throw new Error('the file took no more bytes');
    at += bytesWritten;
  }
}
