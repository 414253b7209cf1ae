// Export commands: evidence as CSV / Markdown / JSON / REFI-QDA project, the codebook as .qdc, and a .qdc
// imported as the workspace codebook. Formats are the core's; this file picks the evidence (the Evidence view's,
// filtered as shown, or the workspace's), asks where to save, and writes through vscode.workspace.fs.
//
// Where files may go: a path the user picks in the save dialog is written wherever it is (an explicit choice).
// A path given by a caller (a keybinding, another extension, a test) must be inside a workspace folder;
// anything else is refused, so a command argument can never make the extension write outside the workspace.

import * as vscode from 'vscode';
import { CODEBOOK_FILE_NAME, codebookFileText, defaultCodebook, type EvidenceFilter, exportCsv, exportJson, exportMarkdown, exportQdc, exportQdpx, importQdc, readQdpxTexts, narrowEvidence, resolveCodebook, sanitiseFilter } from '../../core';
import { collectFolders, EvidencePanel, workspaceFolderUris, type CollectedEvidence, type ExportFormat } from '../evidence/evidencePanel';
import type { TagCodebook } from '../codebook/tagCodebook';
import { evidenceForCoder } from '../coders/exportCoder';

export const EXPORT_COMMANDS: Record<ExportFormat, string> = {
  csv: 'inspectionReports.exportEvidenceCsv',
  markdown: 'inspectionReports.exportEvidenceMarkdown',
  json: 'inspectionReports.exportEvidenceJson',
  qdpx: 'inspectionReports.exportEvidenceQdpx',
};
export const EXPORT_CODEBOOK_COMMAND = 'inspectionReports.exportCodebook';
export const IMPORT_CODEBOOK_COMMAND = 'inspectionReports.importCodebook';

/** Arguments a caller may pass instead of answering dialogs. */
export interface ExportArgs {
  /** Where to write; must be inside a workspace folder. */
  target?: vscode.Uri | string;
  /** Folders to collect (default: the Evidence view's folders and filter when it is open, else every workspace folder). */
  folders?: Array<vscode.Uri | string>;
  filter?: EvidenceFilter;
  /** Only this coder's passages (the tags' author; "agreed" for a settled moderation). */
  coder?: string;
}

export interface ImportCodebookArgs {
  source?: vscode.Uri | string;
  /** Replace an existing codebook file without asking. */
  confirmed?: boolean;
}

/** What an export command returns (undefined when cancelled or refused). */
export interface ExportResult {
  target: string;
  passages: number;
  skipped: string[];
}

const FORMATS: Record<ExportFormat, { name: string; extension: string; filter: string }> = {
  csv: { name: 'CSV', extension: 'csv', filter: 'CSV (spreadsheet)' },
  markdown: { name: 'Markdown', extension: 'md', filter: 'Markdown' },
  json: { name: 'JSON', extension: 'json', filter: 'JSON' },
  qdpx: { name: 'REFI-QDA project', extension: 'qdpx', filter: 'REFI-QDA project' },
};

function toUri(value: vscode.Uri | string): vscode.Uri {
  if (typeof value !== 'string') return value;
  return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

/** True when `uri` is a workspace folder or inside one (same scheme and authority, path below it). */
export function isInsideWorkspace(uri: vscode.Uri): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => {
    const root = folder.uri;
    if (root.scheme !== uri.scheme || root.authority !== uri.authority) return false;
    const base = root.path.endsWith('/') ? root.path : root.path + '/';
    const path = uri.path.split('/').reduce<string[]>((parts, seg) => (seg === '..' ? parts.slice(0, -1) : seg === '.' ? parts : [...parts, seg]), []).join('/');
    return path === root.path || path.startsWith(base);
  });
}

/**
 * Where to write: the caller's target (only inside the workspace), else the save dialog, opening in the
 * first workspace folder. undefined when the user cancelled or the target was refused (the user is told).
 */
