// How aggregation reads a sidecar: the tags store's parser, with its error reduced to the message
// (aggregation only lists it). Injectable so tests and tools can substitute another reader.

import { parseSidecar } from '../tags/sidecar/sidecarParser';
import type { Sidecar } from '../tags/sidecar/sidecarModel';

export type SidecarParseResult =
  | { ok: true; sidecar: Sidecar; readOnly: boolean; warnings: string[] }
  | { ok: false; error: string };

export type SidecarParser = (text: string, fileName: string) => SidecarParseResult;

export const readSidecarForEvidence: SidecarParser = (text, fileName) => {
  const result = parseSidecar(text, fileName);
  return result.ok ? result : { ok: false, error: result.error.message };
};
