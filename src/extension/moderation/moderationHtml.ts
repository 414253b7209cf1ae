// The Moderation webview's page: the Evidence view's shell (strict Content Security Policy, nonce'd script and
// style, media from media/moderation); all data arrives by postMessage and is drawn as text.

import * as vscode from 'vscode';
import { newNonce } from '../evidence/evidenceHtml';

export function moderationHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = newNonce()): string {
  const media = vscode.Uri.joinPath(extensionUri, 'media', 'moderation');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'moderation.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'moderation.css'));
  const csp = ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource} 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style.toString()}">
<title>Moderation</title>
</head>
<body>
<main id="app" aria-busy="true">
  <header class="top">
    <h1>Moderation: agreement between two coders</h1>
    <p id="summary" class="summary" aria-live="polite">Reading the tags…</p>
    <form id="choice" class="filters" aria-label="Coders to compare">
      <label class="field">Coder A <select id="coderA"></select></label>
      <label class="field">Coder B <select id="coderB"></select></label>
      <label class="field">Units <select id="unit">
        <option value="character">characters (NVivo)</option>
        <option value="paragraph">paragraphs</option>
        <option value="segment">segments (MAXQDA, 90 % overlap)</option>
      </select></label>
      <button type="button" data-action="refresh" class="secondary">Refresh</button>
    </form>
  </header>
  <section class="card" aria-labelledby="themes-heading">
    <h2 id="themes-heading">Agreement by theme</h2>
    <p class="legend">Kappa: <span class="band band-low">below 0.4</span> <span class="band band-fair">0.4 to 0.75</span> <span class="band band-high">above 0.75</span></p>
    <div class="scroll"><table id="themes"></table></div>
    <p id="overall" class="summary"></p>
  </section>
  <section aria-labelledby="disagreements-heading">
    <h2 id="disagreements-heading">Disagreements</h2>
    <ol id="disagreements" class="passages"></ol>
  </section>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
