// How aggregation reads a sidecar: the tags store's parser, with its error reduced to the message
// (aggregation only lists it). Injectable so tests and tools can substitute another reader.

import { parseSidecar } from '../tags/sidecar/sidecarParser';
import type { Sidecar } from '../tags/sidecar/sidecarModel';

export type SidecarParseResult =
  | {
      ok: true;
      sidecar: Sidecar;
      warnings: string[];
      /** Present for a file from a newer version (read as far as understood); `notice` explains it to the user. */
      newerVersion?: { notice?: string };
    }
  | { ok: false; error: string };

export type SidecarParser = (text: string, fileName: string) => SidecarParseResult;

export const readSidecarForEvidence: SidecarParser = (text, fileName) => {
  const result = parseSidecar(text, fileName);
  if (!result.ok) return { ok: false, error: result.error.message };
  if (!result.readOnly) return { ok: true, sidecar: result.sidecar, warnings: result.warnings };
  // The parser makes a file read-only only when a newer version wrote it, and explains that in its first warning.
  const [notice, ...warnings] = result.warnings;
  return { ok: true, sidecar: result.sidecar, warnings, newerVersion: notice === undefined ? {} : { notice } };
};