async function chooseTarget(args: { target?: vscode.Uri | string } | undefined, defaultName: string, filter: { label: string; extensions: string[] }, title: string): Promise<vscode.Uri | undefined> {
  if (args?.target) {
    const target = toUri(args.target);
    if (!isInsideWorkspace(target)) {
      void vscode.window.showErrorMessage(`Not written: ${target.toString(true)} is outside the workspace folder. Choose the place in the save dialog to write outside the workspace.`);
      return undefined;
    }
    return target;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title,
    saveLabel: 'Export',
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, defaultName) } : {}),
    filters: { [filter.label]: filter.extensions },
  });
}

async function evidenceFor(args: ExportArgs | undefined): Promise<CollectedEvidence | undefined> {
  let collected: CollectedEvidence | undefined;
  let filter: EvidenceFilter = {};
  if (args?.folders && args.folders.length > 0) {
    collected = await collectFolders(args.folders.map(toUri));
  } else if (EvidencePanel.open) {
    // Palette exports while the view is open take what it shows.
    await EvidencePanel.open.settled();
    collected = EvidencePanel.open.filtered();
  } else {
    const folders = workspaceFolderUris();
    if (folders.length === 0) {
      void vscode.window.showErrorMessage('Open a folder of inspection reports first: evidence is collected from the workspace folders.');
      return undefined;
    }
    collected = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Collecting evidence…' }, () => collectFolders(folders));
  }
  if (args?.filter) filter = sanitiseFilter(args.filter);
  return collected && { ...collected, set: narrowEvidence(collected.set, filter) };
}

async function codebookForFolder(codebooks: TagCodebook, folder: vscode.Uri | undefined) {
  return folder ? codebooks.codebookFor(vscode.Uri.joinPath(folder, CODEBOOK_FILE_NAME)) : defaultCodebook();
}

