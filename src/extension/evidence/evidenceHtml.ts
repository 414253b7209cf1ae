// The Evidence webview's page: the shared webview shell (platform/webviewPage.ts) around the view's layout;
// all data arrives later by postMessage and is rendered as text by media/evidence/evidence.js.

import type * as vscode from 'vscode';
import { webviewPageHtml } from '../platform/webviewPage';
import { EVIDENCE_BODY } from './evidenceBody';

export function evidenceHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPageHtml(webview, extensionUri, { folder: 'evidence', title: 'Evidence', images: true, body: EVIDENCE_BODY });
}
