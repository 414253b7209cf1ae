// Settling disagreements from the Moderation view: writes the core's settlement into the report's tags file
// (through the same SidecarStore as tagging, so a concurrent edit is merged, not lost) and keeps an undo stack.
// An open report's tagging session sees the file change and merges it in, as for any change made elsewhere.

import { type Disagreement, type IFileSystem, type SettleDecision, settleDisagreement, type Settlement, SidecarStore, undoSettlement } from '../../core';

export interface SettlementRecord {
  reportPath: string;
  /** The agreed tags written, taken out again by undo. */
  tagIds: string[];
  /** What was settled, for the undo message. */
  description: string;
}

export class Settlements {
  private readonly undoStack: SettlementRecord[] = [];
  private store: SidecarStore | undefined;
  private storeKey = '';

  get undoable(): number {
    return this.undoStack.length;
  }

  /** Settles one disagreement as decided; returns the core's message for the user. */
  async settle(fs: IFileSystem, roots: string[], text: string, d: Disagreement, coders: { coderA: string; coderB: string }, decision: SettleDecision): Promise<string> {
    let settlement: Settlement | undefined;
    await this.storeFor(fs, roots).save(d.reportId, (sidecar) => {
      // The store may call this again after merging another writer's change: the last call is what was written.
      settlement = settleDisagreement(sidecar, text, { ...coders, themeId: d.themeId, start: d.start, end: d.end, decision });
      return settlement.sidecar;
    });
    const done = settlement!;
    if (done.added.length > 0) this.undoStack.push({ reportPath: d.reportId, tagIds: done.added.map((t) => t.id), description: `${d.themeLabel} on "${short(d.text)}"` });
    return done.message;
  }

  /** Takes out the agreed tags of the last settlement; undefined when there is nothing to undo. */
  async undo(fs: IFileSystem, roots: string[]): Promise<string | undefined> {
    const last = this.undoStack.pop();
    if (!last) return undefined;
    let removed = 0;
    try {
      await this.storeFor(fs, roots).save(last.reportPath, (sidecar) => {
        const undone = undoSettlement(sidecar, last.tagIds);
        removed = undone.removed;
        return undone.sidecar;
      });
    } catch (error) {
      // Not undone: it stays on the stack, so the user can try again.
      this.undoStack.push(last);
      throw error;
    }
    return removed === last.tagIds.length ? `Undone: the settlement of ${last.description}.` : `Undone: the settlement of ${last.description} (${last.tagIds.length - removed} of its agreed tags had already been removed).`;
  }

  private storeFor(fs: IFileSystem, roots: string[]): SidecarStore {
    const key = roots.join('\n');
    if (!this.store || this.storeKey !== key) {
      this.store = new SidecarStore(fs, { allowedRoots: roots });
      this.storeKey = key;
    }
    return this.store;
  }
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
