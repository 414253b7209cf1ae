// Reads a report file for the command line through the core's one report reader (regular files only, bounded,
// decoded as everywhere else), turning every way that can fail into one clear sentence plus a distinct exit code.

import { NodeFileSystem, readReport } from '../core';
import { exitForFault } from './exitCodes';

export { decodeReportBytes, type DecodeOutcome } from '../core';

export type ReadOutcome =
  | { ok: true; text: string; /** Something the user should know, e.g. the file was not UTF-8. */ warning?: string }
  | { ok: false; exitCode: number; message: string };

export async function readReportFile(path: string): Promise<ReadOutcome> {
  const read = await readReport(new NodeFileSystem(), path);
  if (!read.ok) return { ok: false, exitCode: exitForFault(read.kind), message: read.message };
  return read.warning ? { ok: true, text: read.text, warning: `${path}: ${read.warning}` } : { ok: true, text: read.text };
}