/** Writes one export of evidence already collected (and filtered). */
export async function writeEvidenceExport(format: ExportFormat, evidence: CollectedEvidence, codebooks: TagCodebook, args?: ExportArgs): Promise<ExportResult | undefined> {
  const spec = FORMATS[format];
  // Without arguments (the palette, the Evidence view's buttons) the user picks a coder when there are several.
  const set = await evidenceForCoder(evidence.set, typeof args?.coder === 'string' ? args.coder : undefined, args === undefined);
  if (!set) return undefined;
  const target = await chooseTarget(args, `evidence.${spec.extension}`, { label: spec.filter, extensions: [spec.extension] }, `Export Evidence as ${spec.name}`);
  if (!target) return undefined;
  let bytes: Uint8Array;
  let skipped: string[] = [];
  if (format === 'qdpx') {
    const codebook = await codebookForFolder(codebooks, vscode.workspace.getWorkspaceFolder(target)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri);
    // The project holds each report whole: read now, as the collection keeps no texts.
    const { texts, problems } = await readQdpxTexts(set, evidence.fs);
    const project = exportQdpx(set, { texts, codebook });
    bytes = project.bytes;
    skipped = [...problems, ...project.skipped];
  } else {
    const text = format === 'csv' ? exportCsv(set) : format === 'markdown' ? exportMarkdown(set) : exportJson(set);
    bytes = new TextEncoder().encode(text);
  }
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not write ${target.toString(true)}: ${(error as Error).message}`);
    return undefined;
  }
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const note = skipped.length ? ` ${skipped.length} passage(s) or report(s) left out (orphaned or without text); see the Inspection Reports output.` : '';
  void vscode.window.showInformationMessage(`Exported ${set.items.length} passage${set.items.length === 1 ? '' : 's'} to ${name}.${note}`, ...(format === 'qdpx' ? [] : ['Open'])).then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(target);
  });
  return { target: target.toString(), passages: set.items.length, skipped };
}

export function registerExportCommands(codebooks: TagCodebook, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const exportCommand = (format: ExportFormat) =>
    vscode.commands.registerCommand(EXPORT_COMMANDS[format], async (args?: ExportArgs) => {
      const evidence = await evidenceFor(args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : undefined);
      if (!evidence) return undefined;
      const result = await writeEvidenceExport(format, evidence, codebooks, args);
      for (const s of result?.skipped ?? []) log.warn(`Export: ${s}`);
      return result;
    });

  return [
    ...(Object.keys(EXPORT_COMMANDS) as ExportFormat[]).map(exportCommand),
    vscode.commands.registerCommand(EXPORT_CODEBOOK_COMMAND, async (args?: { target?: vscode.Uri | string }) => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const codebook = await codebookForFolder(codebooks, folder);
      let xml: string;
      try {
        xml = exportQdc(codebook);
      } catch (error) {
        void vscode.window.showErrorMessage((error as Error).message);
        return undefined;
      }
      const target = await chooseTarget(args, 'codebook.qdc', { label: 'REFI-QDA codebook', extensions: ['qdc'] }, 'Export Codebook');
      if (!target) return undefined;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(xml));
      void vscode.window.showInformationMessage(`Exported the codebook (${codebook.groups.reduce((n, g) => n + g.themes.length, 0)} themes) to ${target.path.slice(target.path.lastIndexOf('/') + 1)}.`);
      return { target: target.toString() };
    }),
    vscode.commands.registerCommand(IMPORT_CODEBOOK_COMMAND, (args?: ImportCodebookArgs) => importCodebook(codebooks, log, args)),
  ];
}

async function importCodebook(codebooks: TagCodebook, log: vscode.LogOutputChannel, args?: ImportCodebookArgs): Promise<{ target: string; themes: number } | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    void vscode.window.showErrorMessage(`The codebook is kept in ${CODEBOOK_FILE_NAME} at the root of a workspace folder: open a folder first.`);
    return undefined;
  }
  let source = args?.source ? toUri(args.source) : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ title: 'Import Codebook from REFI-QDA (.qdc)', canSelectMany: false, defaultUri: folder, filters: { 'REFI-QDA codebook': ['qdc', 'qde', 'xml'] }, openLabel: 'Import' });
    source = picked?.[0];
  }
  if (!source) return undefined;
  let xml: string;
  try {
    xml = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not read ${source.toString(true)}: ${(error as Error).message}`);
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder, CODEBOOK_FILE_NAME);
  const result = importQdc(xml, { known: await codebooks.codebookFor(target) });
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Not imported: ${source.path.slice(source.path.lastIndexOf('/') + 1)} is not a codebook this can read. ${result.error}`);
    return undefined;
  }
  const themes = result.codebook.groups.reduce((n, g) => n + g.themes.length, 0);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (open?.isDirty) {
    void vscode.window.showErrorMessage(`${CODEBOOK_FILE_NAME} has unsaved changes in an editor; save or revert them first, so that neither change is lost.`);
    return undefined;
  }
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (exists && !args?.confirmed) {
    const choice = await vscode.window.showWarningMessage(
      `Replace the workspace codebook (${CODEBOOK_FILE_NAME}) with the ${themes} themes of ${source.path.slice(source.path.lastIndexOf('/') + 1)}?`,
      { modal: true, detail: 'The current file is replaced. Tags already made keep their theme ids and labels.' },
      'Replace',
    );
    if (choice !== 'Replace') return undefined;
  }
  const text = codebookFileText(result.codebook);
  // Read back through the same reader the editor uses, so a file this writes is never one it cannot read.
  const check = resolveCodebook(defaultCodebook(), text);
  if (check.problems.some((p) => p.severity === 'error')) {
    void vscode.window.showErrorMessage(`Not imported: the codebook would not read back (${check.problems[0]!.message}).`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  for (const w of result.warnings) log.warn(`Codebook import: ${w}`);
  void vscode.window.showInformationMessage(`Imported ${themes} themes into ${CODEBOOK_FILE_NAME}.${result.warnings.length ? ` ${result.warnings.length} warning(s) in the Inspection Reports output.` : ''}`);
  return { target: target.toString(), themes };
}
