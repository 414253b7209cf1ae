// Tagging in the editor, wired together: the sidecar service, the codebook, the commands, decorations, hover
// and code actions. extension.ts calls registerTagging once.

import * as vscode from 'vscode';
import type { SessionStatus, Tag, ThemeDecoration } from '../../core';
import type { ReportDocuments } from '../platform/reportDocuments';
import { SidecarService } from './sidecarService';
import { TagCodebook } from '../codebook/tagCodebook';
import { registerTagCodeActions } from './tagCodeActions';
import { registerTagCommands } from './tagCommands';
import { TagDecorations } from './tagDecorations';
import { registerTagHover } from './tagHover';

export interface Tagging {
  readonly sidecars: SidecarService;
  readonly codebooks: TagCodebook;
  readonly decorations: TagDecorations;
}

/** What the editor holds for one report: its tagging status, its tags and the decorations drawn for them. */
export interface EditorTags {
  status: SessionStatus | undefined;
  tags: readonly Tag[] | undefined;
  decorations: readonly ThemeDecoration[];
}

/**
 * What the editor holds for the report at `uri` (a URI or its string form). When the report is open, waits for
 * its tags file to be read, so the caller sees the loaded state rather than 'loading'.
 */
export async function editorTagsFor(tagging: Tagging, uri: vscode.Uri | string): Promise<EditorTags> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  // A tags file that cannot be read shows in the status, which is what the caller asks for.
  if (open) await tagging.sidecars.sessionFor(open).catch(() => undefined);
  return { status: tagging.sidecars.statusFor(key), tags: tagging.sidecars.tagsFor(key), decorations: tagging.decorations.appliedFor(key) };
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
  );
  return { sidecars, codebooks, decorations };
}
