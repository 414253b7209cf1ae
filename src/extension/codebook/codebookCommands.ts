// Codebook commands: open the workspace codebook, add, rename, recolour and merge themes. Each edits
// `.inspection-codebook.json` in place through the core's themeOperations (comments and order kept);
// rename and merge also change the tags already written in every sidecar of the workspace, through
// the core sidecar store (which merges with what is on disk and never overwrites a malformed or
// newer-version file: those are reported as skipped, and keep the old theme until fixed).

import * as vscode from 'vscode';
import { basename } from 'node:path';
import { addTheme, type Codebook, CODEBOOK_FILE_NAME, defaultCodebook, FALLBACK_COLOURS, mergeThemeInSidecar, mergeThemes, normaliseColour, parseSidecar, recolourTheme, renameTheme, renameThemeInSidecar, resolveCodebook, type Sidecar, SIDECAR_SUFFIX, SidecarStore, type Theme, type ThemeOperationResult } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';

/**
 * Written as `$schema` in a new codebook file. The schema's own $id (an https address that does not exist)
 * would make the JSON editor try, and fail, to download it; this scheme is served by the extension from
 * the schema it bundles. (jsonValidation in package.json also maps the file by name.)
 */
export const SCHEMA_SCHEME = 'inspection-report-annotator';
export const CODEBOOK_SCHEMA_URI = `${SCHEMA_SCHEME}:/schemas/codebook.schema.json`;
const SERVED_SCHEMAS = new Set(['/schemas/codebook.schema.json', '/schemas/tags.schema.json']);

export interface SidecarUpdateReport {
  /** Sidecar file names that were changed, with the number of tags changed in each. */
  updated: { file: string; tags: number }[];
  /** Sidecars left as they were, and why. */
  skipped: { file: string; message: string }[];
}

export interface CodebookCommandResult extends Partial<SidecarUpdateReport> {
  ok: boolean;
  message: string;
}

type ThemeArg = { themeId?: string } | undefined;

