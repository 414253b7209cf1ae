// Stage 1 of collecting evidence: read a report's sidecar and say, as typed problems, what stood in the way.

import { readFileStamped, type IFileSystem } from '../platform/fs/fileSystem';
import type { Sidecar } from '../tags/sidecar/sidecarModel';
import { parseCheckedSidecar } from '../tags/sidecar/sidecarParser';
import type { FileStamp } from './modelCache';
import { baseName } from './evidenceFiles';
import type { CollectionProblem } from './evidenceProblems';
import type { SidecarParser } from './sidecarReading';

export interface SidecarStage {
  /** Absent when there is no sidecar, or it cannot be used. */
  sidecar?: Sidecar;
  problems: CollectionProblem[];
  /** The file's size and time from before it was read, when it was read with them (for the saved analyses' stamps). */
  file?: FileStamp;
}

/**
 * Says whether a sidecar file with this size and time was read before and passed every check without a word
 * (reportStamps.ts): its bytes are then only parsed, not checked again.
 */
export type CheckedBefore = (file: FileStamp) => Promise<boolean>;

export async function readSidecar(sidecarPath: string | undefined, fs: IFileSystem, parse: SidecarParser, checkedBefore?: CheckedBefore): Promise<SidecarStage> {
  if (sidecarPath === undefined) return { problems: [] };
  let text: string;
  let file: FileStamp | undefined;
  try {
    if (checkedBefore) {
      const readAt = Date.now();
      const read = await readFileStamped(fs, sidecarPath);
      text = read.text;
      file = { size: read.size, mtime: read.mtime, readAt };
    } else text = await fs.readFile(sidecarPath);
  } catch (error) {
    return { problems: [{ kind: 'unreadable-sidecar', path: sidecarPath, reason: (error as Error).message }] };
  }
  if (!file) return interpretSidecar(sidecarPath, text, parse);
  // The schema and the other checks cost as much as the parse on a large file; the same bytes pass them again.
  const sidecar = (await checkedBefore!(file)) ? parseCheckedSidecar(text) : undefined;
  return sidecar ? { sidecar, problems: [], file } : { ...interpretSidecar(sidecarPath, text, parse), file };
}

/** A sidecar's text as tags, with its warnings; a malformed one costs only its own tags. */
export function interpretSidecar(sidecarPath: string, text: string, parse: SidecarParser): SidecarStage {
  const parsed = parse(text, baseName(sidecarPath));
  if (!parsed.ok) return { problems: [{ kind: 'malformed-sidecar', path: sidecarPath, explanation: parsed.error }] };
  const problems: CollectionProblem[] = [];
  if (parsed.newerVersion) {
    const { notice } = parsed.newerVersion;
    problems.push({ kind: 'newer-sidecar-version', path: sidecarPath, version: parsed.sidecar.version, ...(notice !== undefined ? { notice } : {}) });
  }
  for (const warning of parsed.warnings) problems.push({ kind: 'sidecar-warning', path: sidecarPath, warning });
  return { sidecar: parsed.sidecar, problems };
}
