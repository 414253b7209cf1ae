// The Evidence webview. Draws what the extension sends (a JSON view model) and posts back what the user asks
// for. Every piece of report text, note or file name is put in the page as text (textContent, createTextNode,
// attribute values), never parsed as HTML.
// @ts-check
/* global acquireVsCodeApi, document, window, module */

// ---- Dragging a passage into a draft ------------------------------------------------------------------------
// Pure, outside the page's code, so a unit test can load this file in Node and check what a row carries.

/**
 * What a passage row carries when dragged: the report's URI with the citation's own fragment, `#tag=<id>`, and the
 * passage as src/extension/drafts/passageDrop.ts's PASSAGE_MIME list; a Markdown draft it is dropped into then gets
 * the quote and its citation. The URI is the one the extension sent with the passage (file:, or a remote or
 * virtual workspace's own scheme): only the extension knows which the report is on.
 */
function passageDragData(reportUri, tagId) {
  return {
    'application/vnd.inspection-reports.passage+json': JSON.stringify([{ reportUri, tagId }]),
    'text/uri-list': `${reportUri}#tag=${encodeURIComponent(tagId)}`,
  };
}

if (typeof module === 'object' && module.exports) module.exports = { passageDragData };

(function () {
  'use strict';
  // Loaded by a unit test in Node: only the pure functions above are wanted there.
  if (typeof acquireVsCodeApi !== 'function') return;
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';

  /** @type {any} */
  let model;

  /** Creates an element with attributes and text or children; text always goes in as a text node. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = String(v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) append(node, c);
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined) node.setAttribute(k, String(v));
    for (const c of children) append(node, c);
    return node;
  }
  function append(node, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach((c) => append(node, c));
    else node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const PROBLEM_LABELS = {
    'malformed-sidecar': 'Tags file cannot be read',
    'newer-sidecar-version': 'Tags file from a newer version',
    'sidecar-warning': 'Tags file',
    'orphaned-tag': 'Orphaned tag',
    'sidecar-without-report': 'Tags file without its report',
    'unreadable-report': 'Report cannot be read',
    'report-too-large': 'File too large to read as a report',
    'unreadable-folder': 'Folder cannot be read',
  };
  const MAX_COLUMNS = 40;
  /** The offset of the window of report columns asked for and not yet received. */
  let pendingColumns = -1;
  /** The passages received so far: the model's first page, then each page asked for with "Show more". */
  let loaded = [];
  /** The offset of the page asked for and not yet received, so a second click does not ask twice. */
  let pending = -1;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const authorityCount = (n) => (n === 1 ? '1 authority' : `${n} authorities`);

  // ---- Filters -------------------------------------------------------------------------------------------

  function select(id, label, options, value) {
    const control = el('select', { id, name: id }, el('option', { value: '' }, 'All'), options.map((o) => el('option', { value: o.id, selected: o.id === value }, o.label)));
    control.addEventListener('change', sendFilter);
    return el('label', { class: 'field', for: id }, el('span', {}, label), control);
  }
  function dateField(id, label, value) {
    const control = el('input', { id, name: id, type: 'date', value: value || '' });
    control.addEventListener('change', sendFilter);
    return el('label', { class: 'field', for: id }, el('span', {}, label), control);
  }
  function renderFilters() {
    const form = $('filters');
    const f = model.filter || {};
    const o = model.options;
    clear(form);
    const reset = el('button', { type: 'button', class: 'secondary', 'aria-label': 'Clear all filters' }, 'Clear filters');
    reset.addEventListener('click', () => setFilter({}));
    append(form, [
      select('f-theme', 'Theme', o.themes, (f.themeIds || [])[0]),
      select('f-authority', 'Authority', o.authorities.map((a) => ({ id: a, label: a })), f.authority),
      select('f-kind', 'Kind', o.kinds, (f.kinds || [])[0]),
      select('f-grade', 'Grade', o.grades, (f.grades || [])[0]),
      dateField('f-since', 'From', f.since),
      dateField('f-until', 'To', f.until),
      reset,
    ]);
  }
  function value(id) {
    const node = /** @type {HTMLInputElement | null} */ (document.getElementById(id));
    return node && node.value ? node.value : undefined;
  }
  function currentFilter() {
    const f = {};
    if (value('f-theme')) f.themeIds = [value('f-theme')];
    if (value('f-authority')) f.authority = value('f-authority');
    if (value('f-kind')) f.kinds = [value('f-kind')];
    if (value('f-grade')) f.grades = [value('f-grade')];
    if (value('f-since')) f.since = value('f-since');
    if (value('f-until')) f.until = value('f-until');
    return f;
  }
  function sendFilter() {
    $('app').setAttribute('aria-busy', 'true');
    vscode.postMessage({ type: 'filter', filter: currentFilter() });
  }
  /** Sets the controls (from the extension or the Clear button), then sends the filter as a change would. */
  function setFilter(f) {
    const set = (id, v) => {
      const node = /** @type {HTMLInputElement | null} */ (document.getElementById(id));
      if (node) node.value = v || '';
    };
    set('f-theme', (f.themeIds || [])[0]);
    set('f-authority', f.authority);
    set('f-kind', (f.kinds || [])[0]);
    set('f-grade', (f.grades || [])[0]);
    set('f-since', f.since);
    set('f-until', f.until);
    sendFilter();
  }

  // ---- Summary and problems ------------------------------------------------------------------------------

  function renderSummary() {
    const tagged = model.taggedReportCount;
    const filtered = Object.keys(model.filter || {}).length > 0;
    $('summary').textContent =
      `${plural(model.itemCount, 'passage')} from ${tagged} of ${plural(model.reportCount, 'report')}` +
      (filtered ? ` (filtered from ${plural(model.totals.items, 'passage')} in ${plural(model.totals.reports, 'report')})` : '') +
      ` · ${model.folderLabels.join(', ')}`;
  }

  function renderProblems() {
    const section = $('problems');
    clear(section);
    section.hidden = model.problems.length === 0;
    if (model.problems.length === 0) return;
    append(section, [
      el('h2', { id: 'problems-heading' }, `Problems (${model.problems.length})`),
      el('p', { class: 'hint' }, 'These files or tags could not be read or placed. Nothing has been changed or dropped: orphaned tags keep their words as tagged.'),
      el(
        'ul',
        {},
        model.problems.map((p) => {
          const open = el('button', { type: 'button', class: 'link', 'aria-label': `Open ${p.path}` }, 'Open file');
          open.addEventListener('click', () => vscode.postMessage({ type: 'openFile', path: p.path }));
          return el('li', { class: `problem problem-${p.kind}` }, el('span', { class: 'problem-kind' }, `${PROBLEM_LABELS[p.kind] || p.kind}:`), ' ', el('span', { class: 'problem-message' }, p.message), ' ', open);
        }),
      ),
    ]);
  }

  // ---- Heat maps: themes x reports / authorities / regions, themes x judgement areas ----------------------

  // The switch above the first heat map, and how its rows are sorted; kept in the webview's state so both
  // survive a filter change, a refresh and the panel being hidden.
  const HEAT_MODES = [
    { id: 'report', button: 'By report', heading: 'Themes by report' },
    { id: 'authority', button: 'By authority', heading: 'Themes by authority' },
    { id: 'region', button: 'By region', heading: 'Themes by region' },
  ];
  const savedView = vscode.getState() || {};
  let heatBy = HEAT_MODES.some((m) => m.id === savedView.heatBy) ? savedView.heatBy : 'report';
  /** The header the rows are sorted by: 'name', 'total' or a column's key (a report, authority, region or theme). */
  let heatSort = savedView.heatSort && typeof savedView.heatSort.key === 'string' ? savedView.heatSort : { key: 'name', descending: false };
  function saveHeatView() {
    vscode.setState({ ...(vscode.getState() || {}), heatBy, heatSort });
  }
  function setHeatBy(mode) {
    if (!model || mode === heatBy) return;
    heatBy = mode;
    // Column keys differ between the layouts: each starts sorted by name.
    heatSort = { key: 'name', descending: false };
    saveHeatView();
    renderHeatmap();
    reportRendered();
  }
  function setHeatSort(key) {
    if (!model) return;
    // Names read A to Z first, counts largest first; a second click on the same header turns the order round.
    heatSort = heatSort.key === key ? { key, descending: !heatSort.descending } : { key, descending: key !== 'name' };
    saveHeatView();
    renderHeatmap();
    reportRendered();
  }

  /** `rows` in the order of heatSort (ties and names A to Z). */
  function sortRows(rows, name, total, count) {
    const { key, descending } = heatSort;
    const measure = key === 'name' ? undefined : key === 'total' ? total : (row) => count(row, key);
    return rows.slice().sort((a, b) => {
      const d = measure ? measure(a) - measure(b) : name(a).localeCompare(name(b));
      return (descending ? -d : d) || name(a).localeCompare(name(b));
    });
  }

  /** A header cell that sorts the rows by `key` when clicked (or Enter / Space), saying which way it sorts. */
  function sortHeader(key, content, attrs) {
    const active = heatSort.key === key;
    const th = el('th', { scope: 'col', tabindex: '0', 'data-sort': key, 'aria-sort': active ? (heatSort.descending ? 'descending' : 'ascending') : undefined, ...attrs, class: `sortable ${attrs.class || ''}`.trim() }, content);
    th.addEventListener('click', () => setHeatSort(key));
    th.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      setHeatSort(key);
    });
    return th;
  }
  const sortMark = (key) => (heatSort.key === key ? (heatSort.descending ? ' ▼' : ' ▲') : '');

  function heatCell(n, label, max) {
    const cell = el('td', { class: n ? 'heat-cell filled' : 'heat-cell', 'aria-label': `${label}: ${plural(n, 'passage')}` }, n ? String(n) : '·');
    if (n) cell.style.setProperty('--heat-level', String(Math.round(18 + (50 * n) / max)) + '%');
    return cell;
  }

  /**
   * A table of themes (rows) by columns, each cell shaded by its count. `columns` are { key, label, short };
   * `count(theme, key)` gives a cell's number; `columnClass` marks the header cells. With `sortable`, a click on
   * a header sorts the themes by it; `groups` ([{ label, span, title }]) adds a header row over the columns.
   * `max` and `total` (theme -> number) stand for all the columns when `columns` are one window of them.
   */
  function themeTable(columns, count, columnClass, caption, options = {}) {
    const max = options.max || Math.max(1, ...model.themes.flatMap((t) => columns.map((c) => count(t, c.key))));
    const sortable = Boolean(options.sortable);
    const mark = (key) => (sortable ? sortMark(key) : '');
    const header = (key, text, attrs) => (sortable ? sortHeader(key, text, attrs) : el('th', { scope: 'col', ...attrs }, text));
    const head = el(
      'tr',
      { class: 'columns' },
      header('name', `Theme${mark('name')}`, { class: 'theme-col corner' }),
      columns.map((c) => header(c.key, el('span', {}, `${c.short}${mark(c.key)}`), { title: c.title || c.label, class: `heat-col ${columnClass}` })),
      header('total', `Total${mark('total')}`, { class: 'total-col' }),
    );
    const groupRow = options.groups
      ? el('tr', { class: 'group-row' }, el('th', { class: 'corner' }), options.groups.map((g) => el('th', { scope: 'colgroup', colspan: String(g.span), class: 'region-head', title: g.title || g.label }, g.label)), el('th', {}))
      : null;
    // A theme's total is summed over the columns (so the Total column and its sort agree with the row).
    const total = options.total || ((t) => columns.reduce((n, c) => n + count(t, c.key), 0));
    const themes = sortable ? sortRows(model.themes, (t) => t.label, total, count) : model.themes;
    const rows = themes.map((t) => el('tr', {}, el('th', { scope: 'row' }, t.label), columns.map((c) => heatCell(count(t, c.key), `${t.label}, ${c.label}`, max)), el('td', { class: 'total' }, String(sortable ? total(t) : t.total))));
    return el('table', { class: groupRow ? 'heatmap grouped' : 'heatmap' }, el('caption', { class: 'visually-hidden' }, caption), el('thead', {}, groupRow, head), el('tbody', {}, rows));
  }

  /**
   * Authorities (rows, under a header row per region) by themes (columns): 150 authorities read down the page as
   * rows, where 150 columns would be a wide strip of rotated names; the themes, a few dozen at most, are the columns.
   */
  function authorityRowsTable(heat, caption) {
    const themes = model.themes;
    const count = (a, themeId) => a.perTheme[themeId] || 0;
    const max = Math.max(1, ...heat.authorities.flatMap((a) => themes.map((t) => count(a, t.themeId))));
    const head = el(
      'tr',
      { class: 'columns' },
      sortHeader('name', `Authority${sortMark('name')}`, { class: 'theme-col corner' }),
      themes.map((t) => sortHeader(t.themeId, el('span', {}, `${t.label}${sortMark(t.themeId)}`), { title: t.label, class: 'heat-col theme-head' })),
      sortHeader('total', `Total${sortMark('total')}`, { class: 'total-col' }),
    );
    const bodies = heat.regions.map((region) => {
      const members = sortRows(heat.authorities.filter((a) => a.region === region.key), (a) => a.label, (a) => a.total, count);
      return el(
        'tbody',
        { class: 'region-group' },
        el('tr', { class: 'region-row' }, el('th', { scope: 'rowgroup', colspan: String(themes.length + 2), class: 'region-head' }, `${region.label} · ${authorityCount(region.authorities)}, ${plural(region.total, 'passage')}`)),
        members.map((a) => el('tr', { class: 'authority-row' }, el('th', { scope: 'row', title: `${a.label}: ${plural(a.reports, 'report')}` }, a.label), themes.map((t) => heatCell(count(a, t.themeId), `${a.label}, ${t.label}`, max)), el('td', { class: 'total' }, String(a.total)))),
      );
    });
    return el('table', { class: 'heatmap transposed' }, el('caption', { class: 'visually-hidden' }, caption), el('thead', {}, head), bodies);
  }

  /** The switch "By report / By authority / By region", drawn once above the heat map (outside its scroll box). */
  function heatSwitch() {
    let bar = document.getElementById('heat-switch');
    if (!bar) {
      bar = el('div', { id: 'heat-switch', class: 'heat-switch', role: 'group', 'aria-label': 'Heat map columns' });
      for (const mode of HEAT_MODES) {
        const button = el('button', { type: 'button', class: 'secondary', 'data-heat-by': mode.id }, mode.button);
        button.addEventListener('click', () => setHeatBy(mode.id));
        append(bar, button);
      }
      $('heatmap').before(bar);
    }
    bar.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.getAttribute('data-heat-by') === heatBy)));
    $('heat-heading').textContent = (HEAT_MODES.find((m) => m.id === heatBy) || HEAT_MODES[0]).heading;
  }

  function renderHeatmap() {
    heatSwitch();
    const host = $('heatmap');
    clear(host);
    if (model.themes.length === 0 || model.reportCount === 0) {
      append(host, el('p', { class: 'empty' }, 'No tagged passages match.'));
      return;
    }
    if (heatBy === 'authority') renderByAuthority(host);
    else if (heatBy === 'region') renderByRegion(host);
    else renderByReport(host);
  }

  function renderByReport(host) {
    // The extension chooses the columns: up to MAX_COLUMNS reports, every report (the gaps show); beyond that
    // only reports with passages (hundreds of empty columns hide the picture), and the hint says how many are left
    // out. It sends them a window at a time (model.reports, from heat.offset), with their counts by theme.
    const heat = model.reportHeat;
    const hidden = model.reportCount - heat.columns;
    const columns = model.reports.map((r) => ({ key: r.path, label: r.label, short: r.shortLabel }));
    const columnOf = new Map(columns.map((c, i) => [c.key, i]));
    const rowOf = new Map(model.themes.map((t, i) => [t.themeId, i]));
    const count = (t, key) => (columnOf.has(key) ? heat.counts[rowOf.get(t.themeId)][columnOf.get(key)] || 0 : 0);
    const total = (t) => heat.totals[rowOf.get(t.themeId)] || 0;
    append(host, themeTable(columns, count, 'report-col', 'Number of tagged passages per theme and report', { sortable: true, max: Math.max(1, heat.max), total }));
    if (heat.columns > columns.length) append(host, reportWindowSwitch(heat, columns.length));
    if (hidden > 0) append(host, el('p', { class: 'hint' }, `${plural(hidden, 'report')} with no matching passage ${hidden === 1 ? 'is' : 'are'} not shown as columns; By authority or By region shows them all.`));
  }

  /** "Reports 1 to 40 of 5000 as columns" with buttons for the windows before and after: each asks the extension for it. */
  function reportWindowSwitch(heat, shown) {
    const ask = (offset) => {
      if (pendingColumns === offset) return;
      pendingColumns = offset;
      vscode.postMessage({ type: 'reportColumns', offset });
    };
    const page = heat.pageSize;
    const previous = el('button', { type: 'button', class: 'secondary', disabled: heat.offset === 0, 'data-columns': 'previous' }, `Previous ${page} reports`);
    previous.addEventListener('click', () => ask(Math.max(0, heat.offset - page)));
    const next = el('button', { type: 'button', class: 'secondary', disabled: heat.offset + shown >= heat.columns, 'data-columns': 'next' }, `Next ${Math.min(page, heat.columns - heat.offset - shown)} reports`);
    next.addEventListener('click', () => ask(heat.offset + shown));
    return el('p', { class: 'hint report-window' }, `Reports ${heat.offset + 1} to ${heat.offset + shown} of ${heat.columns} as columns. `, previous, ' ', next);
  }

  function renderByAuthority(host) {
    const heat = model.authorityHeat;
    if (heat.authorities.length <= MAX_COLUMNS) {
      // Few enough to be columns, under a header per region, as the report columns are.
      const groups = heat.regions.map((r) => ({ label: r.label, span: heat.authorities.filter((a) => a.region === r.key).length, title: `${r.label}: ${plural(r.total, 'passage')}` }));
      const columns = heat.authorities.map((a) => ({ key: a.key, label: a.label, short: a.label, title: `${a.label} (${a.region}): ${plural(a.reports, 'report')}` }));
      const byKey = new Map(heat.authorities.map((a) => [a.key, a]));
      append(host, themeTable(columns, (t, key) => byKey.get(key).perTheme[t.themeId] || 0, 'authority-col', 'Number of tagged passages per theme and authority, grouped by region', { sortable: true, groups }));
    } else {
      append(host, authorityRowsTable(heat, 'Number of tagged passages per authority and theme, grouped by region'));
    }
    const reports = heat.authorities.reduce((n, a) => n + a.reports, 0);
    append(host, el('p', { class: 'hint' }, `${authorityCount(heat.authorities.length)} in ${plural(heat.regions.length, 'region')}, ${plural(reports, 'report')}. Click a heading to sort.`));
  }

  function renderByRegion(host) {
    const heat = model.authorityHeat;
    const byKey = new Map(heat.regions.map((r) => [r.key, r]));
    const columns = heat.regions.map((r) => ({ key: r.key, label: r.label, short: r.label, title: `${r.label}: ${authorityCount(r.authorities)}, ${plural(r.reports, 'report')}` }));
    append(host, themeTable(columns, (t, key) => byKey.get(key).perTheme[t.themeId] || 0, 'region-col', 'Number of tagged passages per theme and region', { sortable: true }));
  }

  const OUTSIDE_JUDGEMENTS = 'none';

  function renderAreas() {
    const host = $('areas');
    clear(host);
    // Only the areas that hold a passage, in the reports' order of judgements, then passages outside them.
    const used = new Set(model.themes.flatMap((t) => Object.keys(t.perArea)));
    const areas = [...Object.keys(model.areaLabels), OUTSIDE_JUDGEMENTS].filter((a) => used.has(a));
    if (areas.length === 0) {
      append(host, el('p', { class: 'empty' }, 'No tagged passages match.'));
      return;
    }
    const columns = areas.map((a) => {
      if (a === OUTSIDE_JUDGEMENTS) return { key: a, label: 'Outside judgement sections', short: 'Outside judgement sections' };
      return { key: a, label: model.areaLabels[a] || a, short: model.areaShortLabels[a] || a };
    });
    append(host, themeTable(columns, (t, key) => t.perArea[key] || 0, 'area-col', 'Number of tagged passages per theme and judgement area'));
  }

  // ---- Grades over time: one small timeline per authority ------------------------------------------------

  /** Timelines drawn in one go; more are drawn in later tasks, so 150 authorities never freeze the page at once. */
  const TIMELINE_BATCH = 12;
  /** Counts renderGrades calls: a batch of an earlier drawing (an earlier filter) is not drawn. */
  let gradesDrawing = 0;

  function renderGrades() {
    const host = $('grades');
    clear(host);
    const drawing = ++gradesDrawing;
    if (model.gradesOverTime.length === 0) {
      append(host, el('p', { class: 'empty' }, 'No graded reports match.'));
      return;
    }
    const dates = model.gradesOverTime.flatMap((a) => Object.values(a.areas).flatMap((points) => points.map((p) => p.date).filter(Boolean)));
    // A loop, not Math.min(...years): a national set's thousands of dates would overflow the call's arguments.
    const years = dates.map((d) => Number(d.slice(0, 4)));
    const first = years.reduce((a, b) => Math.min(a, b), Infinity);
    const last = years.reduce((a, b) => Math.max(a, b), first + 1);
    // The legend names the grades the charts show, best first (the older scale's "adequate" only when present).
    const shown = new Set(model.gradesOverTime.flatMap((a) => Object.values(a.areas).flatMap((points) => points.map((p) => p.grade))));
    const legend = el('p', { class: 'legend' }, model.gradeOrder.filter((g) => shown.has(g)).map((g) => el('span', {}, el('span', { class: `swatch grade-${g}`, 'aria-hidden': 'true' }), model.gradeLabels[g])));
    append(host, legend);
    const authorities = model.gradesOverTime;
    const drawFrom = (from) => {
      if (drawing !== gradesDrawing) return;
      for (const authority of authorities.slice(from, from + TIMELINE_BATCH)) host.insertBefore(timelineFigure(authority, first, last), legend);
      if (from + TIMELINE_BATCH < authorities.length) setTimeout(() => drawFrom(from + TIMELINE_BATCH), 0);
      // Drawn in more than one go: what the page shows now is told again (the integration test reads it).
      else if (from > 0) reportRendered();
    };
    drawFrom(0);
  }

  /** One authority's grades over time: a row per judgement area, a dot per grade, on a shared axis of years. */
  function timelineFigure(authority, first, last) {
    const width = 420;
    const left = 150;
    const right = 16;
    const rowH = 19;
    const x = (date) => {
      const [y, m, d] = date.split('-').map(Number);
      const t = y + ((m - 1) * 30.5 + d) / 366;
      return left + ((t - first) / (last + 1 - first)) * (width - left - right);
    };
    const areas = Object.keys(authority.areas);
    const height = areas.length * rowH + 26;
    const summary = areas.map((a) => `${model.areaLabels[a] || a}: ${authority.areas[a].map((p) => `${model.gradeLabels[p.grade]} (${p.date ? p.date.slice(0, 4) : 'undated'})`).join(', ')}`).join('; ');
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${authority.authority} grades over time. ${summary}`, class: 'timeline' });
    for (let y = first; y <= last + 1; y++) {
      const gx = x(`${y}-01-01`);
      append(chart, svg('line', { x1: gx, x2: gx, y1: 4, y2: height - 18, class: 'grid' }));
      if (y <= last) append(chart, svg('text', { x: gx + 2, y: height - 4, class: 'axis' }, String(y)));
    }
    areas.forEach((area, i) => {
      const cy = 14 + i * rowH;
      append(chart, svg('text', { x: 0, y: cy + 4, class: 'area' }, model.areaShortLabels[area] || area, svg('title', {}, model.areaLabels[area] || area)));
      const points = authority.areas[area].filter((p) => p.date);
      for (let k = 1; k < points.length; k++) {
        append(chart, svg('line', { x1: x(points[k - 1].date), x2: x(points[k].date), y1: cy, y2: cy, class: 'trend' }));
      }
      for (const p of points) {
        append(chart, svg('circle', { cx: x(p.date), cy, r: 6, class: `dot grade-${p.grade}` }, svg('title', {}, `${model.areaLabels[area] || area}: ${model.gradeLabels[p.grade]} (${p.date})`)));
        append(chart, svg('text', { x: x(p.date), y: cy + 3.5, class: 'dot-label' }, String(model.gradeLabels[p.grade] || '?').charAt(0)));
      }
    });
    return el('figure', { class: 'authority' }, el('figcaption', {}, authority.authority), chart);
  }

  // ---- Recurring areas for improvement -----------------------------------------------------------------

  function renderRecurring() {
    const host = $('recurring');
    clear(host);
    host.hidden = model.recurringImprovements.length === 0;
    if (host.hidden) return;
    append(host, [
      el('h2', { id: 'recurring-heading' }, 'Recurring areas for improvement'),
      el(
        'ul',
        { class: 'recurring' },
        model.recurringImprovements.map((r) =>
          el(
            'li',
            {},
            el('span', { class: 'recurring-title' }, `${r.authority}: ${r.years.join(', ') || 'undated'}`),
            el('span', { class: 'hint' }, ` (linked by ${r.matchedBy.join(' and ')})`),
            el('ul', {}, r.occurrences.map((o) => el('li', {}, el('span', { class: 'year' }, o.year ? String(o.year) : 'undated'), ' ', o.text.replace(/\s+/g, ' ').trim()))),
          ),
        ),
      ),
      model.recurringScope ? el('p', { class: 'hint', id: 'recurring-scope' }, model.recurringScope) : null,
    ]);
  }

  // ---- Passages -----------------------------------------------------------------------------------------

  /** The board's passages are marked, in the words the core sends; the council's (most reports' only list) are not. */
  function ownerChip(item) {
    if (!item.listOwner || item.listOwner === 'local-authority') return null;
    const words = model.ownerLabels[item.listOwner];
    return words ? el('span', { class: 'chip owner', title: `On ${words.name}'s list` }, words.short) : null;
  }

  /** A passage row's drag: the data passageDragData builds, offered as a copy (the row stays in the view). */
  function startPassageDrag(event, item) {
    if (!event.dataTransfer || !item.reportUri) return;
    for (const [type, value] of Object.entries(passageDragData(item.reportUri, item.tagId))) event.dataTransfer.setData(type, value);
    event.dataTransfer.effectAllowed = 'copy';
  }

  function renderPassages() {
    const list = $('passages');
    clear(list);
    if (model.itemCount === 0) {
      append(list, el('li', { class: 'empty' }, 'No tagged passages match these filters.'));
      return;
    }
    // Long lists arrive and are drawn a page at a time (the extension keeps the rest), so half a million
    // passages never reach the page at once.
    for (const item of loaded) {
      const open = el('button', { type: 'button', class: 'link', title: item.orphaned ? 'Open the report (the passage is no longer found in it)' : 'Open the report at this passage' }, item.reportFileName);
      open.addEventListener('click', () => vscode.postMessage({ type: 'open', reportPath: item.reportPath, tagId: item.tagId }));
      const copy = el('button', { type: 'button', class: 'secondary', 'aria-label': `Copy this passage with its citation` }, 'Copy with citation');
      copy.addEventListener('click', () => vscode.postMessage({ type: 'copy', reportPath: item.reportPath, tagId: item.tagId }));
      // An orphaned passage has no words in the report to cite, so it cannot be dragged into a draft.
      const row = el(
        'li',
        { class: item.orphaned ? 'passage orphaned' : 'passage', 'data-tag-id': item.tagId, draggable: item.orphaned || !item.reportUri ? undefined : 'true' },
        el('div', { class: 'chips' }, item.themes.map((t) => el('span', { class: 'chip' }, t.label)), item.grade ? el('span', { class: `chip grade grade-${item.grade}` }, model.gradeLabels[item.grade]) : null, ownerChip(item), item.orphaned ? el('span', { class: 'chip warn' }, 'orphaned') : null),
        el('blockquote', { class: 'quote' }, item.quote.replace(/\s+/g, ' ').trim()),
        el('p', { class: 'citation' }, item.citation),
        item.note ? el('p', { class: 'note' }, el('span', { class: 'note-label' }, item.author ? `Note (${item.author}): ` : 'Note: '), el('span', { class: 'note-text' }, item.note)) : null,
        el('div', { class: 'row-actions' }, open, copy),
      );
      if (!item.orphaned && item.reportUri) row.addEventListener('dragstart', (event) => startPassageDrag(event, item));
      append(list, row);
    }
    const remaining = model.itemCount - loaded.length;
    if (remaining > 0) {
      const more = el('button', { type: 'button', class: 'secondary' }, `Show ${Math.min(model.items.length, remaining)} more of ${remaining} remaining`);
      more.addEventListener('click', () => {
        if (pending === loaded.length) return;
        pending = loaded.length;
        /** @type {HTMLButtonElement} */ (more).disabled = true;
        vscode.postMessage({ type: 'page', offset: loaded.length });
      });
      append(list, el('li', { class: 'more' }, more));
    }
  }

  function render() {
    renderFilters();
    renderSummary();
    renderProblems();
    renderHeatmap();
    renderAreas();
    renderGrades();
    renderRecurring();
    renderPassages();
    $('app').setAttribute('aria-busy', 'false');
    reportRendered();
  }

  /** What was drawn, for the integration test (and nothing the page does depends on it). */
  function reportRendered(extra = {}) {
    const heatHead = /** @type {HTMLElement | null} */ (document.querySelector('#heatmap thead'));
    vscode.postMessage({
      type: 'rendered',
      state: {
        passages: document.querySelectorAll('#passages li.passage').length,
        heatCells: document.querySelectorAll('#heatmap td.heat-cell.filled').length,
        heatRows: document.querySelectorAll('#heatmap tbody tr:not(.region-row)').length,
        heatColumns: document.querySelectorAll('#heatmap thead th.heat-col').length,
        heatBy,
        // Which report columns are drawn, when there are more than a window of them.
        heatColumnWindow: model && model.reportHeat ? { offset: model.reportHeat.offset, columns: model.reportHeat.columns } : null,
        heatSort: `${heatSort.key} ${heatSort.descending ? 'descending' : 'ascending'}`,
        heatRowLabels: Array.from(document.querySelectorAll('#heatmap tbody tr:not(.region-row) th[scope=row]')).map((th) => th.textContent),
        heatColumnLabels: Array.from(document.querySelectorAll('#heatmap thead th.heat-col')).map((th) => th.getAttribute('title')),
        heatRegions: Array.from(document.querySelectorAll('#heatmap .region-head')).map((th) => th.textContent),
        heatRowTotals: Array.from(document.querySelectorAll('#heatmap tbody tr:not(.region-row) td.total')).map((td) => Number(td.textContent)),
        heatStickyHeader: heatHead ? window.getComputedStyle(heatHead).position : null,
        heatScrolls: $('heatmap').scrollHeight > $('heatmap').clientHeight,
        heatScrollTop: $('heatmap').scrollTop,
        // Where the column headings are, from the top of the heat map's box: 0 however far it is scrolled when they stick.
        heatHeadOffset: heatHead ? Math.round(heatHead.getBoundingClientRect().top - $('heatmap').getBoundingClientRect().top) : null,
        areaColumns: Array.from(document.querySelectorAll('#areas thead th.area-col')).map((th) => th.textContent),
        areaCells: document.querySelectorAll('#areas td.heat-cell.filled').length,
        recurring: document.querySelectorAll('#recurring ul.recurring > li').length,
        timelines: document.querySelectorAll('#grades figure.authority').length,
        gradeDots: document.querySelectorAll('#grades circle.dot').length,
        problems: document.querySelectorAll('#problems li.problem').length,
        notes: Array.from(document.querySelectorAll('#passages .note-text')).map((n) => n.textContent),
        images: document.querySelectorAll('img').length,
        scriptsInContent: document.querySelectorAll('#app script').length,
        // As drawn: the problem's label, its message and the link.
        problemMessages: Array.from(document.querySelectorAll('#problems li.problem')).map((li) => li.textContent || ''),
        folders: model.folders,
        injected: /** @type {any} */ (window).__iraInjected ?? null,
        summary: $('summary').textContent,
        filter: currentFilter(),
        ...extra,
      },
    });
  }

  document.querySelectorAll('[data-export]').forEach((b) => b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.getAttribute('data-export') })));
  document.querySelectorAll('[data-action]').forEach((b) => b.addEventListener('click', () => vscode.postMessage({ type: b.getAttribute('data-action') })));
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'evidence') {
      $('cancel').hidden = true;
      model = message.model;
      loaded = model.items.slice();
      pending = -1;
      render();
    } else if (message.type === 'progress') {
      $('app').setAttribute('aria-busy', 'true');
      $('cancel').hidden = message.done >= message.total;
      $('summary').textContent = `Collecting evidence… ${message.done} of ${message.total} reports`;
      // Test hook: the extension asks for Cancel to be pressed once this many reports are read.
      if (typeof message.cancelAt === 'number' && message.done >= message.cancelAt && !$('cancel').hidden) $('cancel').click();
    } else if (message.type === 'cancelled') {
      $('app').setAttribute('aria-busy', 'false');
      $('cancel').hidden = true;
      // The last complete collection stays on screen; a cancelled run's part of one is never shown as the evidence.
      if (!message.kept) {
        // Nothing complete to show (first collection, or other folders): whatever was drawn before goes.
        model = null;
        loaded = [];
        for (const id of ['passages', 'heatmap', 'areas', 'grades', 'filters']) clear($(id));
        $('problems').hidden = true;
        $('recurring').hidden = true;
      }
      $('summary').textContent = `Collection cancelled after ${message.done} of ${message.total} reports. ` +
        (message.kept ? 'Showing the evidence from the last complete collection; Refresh to collect again.' : 'Refresh to collect again.');
      vscode.postMessage({ type: 'rendered', state: { passages: document.querySelectorAll('#passages li.passage').length, heatCells: document.querySelectorAll('#heatmap td.heat-cell.filled').length, summary: $('summary').textContent, cancelled: true } });
    } else if (message.type === 'page' && model && message.offset === loaded.length && Array.isArray(message.items)) {
      // A page for an earlier filter (offset no longer the end of the list) is dropped.
      loaded = loaded.concat(message.items);
      pending = -1;
      renderPassages();
    } else if (message.type === 'reportColumns' && model && message.reportHeat) {
      pendingColumns = -1;
      model.reports = message.reports;
      model.reportHeat = message.reportHeat;
      // Sorted by a report of the window left behind: back to names, as a new layout starts.
      if (heatSort.key !== 'name' && heatSort.key !== 'total' && !model.reports.some((r) => r.path === heatSort.key)) {
        heatSort = { key: 'name', descending: false };
        saveHeatView();
      }
      renderHeatmap();
      reportRendered({ columnsArrived: true });
    } else if (message.type === 'heatView' && model) {
      // Test hook: presses the switch and then a header as a user would (the clicks go through the same handlers).
      const button = Array.from(document.querySelectorAll('#heat-switch button')).find((b) => b.getAttribute('data-heat-by') === message.by);
      if (button) /** @type {HTMLElement} */ (button).click();
      const keys = Array.isArray(message.sortBy) ? message.sortBy : [];
      const missing = [];
      for (const key of keys) {
        const th = Array.from(document.querySelectorAll('#heatmap th[data-sort]')).find((h) => h.getAttribute('data-sort') === key || h.getAttribute('title') === key);
        if (th) /** @type {HTMLElement} */ (th).click();
        else missing.push(key);
      }
      if (typeof message.scrollTo === 'number') $('heatmap').scrollTop = message.scrollTo;
      // "next" or "previous": presses that button over the report columns (its window arrives as a message).
      const columnsButton = message.columns ? document.querySelector(`#heatmap button[data-columns="${message.columns === 'next' ? 'next' : 'previous'}"]`) : null;
      if (columnsButton) /** @type {HTMLElement} */ (columnsButton).click();
      reportRendered({ heatClicks: keys.length, heatMissing: missing });
    } else if (message.type === 'setFilter' && model) {
      setFilter(message.filter || {});
    } else if (message.type === 'press') {
      // Test hook: presses a passage's button as a user would (the click goes through the same handler).
      const row = Array.from(document.querySelectorAll('#passages li.passage')).find((li) => li.getAttribute('data-tag-id') === message.tagId);
      const button = row && row.querySelector(message.action === 'copy' ? '.row-actions button.secondary' : '.row-actions button.link');
      if (button) /** @type {HTMLElement} */ (button).click();
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
