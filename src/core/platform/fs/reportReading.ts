// The one way a report file becomes text, over any IFileSystem: only a regular file, no larger than the limit,
// decoded by reportDecoding.ts. The command line, the sidecar store (for the text hash) and aggregation all read
// reports here, so they agree on the text and on its hash.

import { decodeReportBytes } from '../text/reportDecoding';
import { describeFileFault, type FileFaultKind, ReportReadError, shownPath } from './fileFaults';
import { MAX_TEXT_FILE_BYTES, type IFileSystem } from './fileSystem';

export type ReportReadOutcome =
  | { ok: true; text: string; /** E.g. "not valid UTF-8 …; read as Windows-1252", without the path. */ warning?: string }
  | { ok: false; kind: FileFaultKind; /** One line naming the file. */ message: string; error?: unknown };

export interface ReportReadOptions {
  /** Bytes; default MAX_TEXT_FILE_BYTES. */
  maxBytes?: number;
}

export async function readReport(fs: IFileSystem, path: string, options: ReportReadOptions = {}): Promise<ReportReadOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readBytes(path, options.maxBytes ?? MAX_TEXT_FILE_BYTES);
  } catch (error) {
    const fault = describeFileFault(error, path);
    if (!fault) throw error;
    // A directory given as a report is a mistake in the command, not a directory in the way.
    const message = fault.kind === 'is-directory' ? `${shownPath(path)}: is a directory, not a report file` : fault.message;
    return { ok: false, kind: fault.kind, message, error };
  }
  const decoded = decodeReportBytes(bytes);
  if (!decoded.ok) return { ok: false, kind: 'not-text', message: `${shownPath(path)}: ${decoded.reason}` };
  return decoded.warning ? { ok: true, text: decoded.text, warning: decoded.warning } : { ok: true, text: decoded.text };
}

/** The report's decoded text; rejects with a ReportReadError (a one-line message) when it cannot be read as text. */
export async function readReportText(fs: IFileSystem, path: string, options: ReportReadOptions = {}): Promise<string> {
  const read = await readReport(fs, path, options);
  if (read.ok) return read.text;
  const code = read.kind === 'not-text' ? 'ENOTTEXT' : String((read.error as { code?: unknown }).code);
  throw new ReportReadError(read.kind, read.message, code, path);
}