export class CodebookCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables = [
      vscode.workspace.registerTextDocumentContentProvider(SCHEMA_SCHEME, { provideTextDocumentContent: (uri) => this.schemaText(uri) }),
      vscode.commands.registerCommand('inspectionReports.codebook.open', () => this.open()),
      vscode.commands.registerCommand('inspectionReports.codebook.addTheme', (args?: AddArgs) => this.addTheme(args)),
      vscode.commands.registerCommand('inspectionReports.codebook.renameTheme', (args?: ThemeArg & { label?: string }) => this.renameTheme(fromTreeNode(args))),
      vscode.commands.registerCommand('inspectionReports.codebook.recolourTheme', (args?: ThemeArg & { colour?: string }) => this.recolourTheme(fromTreeNode(args))),
      vscode.commands.registerCommand('inspectionReports.codebook.mergeThemes', (args?: ThemeArg & { intoId?: string; confirmed?: boolean }) => this.mergeThemes(fromTreeNode(args))),
    ];
  }

  /** Opens `.inspection-codebook.json`, creating it (extending the built-in codebook) if it is missing. */
  async open(): Promise<vscode.TextEditor | undefined> {
    const uri = this.fileUri();
    if (!uri) return undefined;
    if ((await this.readFile(uri)) === undefined) {
      const text = `${JSON.stringify({ $schema: CODEBOOK_SCHEMA_URI, mode: 'extend', groups: [], themes: [], hide: [] }, null, 2)}\n`;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    }
    return vscode.window.showTextDocument(uri, { preview: false });
  }

  async addTheme(args: AddArgs = {}): Promise<CodebookCommandResult | undefined> {
    const codebook = await this.current();
    if (!codebook) return undefined;
    const group = args.group ?? (await pickGroup(codebook));
    if (group === undefined) return undefined;
    const label = args.label ?? (await vscode.window.showInputBox({ title: 'Add Theme: label', prompt: 'The theme\'s name, as it will be shown in pickers and the Tags view', validateInput: (v) => (v.trim() === '' ? 'A theme needs a label.' : undefined) }));
    if (label === undefined) return undefined;
    let colour = args.colour;
    if (colour === undefined && args.label === undefined) {
      colour = await pickColour('Add Theme: colour');
      if (colour === undefined) return undefined;
      if (colour === '') colour = undefined;
    }
    let cues = args.cues;
    if (cues === undefined && args.label === undefined) {
      const typed = await vscode.window.showInputBox({ title: 'Add Theme: cue phrases (optional)', prompt: 'Phrases that suggest the theme, separated by commas (e.g. "family hub*, start for life"). Leave empty for none.' });
      if (typed === undefined) return undefined;
      cues = typed.split(',').map((c) => c.trim()).filter((c) => c !== '');
    }
    return this.editCodebook((text) => addTheme(text, defaultCodebook(), { label, group, ...(colour ? { colour } : {}), ...(cues?.length ? { cues } : {}), ...(args.description ? { description: args.description } : {}) }), `Added the theme "${label.trim()}".`);
  }

  async renameTheme(args: ThemeArg & { label?: string } = {}): Promise<CodebookCommandResult | undefined> {
    const codebook = await this.current();
    if (!codebook) return undefined;
    const theme = await this.theme(codebook, args?.themeId, 'Rename Theme: which theme?');
    if (!theme) return undefined;
    const label = args?.label ?? (await vscode.window.showInputBox({ title: `Rename Theme "${theme.label}"`, value: theme.label, prompt: 'The new label. The theme keeps its id, so existing tags stay attached; their stored label is updated too.', validateInput: (v) => (v.trim() === '' ? 'A theme needs a label.' : undefined) }));
    if (label === undefined) return undefined;
    const newLabel = label.trim();
    const edited = await this.editCodebook((text) => renameTheme(text, defaultCodebook(), theme.id, newLabel), `Renamed "${theme.label}" to "${newLabel}".`, false);
    if (!edited?.ok) return edited;
    const now = new Date().toISOString();
    const report = await this.updateSidecars(theme.id, (s) => renameThemeInSidecar(s, theme.id, newLabel, now));
    return this.announce(`Renamed "${theme.label}" to "${newLabel}".`, report);
  }

  async recolourTheme(args: ThemeArg & { colour?: string } = {}): Promise<CodebookCommandResult | undefined> {
    const codebook = await this.current();
    if (!codebook) return undefined;
    const theme = await this.theme(codebook, args?.themeId, 'Change Theme Colour: which theme?');
    if (!theme) return undefined;
    const colour = args?.colour ?? (await pickColour(`Colour of "${theme.label}" (now ${theme.colour})`, false));
    if (!colour) return undefined;
    return this.editCodebook((text) => recolourTheme(text, defaultCodebook(), theme.id, colour), `"${theme.label}" is now ${normaliseColour(colour) ?? colour}.`);
  }

  async mergeThemes(args: ThemeArg & { intoId?: string; confirmed?: boolean } = {}): Promise<CodebookCommandResult | undefined> {
    const codebook = await this.current();
    if (!codebook) return undefined;
    const from = await this.theme(codebook, args?.themeId, 'Merge Themes: the theme to merge away');
    if (!from) return undefined;
    const into = await this.theme(codebook, args?.intoId, `Merge "${from.label}" into…`, from.id);
    if (!into) return undefined;
    if (!args?.confirmed) {
      const { tags, files } = await this.countTags(from.id);
      const affected = tags === 0 ? `No tag uses "${from.label}" yet.` : `${tags} tag${tags === 1 ? '' : 's'} in ${files} report${files === 1 ? '' : 's'} will get "${into.label}" instead.`;
      const ok = await vscode.window.showWarningMessage(
        `Merge "${from.label}" into "${into.label}"? ${affected} "${from.label}" leaves the codebook, and its cue phrases join "${into.label}".`,
        { modal: true },
        'Merge',
      );
      if (ok !== 'Merge') return undefined;
    }
    const edited = await this.editCodebook((text) => mergeThemes(text, defaultCodebook(), from.id, into.id), '', false);
    if (!edited?.ok) return edited;
    const now = new Date().toISOString();
    const report = await this.updateSidecars(from.id, (s) => mergeThemeInSidecar(s, from.id, { id: into.id, label: into.label }, now));
    return this.announce(`Merged "${from.label}" into "${into.label}".`, report);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  // ---- internals ----

  private async schemaText(uri: vscode.Uri): Promise<string> {
    if (!SERVED_SCHEMAS.has(uri.path)) throw new Error(`${uri.toString()} is not a schema of the Inspection Report Annotator.`);
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...uri.path.slice(1).split('/'))));
  }

  private fileUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showErrorMessage(`The codebook is kept in ${CODEBOOK_FILE_NAME} at the root of a workspace folder: open a folder first.`);
      return undefined;
    }
    return vscode.Uri.joinPath(folder.uri, CODEBOOK_FILE_NAME);
  }

  /** Read from the file now (not from a cache a watcher refreshes later), so one command can follow another. */
  private async current(): Promise<Codebook | undefined> {
    const uri = this.fileUri();
    if (!uri) return undefined;
    return resolveCodebook(defaultCodebook(), await this.readFile(uri)).codebook;
  }

  private async theme(codebook: Codebook, themeId: string | undefined, title: string, except?: string): Promise<Theme | undefined> {
    const all = codebook.groups.flatMap((g) => g.themes.map((t) => ({ theme: t, group: g.label })));
    if (themeId !== undefined) {
      const found = all.find((x) => x.theme.id === themeId)?.theme;
      if (!found) void vscode.window.showErrorMessage(`There is no theme "${themeId}" in the codebook.`);
      return found;
    }
    type Item = vscode.QuickPickItem & { theme?: Theme };
    const items: Item[] = [];
    let lastGroup: string | undefined;
    for (const { theme, group } of all) {
      if (theme.id === except) continue;
      if (group !== lastGroup) items.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
      lastGroup = group;
      items.push({ label: theme.label, description: theme.id, ...(theme.description ? { detail: theme.description } : {}), theme });
    }
    return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.theme;
  }

  private async readFile(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
      throw err;
    }
  }

  /** Applies a theme operation to the file and writes it; a file with unsaved changes in an editor is not touched. */
  private async editCodebook(operation: (text: string | undefined) => ThemeOperationResult, done: string, announce = true): Promise<CodebookCommandResult | undefined> {
    const uri = this.fileUri();
    if (!uri) return undefined;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) {
      const message = `${CODEBOOK_FILE_NAME} has unsaved changes in an editor; save or revert them first, so that neither change is lost.`;
      void vscode.window.showErrorMessage(message);
      return { ok: false, message };
    }
    const result = operation(await this.readFile(uri));
    if (!result.ok) {
      void vscode.window.showErrorMessage(result.message);
      return { ok: false, message: result.message };
    }
    if (result.changed) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
    if (announce && done) void vscode.window.showInformationMessage(done);
    return { ok: true, message: done };
  }

  /** How many tags (and tags files) use a theme, for the confirmation; unreadable files are not counted. */
  private async countTags(themeId: string): Promise<{ tags: number; files: number }> {
    let tags = 0;
    let files = 0;
    for (const uri of await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`)) {
      const text = await this.readFile(uri).catch(() => undefined);
      if (text === undefined || !text.includes(JSON.stringify(themeId))) continue;
      const parsed = parseSidecar(text, basename(uri.path));
      const n = parsed.ok ? parsed.sidecar.tags.filter((t) => t.themes.some((th) => th.id === themeId)).length : 0;
      tags += n;
      if (n > 0) files++;
    }
    return { tags, files };
  }

  /** Rewrites every sidecar mentioning the theme through the core store; malformed ones are skipped. */
  private async updateSidecars(themeId: string, change: (s: Sidecar) => { sidecar: Sidecar; tagsChanged: number }): Promise<SidecarUpdateReport> {
    const report: SidecarUpdateReport = { updated: [], skipped: [] };
    const uris = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`);
    for (const sidecarUri of uris) {
      const file = vscode.workspace.asRelativePath(sidecarUri);
      const folder = vscode.workspace.getWorkspaceFolder(sidecarUri);
      if (!folder) continue;
      let text: string | undefined;
      try {
        text = await this.readFile(sidecarUri);
      } catch (err) {
        report.skipped.push({ file, message: `could not be read: ${describe(err)}` });
        continue;
      }
      // Only files that name the theme are opened for writing (a quick, safe filter: ids are written as JSON strings).
      if (text === undefined || !text.includes(JSON.stringify(themeId))) continue;
      const fs = new VscodeFileSystem(folder.uri);
      const store = new SidecarStore(fs, { allowedRoots: [fs.pathOf(folder.uri)] });
      const reportPath = fs.pathOf(sidecarUri).slice(0, -SIDECAR_SUFFIX.length);
      let tags = 0;
      try {
        const saved = await store.save(reportPath, (s) => {
          const out = change(s);
          tags = out.tagsChanged;
          return out.sidecar;
        });
        if (saved.status === 'written') report.updated.push({ file, tags });
      } catch (err) {
        report.skipped.push({ file, message: describe(err) });
      }
    }
    return report;
  }

  private announce(what: string, report: SidecarUpdateReport): CodebookCommandResult {
    const tags = report.updated.reduce((n, u) => n + u.tags, 0);
    const summary = report.updated.length === 0 ? `${what} No tags needed changing.` : `${what} Updated ${tags} tag${tags === 1 ? '' : 's'} in ${report.updated.length} tags file${report.updated.length === 1 ? '' : 's'}.`;
    this.log.info(`${summary} ${report.updated.map((u) => u.file).join(', ')}`);
    if (report.skipped.length > 0) {
      for (const s of report.skipped) this.log.warn(`Skipped ${s.file}: ${s.message}`);
      const names = report.skipped.map((s) => basename(s.file)).join(', ');
      void vscode.window.showWarningMessage(`${summary} ${report.skipped.length} tags file${report.skipped.length === 1 ? ' was' : 's were'} left unchanged because ${report.skipped.length === 1 ? 'it' : 'they'} cannot be written (${names}); their tags keep the old theme until the file is fixed and the command run again. Details are in the Inspection Reports output.`);
    } else {
      void vscode.window.showInformationMessage(summary);
    }
    return { ok: true, message: summary, ...report };
  }
}

