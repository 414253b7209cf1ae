// The tagging commands: Tag Selection… (theme quick pick grouped by codebook group, then an optional note),
// one-action tagging of the paragraph / area for improvement / judgement section at the cursor, and the
// per-tag commands the hover and the side views use (edit, remove, re-attach, delete orphan).
// Every command also takes its answers as arguments (themeIds, note), which skips the pickers: for scripts,
// keybindings with arguments, and tests.

import * as vscode from 'vscode';
import { basename } from 'node:path';
import { type Codebook, EDIT_TAG_COMMAND, LIST_ITEM_WORDS, REMOVE_TAG_COMMAND, type Tag, type TagCommandArgs, tagContext, TaggingPausedError, tagTargetAt, type TagTargetKind, type TagTheme, themePickEntries, themesForIds } from '../../core';
import type { ReportDocuments } from '../platform/reportDocuments';
import { describeShort, type SidecarService } from './sidecarService';
import type { TagCodebook } from '../codebook/tagCodebook';

export const TAG_SELECTION_COMMAND = 'inspectionReports.tagSelection';
export const TAG_TARGET_COMMANDS: Record<TagTargetKind, string> = {
  improvement: 'inspectionReports.tagImprovement',
  strength: 'inspectionReports.tagStrength',
  paragraph: 'inspectionReports.tagParagraph',
  'judgement-section': 'inspectionReports.tagJudgementSection',
};
/** For the message when the cursor is not in a passage of the kind asked for. */
const TARGET_KIND_NAMES: Record<TagTargetKind, string> = {
  improvement: `an ${LIST_ITEM_WORDS.improvement.phrase}`,
  strength: `a ${LIST_ITEM_WORDS.strength.phrase}`,
  paragraph: 'a numbered paragraph',
  'judgement-section': 'a judgement section',
};
export const REATTACH_TAG_COMMAND = 'inspectionReports.tags.reattach';
export const DELETE_ORPHAN_COMMAND = 'inspectionReports.tags.deleteOrphan';
export const REPAIR_SIDECAR_COMMAND = 'inspectionReports.tags.repairSidecar';

/** Answers given as arguments instead of through the pickers. */
export interface TagAnswers {
  themeIds?: string[];
  /** '' for no note. */
  note?: string;
}

export interface TagTargetArgs extends TagAnswers {
  reportUri?: string;
  /** Offset in the report; defaults to the cursor. */
  offset?: number;
}

export interface ReattachArgs extends TagCommandArgs {
  /** Offsets of the new passage; defaults to the selection in the report's editor. */
  range?: { start: number; end: number };
}

/** What the tagging commands work with. */
interface TaggingServices {
  reports: ReportDocuments;
  tags: SidecarService;
  codebooks: TagCodebook;
  log: vscode.LogOutputChannel;
}

export function registerTagCommands(reports: ReportDocuments, tags: SidecarService, codebooks: TagCodebook, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const services: TaggingServices = { reports, tags, codebooks, log };
  const commands = { ...newTagCommands(services), ...existingTagCommands(services) };
  return [
    vscode.commands.registerCommand(TAG_SELECTION_COMMAND, commands.tagSelection),
    ...Object.entries(TAG_TARGET_COMMANDS).map(([kind, id]) => vscode.commands.registerCommand(id, commands.tagTarget(kind as TagTargetKind))),
    vscode.commands.registerCommand(EDIT_TAG_COMMAND, commands.editTag),
    vscode.commands.registerCommand(REMOVE_TAG_COMMAND, commands.removeTag),
    vscode.commands.registerCommand(REATTACH_TAG_COMMAND, commands.reattach),
    vscode.commands.registerCommand(DELETE_ORPHAN_COMMAND, commands.deleteOrphan),
    vscode.commands.registerCommand(REPAIR_SIDECAR_COMMAND, commands.repair),
  ];
}

/** A command that shows its failure (and logs it) instead of throwing into the editor. */
function guarded<A extends unknown[], R>(log: vscode.LogOutputChannel, run: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A): Promise<R | undefined> => {
    try {
      return await run(...args);
    } catch (error) {
      log.warn(`Tagging command failed: ${describeShort(error)}`);
      // A paused report was already explained, with its actions (repair, open the file), by the service.
      if (!(error instanceof TaggingPausedError)) void vscode.window.showErrorMessage(describeShort(error));
      return undefined;
    }
  };
}

