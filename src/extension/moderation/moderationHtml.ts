// The Moderation webview's page: the shared webview shell (platform/webviewPage.ts) around the view's layout;
// all data arrives by postMessage and is drawn as text by media/moderation/moderation.js.

import type * as vscode from 'vscode';
import { webviewPageHtml } from '../platform/webviewPage';

const BODY = `<main id="app" aria-busy="true">
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
    <p class="legend">Settle one: the result is written as the coder "agreed"; both coders' own tags are kept.
      <button type="button" data-action="undo" class="secondary" disabled>Undo last settlement</button></p>
    <p id="notice" class="summary" role="status"></p>
    <ol id="disagreements" class="passages"></ol>
  </section>
</main>`;

export function moderationHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPageHtml(webview, extensionUri, { folder: 'moderation', title: 'Moderation', body: BODY });
}
