// Where the checker gets the reports a draft cites and their tags: an interface, so the editor can serve open
// documents and tests an in-memory file system; fileSystemSources reads them over any IFileSystem the way the
// rest of the core does (readReportText for the report, parseSidecar for its tags file).

import * as path from 'node:path';
import type { IFileSystem } from '../platform/fs/fileSystem';
import { isNotFound } from '../platform/fs/fileSystem';
import { ReportReadError, describeFileFault, shownPath } from '../platform/fs/fileFaults';
import { readReportText } from '../platform/fs/reportReading';
import { parseSidecar } from '../tags/sidecar/sidecarParser';
import { SIDECAR_SUFFIX, type Sidecar } from '../tags/sidecar/sidecarModel';

export type SourceRead<T> = { ok: true; value: T } | { ok: false; message: string };

export interface DraftSources {
  /** The report's text; a failure says why in one line naming the file. */
  readReport(reportPath: string): Promise<SourceRead<string>>;
  /** The report's tags; `undefined` value when the report has no tags file. */
  readSidecar(reportPath: string): Promise<SourceRead<Sidecar | undefined>>;
}

/** The absolute path of a report cited from a draft (report paths are relative to the draft's folder). */
export function citedReportPath(draftPath: string, reportPath: string): string {
  return path.resolve(path.dirname(draftPath), reportPath);
}

export function fileSystemSources(fs: IFileSystem): DraftSources {
  return {
    async readReport(reportPath) {
      try {
        return { ok: true, value: await readReportText(fs, reportPath) };
      } catch (error) {
        if (error instanceof ReportReadError) return { ok: false, message: error.message };
        const fault = describeFileFault(error, reportPath);
        if (fault) return { ok: false, message: fault.message };
        throw error;
      }
    },
    async readSidecar(reportPath) {
      const sidecarPath = reportPath + SIDECAR_SUFFIX;
      let text: string;
      try {
        text = await fs.readFile(sidecarPath);
      } catch (error) {
        if (isNotFound(error)) return { ok: true, value: undefined };
        const fault = describeFileFault(error, sidecarPath);
        return { ok: false, message: fault ? fault.message : `${shownPath(sidecarPath)}: cannot be read` };
      }
      const parsed = parseSidecar(text, path.basename(sidecarPath));
      return parsed.ok ? { ok: true, value: parsed.sidecar } : { ok: false, message: parsed.error.message };
    },
  };
}
