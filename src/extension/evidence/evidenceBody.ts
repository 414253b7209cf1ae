// The Evidence webview's layout, on its own (no vscode import) so the web benchmark (scripts/benchWeb.mjs) draws
// media/evidence/evidence.js into the same page outside VS Code.

export const EVIDENCE_BODY = `<main id="app" aria-busy="true">
  <header class="top">
    <h1>Evidence across reports</h1>
    <p id="summary" class="summary" aria-live="polite">Collecting evidence…</p>
    <div class="actions" role="toolbar" aria-label="Evidence actions">
      <button type="button" id="cancel" data-action="cancel" class="secondary" hidden>Cancel</button>
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
</main>`;
