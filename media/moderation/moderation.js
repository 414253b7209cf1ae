// The Moderation webview. Draws what the extension sends (a JSON model) and posts back the coders chosen and the
// disagreement to follow. Every name, label and passage goes in as text (textContent), never parsed as HTML.
// @ts-check
/* global acquireVsCodeApi, document, window */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  /** @type {any} */
  let model;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = String(v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === undefined || c === null || c === false) continue;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const fixed = (x) => (typeof x === 'number' ? x.toFixed(3) : 'undefined');
  const BAND_NAMES = { low: 'below 0.4', fair: '0.4 to 0.75', high: 'above 0.75', none: 'kappa undefined' };
  /** The four ways to settle a disagreement, as the extension names them (see settleDisagreement in the core). */
  const DECISIONS = [
    ['accept-a', (m) => `Accept ${m.coderA}'s`],
    ['accept-b', (m) => `Accept ${m.coderB}'s`],
    ['keep-both', () => 'Keep both'],
    ['mark-agreed', () => 'Mark agreed'],
  ];

  function choice() {
    return {
      coderA: /** @type {HTMLSelectElement} */ ($('coderA')).value,
      coderB: /** @type {HTMLSelectElement} */ ($('coderB')).value,
      unit: /** @type {HTMLSelectElement} */ ($('unit')).value,
    };
  }

  function fillCoders(select, selected) {
    while (select.firstChild) select.removeChild(select.firstChild);
    for (const c of model.coders) select.appendChild(el('option', { value: c.name, selected: c.name === selected }, `${c.name} (${c.tags} tag${c.tags === 1 ? '' : 's'})`));
  }

  function drawThemes() {
    const table = $('themes');
    while (table.firstChild) table.removeChild(table.firstChild);
    const segment = model.unit === 'segment';
    const heads = segment ? ['Theme', 'Matched share', `${model.coderA} unmatched`, `${model.coderB} unmatched`, 'Matched'] : ['Theme', 'Agreement', 'Kappa', `${model.coderA} only`, `${model.coderB} only`, 'Both'];
    table.appendChild(el('thead', {}, el('tr', {}, ...heads.map((h) => el('th', { scope: 'col' }, h)))));
    const body = el('tbody', {});
    for (const t of model.themes) {
      const kappaCell = el('td', { class: `num band band-${t.band}`, title: BAND_NAMES[t.band] }, fixed(t.kappa));
      const cells = segment ? [fixed(t.agreement), t.aOnly, t.bOnly, t.both].map((v) => el('td', { class: 'num' }, v)) : [el('td', { class: 'num' }, fixed(t.agreement)), kappaCell, ...[t.aOnly, t.bOnly, t.both].map((v) => el('td', { class: 'num' }, v))];
      body.appendChild(el('tr', { 'data-theme': t.id }, el('th', { scope: 'row' }, t.label), ...cells));
    }
    table.appendChild(body);
    const o = model.overall;
    $('overall').textContent = o ? `Overall, weighted by length: agreement ${fixed(o.weighted.agreement)}${segment ? '' : `, kappa ${fixed(o.weighted.kappa)}`}. Unweighted: agreement ${fixed(o.unweighted.agreement)}${segment ? '' : `, kappa ${fixed(o.unweighted.kappa)}`}.` : '';
  }

  function drawDisagreements() {
    const list = $('disagreements');
    while (list.firstChild) list.removeChild(list.firstChild);
    if (model.disagreements.length === 0) list.appendChild(el('li', { class: 'empty' }, model.coderB ? 'No disagreements: the two coders coded the same passages.' : ''));
    for (const d of model.disagreements) {
      const open = el('button', { type: 'button', class: 'link', 'data-index': d.index, title: 'Open the report at this passage' }, d.text.length > 240 ? `${d.text.slice(0, 237)}…` : d.text);
      open.addEventListener('click', () => vscode.postMessage({ type: 'open', index: d.index }));
      const settle = el('div', { class: 'settle', role: 'group', 'aria-label': 'Settle this disagreement' });
      for (const [decision, label] of DECISIONS) {
        const button = el('button', { type: 'button', class: 'secondary', 'data-settle': decision, 'data-index': d.index }, label(model));
        button.addEventListener('click', () => vscode.postMessage({ type: 'settle', index: d.index, decision }));
        settle.appendChild(button);
      }
      const status = d.settled ? el('span', { class: 'settled' }, ` · settled (${model.agreedCoder})`) : null;
      list.appendChild(el('li', { class: d.settled ? 'passage is-settled' : 'passage' }, el('div', { class: 'meta' }, `${d.themeLabel} · coded by ${d.coder} only · ${d.report}`, status), open, settle));
    }
  }

  function draw() {
    fillCoders($('coderA'), model.coderA);
    fillCoders($('coderB'), model.coderB);
    /** @type {HTMLSelectElement} */ ($('unit')).value = model.unit;
    const n = model.coders.length;
    $('summary').textContent = n < 2
      ? `Moderation needs two coders: ${n === 0 ? 'no tags record a coder' : `only ${model.coders[0].name} has tagged`} in ${model.reports} report${model.reports === 1 ? '' : 's'}. Tags record their coder from the "author" of each tag.`
      : `${model.coderA} (A) and ${model.coderB} (B) over ${model.reports} tagged report${model.reports === 1 ? '' : 's'}: ${model.themes.length} theme${model.themes.length === 1 ? '' : 's'}, ${model.disagreements.length} disagreement${model.disagreements.length === 1 ? '' : 's'}.`;
    drawThemes();
    drawDisagreements();
    $('notice').textContent = model.notice || '';
    const undo = /** @type {HTMLButtonElement} */ (document.querySelector('[data-action="undo"]'));
    undo.disabled = !model.undoable;
    undo.textContent = model.undoable ? `Undo last settlement (${model.undoable})` : 'Undo last settlement';
    $('app').setAttribute('aria-busy', 'false');
    vscode.postMessage({
      type: 'rendered',
      state: {
        coderA: model.coderA,
        coderB: model.coderB,
        unit: model.unit,
        themes: model.themes.map((t) => ({ id: t.id, label: t.label, agreement: fixed(t.agreement), kappa: fixed(t.kappa), band: t.band, aOnly: t.aOnly, bOnly: t.bOnly, both: t.both })),
        disagreements: model.disagreements.map((d) => ({ index: d.index, theme: d.themeLabel, coder: d.coder, text: d.text, settled: d.settled })),
        undoable: model.undoable,
        notice: model.notice,
        actionsDone: model.actionsDone,
      },
    });
  }

  for (const id of ['coderA', 'coderB', 'unit']) $(id).addEventListener('change', () => vscode.postMessage({ type: 'choose', choice: choice() }));
  document.querySelector('[data-action="refresh"]')?.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  document.querySelector('[data-action="undo"]')?.addEventListener('click', () => vscode.postMessage({ type: 'undo' }));

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'moderation') {
      model = message.model;
      draw();
    } else if (message.type === 'setChoice') {
      // As if the user picked these in the controls.
      const wanted = { ...choice(), ...message.choice };
      /** @type {HTMLSelectElement} */ ($('coderA')).value = wanted.coderA;
      /** @type {HTMLSelectElement} */ ($('coderB')).value = wanted.coderB;
      /** @type {HTMLSelectElement} */ ($('unit')).value = wanted.unit;
      vscode.postMessage({ type: 'choose', choice: wanted });
    } else if (message.type === 'press') {
      const button = /** @type {HTMLElement | null} */ (document.querySelector(`button.link[data-index="${Number(message.index)}"]`));
      button?.click();
    } else if (message.type === 'pressSettle') {
      const decision = DECISIONS.some(([d]) => d === message.decision) ? message.decision : '';
      const button = /** @type {HTMLElement | null} */ (document.querySelector(`button[data-settle="${decision}"][data-index="${Number(message.index)}"]`));
      button?.click();
    } else if (message.type === 'pressUndo') {
      /** @type {HTMLElement | null} */ (document.querySelector('[data-action="undo"]'))?.click();
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
