// Tagging in the editor, wired together: the sidecar service, the codebook, the commands, decorations, hover
// and code actions. extension.ts calls registerTagging once.

import * as vscode from 'vscode';
import type { ReportDocuments } from '../platform/reportDocuments';
import { SidecarService } from './sidecarService';
import { TagCodebook } from '../codebook/tagCodebook';
import { registerTagCodeActions } from './tagCodeActions';
import { registerTagCommands } from './tagCommands';
import { TagDecorations } from './tagDecorations';
import { registerTagHover } from './tagHover';

/** Test-only query: what the editor holds for a report (tags, tagging status, decorations shown). */
export const DEBUG_TAGS_FOR_COMMAND = 'inspectionReports.debug.tagsFor';

export interface Tagging {
  readonly sidecars: SidecarService;
  readonly codebooks: TagCodebook;
  readonly decorations: TagDecorations;
}

export function registerTagging(context: vscode.ExtensionContext, reports: ReportDocuments, log: vscode.LogOutputChannel): Tagging {
  const codebooks = new TagCodebook(log);
  const sidecars = new SidecarService(reports, log);
  const decorations = new TagDecorations(sidecars, codebooks);
  context.subscriptions.push(
    codebooks,
    sidecars,
    decorations,
    ...registerTagCommands(reports, sidecars, codebooks, log),
    registerTagHover(sidecars),
    registerTagCodeActions(reports),
    vscode.commands.registerCommand(DEBUG_TAGS_FOR_COMMAND, async (uri: string | vscode.Uri) => {
      const key = uri.toString();
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      // Waits for the sidecar to be read, so a test sees the loaded state rather than 'loading'.
      if (open) await sidecars.sessionFor(open).catch(() => undefined);
      return { status: sidecars.statusFor(key), tags: sidecars.tagsFor(key), decorations: decorations.appliedFor(key) };
    }),
  );
  return { sidecars, codebooks, decorations };
}
