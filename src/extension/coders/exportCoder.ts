// Exports limited to one coder: the coder a caller names, or, from the Command Palette and the Evidence view's
// buttons, the one the user picks when the passages have more than one coder ("agreed" for a settled moderation).

import * as vscode from 'vscode';
import { AGREED_CODER, coderNotFoundMessage, type EvidenceSet, limitEvidenceToCoder } from '../../core';

/**
 * The set to export: limited to `coder` when given, else (when `ask`) to the coder the user picks, else whole.
 * undefined when the user cancelled the pick or no passage has the coder named (the user is told).
 */
export async function evidenceForCoder(set: EvidenceSet, coder: string | undefined, ask: boolean): Promise<EvidenceSet | undefined> {
  const chosen = coder ?? (ask ? await pickCoder(set) : '');
  if (chosen === undefined) return undefined;
  if (chosen === '') return set;
  const limited = limitEvidenceToCoder(set, chosen);
  if (limited.set.items.length === 0) {
    void vscode.window.showErrorMessage(`Not exported: ${coderNotFoundMessage(chosen, limited.coders)}.`);
    return undefined;
  }
  return limited.set;
}

/** '' for every coder; undefined when cancelled. Asked only when there is a choice to make. */
async function pickCoder(set: EvidenceSet): Promise<string | undefined> {
  const coders = new Map<string, number>();
  for (const item of set.items) if (item.author) coders.set(item.author, (coders.get(item.author) ?? 0) + 1);
  if (coders.size < 2) return '';
  const names = [...coders.keys()].sort((a, b) => (a === AGREED_CODER ? -1 : b === AGREED_CODER ? 1 : a.localeCompare(b)));
  const items: (vscode.QuickPickItem & { coder: string })[] = [
    { label: 'Every coder', description: `${set.items.length} passages`, coder: '' },
    ...names.map((name) => ({ label: name, description: `${coders.get(name)} passage${coders.get(name) === 1 ? '' : 's'}${name === AGREED_CODER ? ' · the settled moderation' : ''}`, coder: name })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Export whose passages?', placeHolder: 'The passages have more than one coder: export one coder\'s, or every coder\'s' });
  return picked?.coder;
}
