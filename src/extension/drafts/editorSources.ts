// The checker's sources in the editor: a report open in an editor is read as it stands (unsaved edits count),
// anything else through the workspace file system; tags files always from disk, where tagging saves them.

import * as vscode from 'vscode';
import { type DraftSources, fileSystemSources } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';

export function editorSources(draft: vscode.Uri): { sources: DraftSources; fs: VscodeFileSystem } {
  const fs = new VscodeFileSystem(draft);
  const disk = fileSystemSources(fs);
  return {
    fs,
    sources: {
      async readReport(path) {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === draft.scheme && fs.pathOf(d.uri) === path);
        return open ? { ok: true, value: open.getText() } : disk.readReport(path);
      },
      readSidecar: (path) => disk.readSidecar(path),
    },
  };
}
