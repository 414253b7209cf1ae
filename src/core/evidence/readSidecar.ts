// Stage 1 of collecting evidence: read a report's sidecar and say, as typed problems, what stood in the way.

import type { IFileSystem } from '../platform/fs/fileSystem';
import type { Sidecar } from '../tags/sidecar/sidecarModel';
import { baseName } from './evidenceFiles';
import type { CollectionProblem } from './evidenceProblems';
import type { SidecarParser } from './sidecarReading';

export interface SidecarStage {
  /** Absent when there is no sidecar, or it cannot be used. */
  sidecar?: Sidecar;
  problems: CollectionProblem[];
}

export async function readSidecar(sidecarPath: string | undefined, fs: IFileSystem, parse: SidecarParser): Promise<SidecarStage> {
  if (sidecarPath === undefined) return { problems: [] };
  let text: string;
  try {
    text = await fs.readFile(sidecarPath);
  } catch (error) {
    return { problems: [{ kind: 'unreadable-sidecar', path: sidecarPath, reason: (error as Error).message }] };
  }
  return interpretSidecar(sidecarPath, text, parse);
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