/**
 * From the Tags view's context menu the argument is the theme's tree node, whose `label` and `colour` are
 * the current ones, not answers: keep only which theme, and ask the rest.
 */
function fromTreeNode<T extends object>(args: (T & { kind?: unknown; themeId?: string }) | undefined): T | { themeId?: string } | undefined {
  if (args && 'kind' in args) return { themeId: args.themeId };
  return args;
}

interface AddArgs {
  label?: string;
  group?: string;
  colour?: string;
  cues?: string[];
  description?: string;
}

async function pickGroup(codebook: Codebook): Promise<string | undefined> {
  const items = codebook.groups.map((g) => ({ label: g.label, description: g.id, ...(g.description ? { detail: g.description } : {}), id: g.id }));
  return (await vscode.window.showQuickPick(items, { title: 'Add Theme: which group?', matchOnDescription: true }))?.id;
}

/** A colour from the palette, or one typed as #rrggbb. '' = let the codebook choose (only when `optional`). */
async function pickColour(title: string, optional = true): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { colour?: string };
  const items: Item[] = [
    ...(optional ? [{ label: 'Automatic', description: 'a colour chosen from the theme\'s id', colour: '' }] : []),
    ...FALLBACK_COLOURS.map((c) => ({ label: c, colour: c })),
    { label: 'Other colour…', description: 'type #rrggbb' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title });
  if (!picked) return undefined;
  if (picked.colour !== undefined) return picked.colour;
  return vscode.window.showInputBox({ title, prompt: 'A colour as #rrggbb, of middle lightness so it reads on light and dark backgrounds', validateInput: (v) => (normaliseColour(v) ? undefined : 'Write the colour as #rrggbb, e.g. #3f7fbf.') });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
