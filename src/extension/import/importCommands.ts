// PDF import in the editor: the palette command (pick PDFs or a folder), the Explorer context menu on
// .pdf files and on folders. The text goes beside each PDF, inside the workspace only; an existing,
// different text is replaced only after a modal question (its tags are then re-anchored). A folder runs
// with progress and can be cancelled; files that could not be imported are listed in the summary.

import { dirname } from 'node:path';
import * as vscode from 'vscode';
import {
  defaultTextPath, folderImportText, type FolderImportResult, importOutcomeText, importPdfFile, importPdfFolder, type ImportPdfOutcome,
  PDF_IMPORT_MB_DEFAULT, PdfImportError, SidecarStore,
} from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';

export const IMPORT_PDF_COMMAND = 'inspectionReports.importPdf';
export const IMPORT_PDF_FOLDER_COMMAND = 'inspectionReports.importPdfFolder';

interface ImportContext {
  fs: VscodeFileSystem;
  store: SidecarStore;
  roots: string[];
  maxBytes: number;
}

/** The file system, the workspace folder the text must stay in, and the size limit for a PDF or folder; undefined (after saying why) when outside the workspace. */
function contextFor(uri: vscode.Uri): ImportContext | undefined {
  const fs = new VscodeFileSystem(uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder && vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} is outside the workspace folders, so its text would be too; nothing was imported. Move the PDF into the workspace first.`);
    return undefined;
  }
  // No folder open at all: the text goes beside the PDF, and nowhere else.
  const roots = folder ? [fs.pathOf(folder.uri)] : [dirname(fs.pathOf(uri))];
  const mb = vscode.workspace.getConfiguration('inspectionReports', uri).get<number>('import.maxSizeMB', PDF_IMPORT_MB_DEFAULT);
  return { fs, roots, store: new SidecarStore(fs, { allowedRoots: roots }), maxBytes: Math.max(0, mb) * 1048576 };
}

export function registerImportCommands(log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(IMPORT_PDF_COMMAND, async (uri?: vscode.Uri, selected?: vscode.Uri[]) => {
      const targets = selected?.length ? selected : uri instanceof vscode.Uri ? [uri] : await pickPdfs();
      for (const target of targets ?? []) {
        const stat = await vscode.workspace.fs.stat(target);
        if (stat.type & vscode.FileType.Directory) await importFolder(target, log);
        else await importOne(target, log, targets!.length === 1);
      }
    }),
    vscode.commands.registerCommand(IMPORT_PDF_FOLDER_COMMAND, async (uri?: vscode.Uri) => {
      const folder = uri instanceof vscode.Uri ? uri : (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Import PDFs' }))?.[0];
      if (folder) await importFolder(folder, log);
    }),
  ];
}

async function pickPdfs(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    canSelectFiles: true,
    canSelectFolders: true,
    filters: { 'PDF reports': ['pdf'] },
    openLabel: 'Import',
    title: 'Import PDF reports as text',
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
}

async function importOne(uri: vscode.Uri, log: vscode.LogOutputChannel, open: boolean): Promise<ImportPdfOutcome | undefined> {
  const ctx = contextFor(uri);
  if (!ctx) return undefined;
  const pdfPath = ctx.fs.pathOf(uri);
  const request = { pdfPath, targetPath: defaultTextPath(pdfPath), roots: ctx.roots, maxBytes: ctx.maxBytes, replace: false };
  let outcome: ImportPdfOutcome;
  try {
    outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Importing ${vscode.workspace.asRelativePath(uri)}` }, () => importPdfFile(ctx.fs, ctx.store, request));
  } catch (error) {
    if (!(error instanceof PdfImportError) || error.kind !== 'target-exists') return reportFailure(error, log);
    if (!(await confirmReplace([request.targetPath]))) return undefined;
    try {
      outcome = await importPdfFile(ctx.fs, ctx.store, { ...request, replace: true });
    } catch (again) {
      return reportFailure(again, log);
    }
  }
  log.info(importOutcomeText(outcome));
  if (open) await vscode.window.showTextDocument(ctx.fs.uriOf(outcome.targetPath), { preview: false });
  showOutcome(outcome);
  return outcome;
}