/** Records where a new or re-attached passage sits in the report's structure (section, paragraph, grade). */
function contextFor({ reports }: TaggingServices, document: vscode.TextDocument) {
  return (start: number, end: number) => {
    const state = reports.get(document);
    return state ? tagContext(state.model, { start, end }) : undefined;
  };
}

/** Tags [start, end) of a report: themes and note from the arguments or the pickers. Undefined when cancelled. */
async function tagRange(services: TaggingServices, document: vscode.TextDocument, start: number, end: number, answers: TagAnswers | undefined, what: string): Promise<Tag | undefined> {
  const { tags, codebooks } = services;
  const { session } = await tags.sessionFor(document);
  const codebook = await codebooks.codebookFor(document.uri);
  const themes = answers?.themeIds ? themesForIds(codebook, answers.themeIds) : await pickThemes(codebook, [], `Tag ${what}: themes`);
  if (!themes) return undefined;
  const note = answers?.themeIds ? (answers.note ?? '') : await askNote(undefined);
  if (note === undefined) return undefined;
  return tags.operate(document, 'tag the passage', () => session.addTag(() => document.getText(), { start, end }, themes, note === '' ? undefined : note, contextFor(services, document)));
}

/** Tag Selection… and the one-action tagging of the paragraph, improvement or judgement section at the cursor. */
function newTagCommands(services: TaggingServices) {
  const { reports, tags, log } = services;
  const tagSelection = guarded(log, async (answers?: TagAnswers) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('Open an inspection report and select the words to tag.');
    const selection = editor.selection;
    if (selection.isEmpty) throw new Error('Select the words to tag first, or use a code action (Ctrl+.) to tag the whole paragraph.');
    const document = editor.document;
    return tagRange(services, document, document.offsetAt(selection.start), document.offsetAt(selection.end), answers, 'the selection');
  });

  const tagTarget = (kind: TagTargetKind) =>
    guarded(log, async (args?: TagTargetArgs) => {
      const document = args?.reportUri ? (await tags.sessionForUri(args.reportUri)).document : vscode.window.activeTextEditor?.document;
      if (!document) throw new Error('Open an inspection report first.');
      const state = reports.get(document);
      if (!state) throw new Error(`${basename(document.uri.path)} is not recognised as an inspection report.`);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      const offset = args?.offset ?? (editor ? document.offsetAt(editor.selection.active) : undefined);
      if (offset === undefined) throw new Error('Put the cursor in the passage to tag.');
      const target = tagTargetAt(state.model, state.text, offset, kind);
      if (!target) throw new Error(`The cursor is not in ${TARGET_KIND_NAMES[kind]} of this report.`);
      return tagRange(services, document, target.range.start, target.range.end, args, target.name);
    });
  return { tagSelection, tagTarget };
}

