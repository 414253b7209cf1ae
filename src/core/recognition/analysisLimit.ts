// How big a document the extension analyses. Recognition runs on the editor's extension host and takes about
// 120 ms per megabyte; real reports are well under 0.2 MB, so anything many times larger is not a report worth
// freezing the editor for. Above the limit the document is left alone and the status bar says why.

/** Default of the `inspectionReports.analysis.maxSizeMB` setting: about ten times the longest real report. */
export const DEFAULT_MAX_ANALYSED_MB = 2;

export type SizeVerdict = { analyse: true } | { analyse: false; sizeMB: number; limitMB: number; message: string };

/**
 * Whether a document of `length` UTF-16 code units is analysed under a limit of `limitMB` megabytes
 * (one code unit counted as one byte; 0, a negative number or a non-number means "no limit").
 */
export function analysisSizeVerdict(length: number, limitMB: unknown, fileName: string): SizeVerdict {
  const limit = typeof limitMB === 'number' && Number.isFinite(limitMB) ? limitMB : DEFAULT_MAX_ANALYSED_MB;
  if (limit <= 0 || length <= limit * 1_000_000) return { analyse: true };
  const sizeMB = Math.round(length / 100_000) / 10;
  return {
    analyse: false,
    sizeMB,
    limitMB: limit,
    message:
      `${fileName} is ${sizeMB} MB, over the ${limit} MB limit for recognising a report, so it was not analysed ` +
      '(no outline, grade colours, navigation or tags for it) to keep the editor responsive. ' +
      'Raise the setting "inspectionReports.analysis.maxSizeMB" (0 for no limit) to analyse it anyway.',
  };
}
