// The codebook the tagging commands offer: the built-in one, extended or replaced by `.inspection-codebook.json`
// at the root of the report's workspace folder. Watched, so editing the file updates pickers and colours live;
// its problems are shown once per change of the file, in a warning that opens it.

import * as vscode from 'vscode';
import { type Codebook, CODEBOOK_FILE_NAME, defaultCodebook, resolveCodebook } from '../../core';

export class TagCodebook implements vscode.Disposable {
  /** Per workspace folder URI ('' for files outside any folder). */
  private readonly cache = new Map<string, Promise<Codebook>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a workspace codebook file changed; pickers and colours re-read it. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_FILE_NAME}`);
    const invalidate = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      this.cache.delete(folder?.uri.toString() ?? '');
      // Read again now, so problems are reported when the file is saved, not at the next tagging.
      if (folder) void this.codebookForFolder(folder.uri, true).then(() => this.changed.fire());
      else this.changed.fire();
    };
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidChange(invalidate),
      watcher.onDidCreate(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.cache.clear();
        this.changed.fire();
      }),
    );
  }

  /** The codebook for a report. Never rejects: a file that cannot be read leaves the built-in codebook. */
  codebookFor(reportUri: vscode.Uri): Promise<Codebook> {
    const folder = vscode.workspace.getWorkspaceFolder(reportUri);
    if (!folder) return Promise.resolve(defaultCodebook());
    return this.codebookForFolder(folder.uri, false);
  }

  private codebookForFolder(folderUri: vscode.Uri, fresh: boolean): Promise<Codebook> {
    const key = folderUri.toString();
    let cached = this.cache.get(key);
    if (!cached || fresh) {
      cached = this.read(folderUri);
      this.cache.set(key, cached);
    }
    return cached;
  }

  private async read(folderUri: vscode.Uri): Promise<Codebook> {
    const fileUri = vscode.Uri.joinPath(folderUri, CODEBOOK_FILE_NAME);
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(fileUri));
    } catch {
      return defaultCodebook();
    }
    const { codebook, problems } = resolveCodebook(defaultCodebook(), text);
    if (problems.length > 0) {
      for (const p of problems) this.log.warn(`${fileUri.toString(true)}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`);
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}, listed in the Inspection Reports output)` : '';
      void vscode.window
        .showWarningMessage(`${CODEBOOK_FILE_NAME}${first.line !== undefined ? ` line ${first.line}` : ''}: ${first.message}${more}`, 'Open Codebook')
        .then((choice) => {
          if (choice) void vscode.window.showTextDocument(fileUri);
        });
    }
    return codebook;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