/** The per-tag commands of the hover and the side views: edit, remove, re-attach, delete an orphan, repair. */
function existingTagCommands(services: TaggingServices) {
  const { tags, codebooks, log } = services;
  const withTag = async (args: TagCommandArgs | undefined) => {
    if (!args?.reportUri || !args.tagId) throw new Error('This command works on a tag: use it from a tag’s hover or from the Tags view.');
    const { session, document } = await tags.sessionForUri(args.reportUri);
    const tag = session.tag(args.tagId);
    if (!tag) throw new Error(`That tag is no longer in ${basename(document.uri.path)} (it may have been removed in another window).`);
    return { session, document, tag };
  };

  const editTag = guarded(log, async (args?: TagCommandArgs & TagAnswers) => {
    const { session, document, tag } = await withTag(args);
    const codebook = await codebooks.codebookFor(document.uri);
    const themes = args?.themeIds ? themesForIds(codebook, args.themeIds, tag.themes) : await pickThemes(codebook, tag.themes, 'Edit tag: themes');
    if (!themes) return;
    const note = args?.themeIds || args?.note !== undefined ? (args?.note ?? tag.note ?? '') : await askNote(tag.note);
    if (note === undefined) return;
    await tags.operate(document, 'edit the tag', () => session.editTag(() => document.getText(), tag.id, { themes, note: note === '' ? null : note }));
  });

  const removeTag = guarded(log, async (args?: TagCommandArgs) => {
    const { session, document, tag } = await withTag(args);
    await tags.operate(document, 'remove the tag', () => session.removeTag(() => document.getText(), tag.id));
    const labels = tag.themes.map((t) => t.label).join(', ');
    void vscode.window.showInformationMessage(`Removed the tag “${labels}” from ${basename(document.uri.path)}.`, 'Undo').then((choice) => {
      if (choice) void tags.operate(document, 'restore the tag', () => session.restoreTag(() => document.getText(), tag)).catch((e: unknown) => vscode.window.showErrorMessage(describeShort(e)));
    });
  });

  const reattach = guarded(log, async (args?: ReattachArgs) => {
    const { session, document, tag } = await withTag(args);
    let range = args?.range;
    if (!range) {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      if (!editor || editor.selection.isEmpty) {
        await vscode.window.showTextDocument(document);
        void vscode.window.showInformationMessage(`Select the passage for the tag “${tag.themes.map((t) => t.label).join(', ')}” (it was: “${truncate(tag.anchor.quote.exact)}”), then run Re-attach again.`);
        return;
      }
      range = { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
    }
    const chosen = range;
    await tags.operate(document, 're-attach the tag', () => session.reattachTag(() => document.getText(), tag.id, chosen, contextFor(services, document)));
  });

  const deleteOrphan = guarded(log, async (args?: TagCommandArgs) => {
    const { session, document, tag } = await withTag(args);
    await tags.operate(document, 'delete the orphaned tag', () => session.deleteOrphan(() => document.getText(), tag.id));
  });

  const repair = guarded(log, async (args?: { reportUri?: string }) => {
    const document = args?.reportUri ? (await tags.sessionForUri(args.reportUri)).document : vscode.window.activeTextEditor?.document;
    if (document) await tags.repair(document);
  });
  return { editTag, removeTag, reattach, deleteOrphan, repair };
}

interface ThemeItem extends vscode.QuickPickItem {
  themeId?: string;
}

/**
 * Multi-select quick pick of the codebook's themes under their groups, filtered by label, description and cues.
 * Enter with nothing ticked takes the highlighted theme, or else the first one the filter shows, so a single theme
 * is one filter and one Enter.
 */
export async function pickThemes(codebook: Codebook, current: readonly TagTheme[], title: string): Promise<TagTheme[] | undefined> {
  const entries = themePickEntries(codebook, current);
  const items: ThemeItem[] = entries.map((e) =>
    e.kind === 'separator'
      ? { label: e.label, kind: vscode.QuickPickItemKind.Separator }
      : { label: e.label, themeId: e.themeId, picked: e.picked, ...(e.description !== undefined ? { description: e.description } : {}), ...(e.detail !== undefined ? { detail: e.detail } : {}) },
  );
  const pick = vscode.window.createQuickPick<ThemeItem>();
  pick.title = title;
  pick.placeholder = 'Type to filter by theme, description or cue; tick one or more themes, then Enter';
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  pick.selectedItems = items.filter((i) => i.picked);
  const chosen = await new Promise<readonly ThemeItem[] | undefined>((resolve) => {
    pick.onDidAccept(() => {
      const ticked = pick.selectedItems.filter((i) => i.themeId !== undefined);
      const active = pick.activeItems.filter((i) => i.themeId !== undefined);
      const matching = pick.value.trim() === '' ? [] : items.filter((i) => i.themeId !== undefined && matchesFilter(i, pick.value));
      resolve(ticked.length > 0 ? ticked : active.length > 0 ? active.slice(0, 1) : matching.slice(0, 1));
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen || chosen.length === 0) return undefined;
  return themesForIds(codebook, chosen.map((i) => i.themeId!), current);
}

/** Every word of the filter in the label, description or cues (the list shows at least these). */
function matchesFilter(item: ThemeItem, filter: string): boolean {
  const haystack = `${item.label} ${item.description ?? ''} ${item.detail ?? ''}`.toLowerCase();
  return filter.toLowerCase().split(/\s+/).filter((w) => w !== '').every((w) => haystack.includes(w));
}

/** The optional note: '' for none, undefined when the user pressed Escape (cancels the tagging). */
function askNote(current: string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Note (optional)',
    prompt: current === undefined ? 'A note for this tag. Enter with nothing typed tags without a note; Escape cancels.' : 'Change the note; clear it to remove the note. Escape cancels.',
    value: current ?? '',
    placeHolder: 'e.g. Contrast with the 2021 finding on plans',
  });
}

function truncate(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
