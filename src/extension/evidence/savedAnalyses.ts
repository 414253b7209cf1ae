// The persistent analysis cache for the Evidence view: in the extension's global storage, so every window (and
// every workspace) reuses what any of them analysed. Its size comes from inspectionReports.evidence.analysisCacheMB;
// 0 turns it off.

import * as vscode from 'vscode';
import { AnalysisCache, DEFAULT_ANALYSIS_CACHE_BYTES } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';

const MB = 1024 * 1024;

/** A cache over `storageUri`/analyses, or undefined when there is no storage or the setting is 0. */
export function savedAnalyses(storageUri: vscode.Uri | undefined): AnalysisCache | undefined {
  if (!storageUri) return undefined;
  const setting = vscode.workspace.getConfiguration('inspectionReports').get<number>('evidence.analysisCacheMB');
  const maxBytes = typeof setting === 'number' && Number.isFinite(setting) ? Math.max(0, setting) * MB : DEFAULT_ANALYSIS_CACHE_BYTES;
  if (maxBytes === 0) return undefined;
  const folder = vscode.Uri.joinPath(storageUri, 'analyses');
  const fs = new VscodeFileSystem(folder);
  return new AnalysisCache(fs, fs.pathOf(folder), {
    maxBytes,
    createFolder: async (path) => vscode.workspace.fs.createDirectory(fs.uriOf(path)),
  });
}