function reportFailure(error: unknown, log: vscode.LogOutputChannel): undefined {
  const message = error instanceof Error ? error.message : String(error);
  log.error(message);
  void vscode.window.showErrorMessage(message);
  return undefined;
}

async function confirmReplace(paths: string[]): Promise<boolean> {
  const names = paths.map((p) => vscode.workspace.asRelativePath(p));
  const shown = names.length === 1 ? names[0] : `${names.length} text files (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
  const answer = await vscode.window.showWarningMessage(
    `${shown} already exist${names.length === 1 ? 's' : ''}. Replace with the new import?`,
    { modal: true, detail: 'The old text is replaced; its tags are kept and found again in the new text (any that cannot be found are kept as orphaned, to re-attach or delete).' },
    'Replace',
  );
  return answer === 'Replace';
}

function showOutcome(outcome: ImportPdfOutcome): void {
  const name = vscode.workspace.asRelativePath(outcome.targetPath);
  if (outcome.status === 'unchanged') {
    void vscode.window.showInformationMessage(`${name} already holds this import; nothing was changed.`);
    return;
  }
  const tags = outcome.tags ? ` Tags: ${outcome.tags.summary.stayed} stayed, ${outcome.tags.summary.moved} moved, ${outcome.tags.summary.orphaned} orphaned.` : '';
  const text = `Imported ${outcome.pageCount} page${outcome.pageCount === 1 ? '' : 's'} into ${name}.${tags}${outcome.tagsProblem ? ` ${outcome.tagsProblem}` : ''}`;
  if (outcome.tags?.summary.orphaned || outcome.tagsProblem) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
}

async function importFolder(folder: vscode.Uri, log: vscode.LogOutputChannel): Promise<void> {
  const ctx = contextFor(folder);
  if (!ctx) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing the PDFs in ${vscode.workspace.asRelativePath(folder)}`, cancellable: true },
    (progress, token) =>
      importPdfFolder(ctx.fs, ctx.store, {
        folder: ctx.fs.pathOf(folder), roots: ctx.roots, maxBytes: ctx.maxBytes, replace: false,
        isCancelled: () => token.isCancellationRequested,
        onProgress: (done, total, pdf) => progress.report({ message: `${done + 1} of ${total}: ${vscode.workspace.asRelativePath(pdf)}`, increment: 100 / Math.max(1, total) }),
      }),
  );
  await replaceExisting(result, ctx);
  log.info(folderImportText(result));
  const text = `Imported ${result.imported.length} of ${result.total} PDF${result.total === 1 ? '' : 's'}${result.cancelled ? ' (cancelled)' : ''}.${result.failed.length ? ` ${result.failed.length} could not be imported.` : ''}`;
  const show = result.failed.length ? vscode.window.showWarningMessage(text, 'Show Details') : vscode.window.showInformationMessage(text, 'Show Details');
  if ((await show) === 'Show Details') log.show(true);
}

/** Texts that already existed are replaced after one modal question for all of them. */
async function replaceExisting(result: FolderImportResult, ctx: ImportContext): Promise<void> {
  const existing = result.failed.filter((f) => f.kind === 'target-exists');
  if (existing.length === 0 || result.cancelled || !(await confirmReplace(existing.map((f) => defaultTextPath(f.pdfPath))))) return;
  for (const failure of existing) {
    try {
      result.imported.push(await importPdfFile(ctx.fs, ctx.store, { pdfPath: failure.pdfPath, targetPath: defaultTextPath(failure.pdfPath), roots: ctx.roots, maxBytes: ctx.maxBytes, replace: true }));
      result.failed.splice(result.failed.indexOf(failure), 1);
    } catch (error) {
      failure.message = error instanceof Error ? error.message : String(error);
    }
  }
}
