// The page shell every webview of the extension uses: a strict Content Security Policy (nonce'd script and
// style, nothing else unless asked), its script and stylesheet loaded from media/<folder>. All data arrives
// later by postMessage and is rendered as text by the script.

import * as vscode from 'vscode';

export function newNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

export interface WebviewPage {
  /** Folder under media/ holding `<folder>.js` and `<folder>.css`. */
  folder: string;
  title: string;
  /** The page's body markup (static: data is posted to the script). */
  body: string;
  /** Allow images from the extension and data: URIs. */
  images?: boolean;
}

export function webviewPageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage, nonce = newNonce()): string {
  const media = vscode.Uri.joinPath(extensionUri, 'media', page.folder);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, `${page.folder}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, `${page.folder}.css`));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    ...(page.images ? [`img-src ${webview.cspSource} data:`] : []),
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style.toString()}">
<title>${page.title}</title>
</head>
<body>
${page.body}
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
