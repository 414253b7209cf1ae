// The Evidence webview's page: a shell with a strict Content Security Policy (nonce'd script and style,
// nothing else), its script and stylesheet loaded from media/evidence. All data arrives later by postMessage
// and is rendered as text by the script.

import * as vscode from 'vscode';

export function newNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

export function evidenceHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = newNonce()): string {
  const media = vscode.Uri.joinPath(extensionUri, 'media', 'evidence');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'evidence.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'evidence.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style.toString()}">
<title>Evidence</title>
</head>
<body>
<main id="app" aria-busy="true">
  <header class="top">
    <h1>Evidence across reports</h1>
    <p id="summary" class="summary" aria-live="polite">Collecting evidence…</p>
    <div class="actions" role="toolbar" aria-label="Evidence actions">
      <button type="button" data-action="refresh" class="secondary">Refresh</button>
      <button type="button" data-action="chooseFolders" class="secondary">Choose folders…</button>
      <button type="button" data-export="csv">Export CSV</button>
      <button type="button" data-export="markdown" class="secondary">Markdown</button>
      <button type="button" data-export="json" class="secondary">JSON</button>
      <button type="button" data-export="qdpx" class="secondary">REFI-QDA (.qdpx)</button>
    </div>
  </header>
  <form id="filters" class="filters" aria-label="Filters"></form>
  <section id="problems" class="problems" aria-labelledby="problems-heading" hidden></section>
  <div class="layout">
    <div class="overview">
      <section aria-labelledby="heat-heading" class="card">
        <h2 id="heat-heading">Themes by report</h2>
        <div id="heatmap" class="scroll"></div>
      </section>
      <section aria-labelledby="areas-heading" class="card">
        <h2 id="areas-heading">Themes by judgement area</h2>
        <div id="areas" class="scroll"></div>
      </section>
      <section aria-labelledby="grades-heading" class="card">
        <h2 id="grades-heading">Grades over time</h2>
        <div id="grades"></div>
      </section>
      <section id="recurring" class="card" aria-labelledby="recurring-heading" hidden></section>
    </div>
    <section aria-labelledby="passages-heading" class="passages-column">
      <h2 id="passages-heading">Passages</h2>
      <ol id="passages" class="passages"></ol>
    </section>
  </div>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
