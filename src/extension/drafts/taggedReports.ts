// Every tags file in the workspace, read and parsed, for the `@ev` completion and the coverage view; cached
// briefly, since both ask again on every keystroke. A tags file that cannot be read is logged and left out.

import * as vscode from 'vscode';
import { parseSidecar, SIDECAR_SUFFIX, type TaggedReport } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';

const MAX_SIDECARS = 2000;
/** Tags files are read again at most this often while the user keeps typing. */
const CACHE_MS = 5000;

export class WorkspaceTaggedReports {
  private cache: { at: number; reports: Promise<TaggedReport[]> } | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The workspace's tagged reports, at most CACHE_MS old. */
  get(): Promise<TaggedReport[]> {
    if (!this.cache || Date.now() - this.cache.at >= CACHE_MS) this.cache = { at: Date.now(), reports: this.read() };
    return this.cache.reports;
  }

  /** Forgets the cache: a tags file changed. */
  invalidate(): void {
    this.cache = undefined;
  }

  private async read(): Promise<TaggedReport[]> {
    const found: TaggedReport[] = [];
    for (const uri of await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', MAX_SIDECARS)) {
      const fs = new VscodeFileSystem(uri);
      try {
        const parsed = parseSidecar(await fs.readFile(fs.pathOf(uri)), uri.path.slice(uri.path.lastIndexOf('/') + 1));
        if (parsed.ok) found.push({ reportPath: fs.pathOf(uri).slice(0, -SIDECAR_SUFFIX.length), sidecar: parsed.sidecar });
        else this.log.warn(`Drafts: ${uri.toString()} left out: ${parsed.error.message}`);
      } catch (error) {
        this.log.warn(`Drafts: ${uri.toString()} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return found;
  }
}
