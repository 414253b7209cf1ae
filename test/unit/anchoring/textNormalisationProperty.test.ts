// The matching view is built from runs of characters taken whole (normaliseForMatching, normaliseAt, and
// matchingView with its spans kept as segments); here it is checked against a plain model that reads one character at a time, as the view is defined: for every line
// window of every fixture report, at random cut points (a quote with its context), and for generated text full of
// the odd cases (hyphens at line ends, soft hyphens, folded characters, bullets, footers, CRLF, lone surrogates).

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { footerLineKey, matchingView, normaliseAt, normaliseForMatching, repeatedLineKeys, toNormalisedOffset, type NormaliseOptions } from '../../../src/core/tags/anchoring/textNormalisation';

const FIXTURES = join(__dirname, '../../fixtures/reports');
const PAGE_NUMBER_LINE = /^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i;
const FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '`': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\u2026': '...',
};
const BULLETS = '\u25fc\uf06e\uf02d\uf0a7\uf0b7\u2022\u25aa\u25cf\u25a0\u25e6\u2023\u2043';

interface ModelView {
  text: string;
  starts: number[];
  ends: number[];
}

/** Lines as [start, end of text, end with its break]: '\r\n', '\r', '\n' and '\f' end a line. */
function modelLines(text: string): Array<[number, number, number]> {
  const lines: Array<[number, number, number]> = [];
  const breaks = /\r\n|[\r\n\f]/g;
  let start = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    lines.push([start, m.index, m.index + m[0].length]);
    start = m.index + m[0].length;
  }
  lines.push([start, text.length, text.length]);
  return lines;
}

function modelDropped(text: string, options: NormaliseOptions): boolean[] {
  const dropped = new Array<boolean>(text.length).fill(false);
  const keys = options.dropLineKeys ?? new Set<string>();
  const lines = modelLines(text);
  lines.forEach(([start, end, next], i) => {
    if (options.partialEdges === true && (i === 0 || i === lines.length - 1)) return;
    const line = text.slice(start, end);
    const pageNumber = (options.dropPageNumbers ?? true) && /\d\s*$/.test(line) && PAGE_NUMBER_LINE.test(line);
    const footer = line.length >= 4 && keys.has(footerLineKey(line) ?? '');
    if (pageNumber || footer) for (let k = start; k < next; k++) dropped[k] = true;
  });
  return dropped;
}

/** The view as defined, one character at a time. */
function modelView(text: string, options: NormaliseOptions): ModelView {
  const dropped = modelDropped(text, options);
  const blank = (i: number): boolean => dropped[i]! || /\s/.test(text[i]!) || BULLETS.includes(text[i]!);
  const letter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);
  const view: ModelView = { text: '', starts: [], ends: [] };
  const push = (chars: string, start: number, end: number): void => {
    for (const ch of chars.split('')) {
      view.text += ch;
      view.starts.push(start);
      view.ends.push(end);
    }
  };
  let ws: [number, number] | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (blank(i)) {
      ws = [ws?.[0] ?? i, i + 1];
      continue;
    }
    if (ch === '\u00ad') continue;
    if ('-\u2010\u2011'.includes(ch) && ws === undefined && letter(view.text[view.text.length - 1])) {
      if (i + 1 < text.length && !blank(i + 1) && letter(text[i + 1])) continue;
      let j = i + 1;
      let sawBreak = false;
      for (; j < text.length && blank(j); j++) if ('\n\r\f'.includes(text[j]!) || dropped[j]!) sawBreak = true;
      if (sawBreak && j < text.length && letter(text[j])) {
        i = j - 1;
        continue;
      }
    }
    if (ws !== undefined && view.text.length > 0) push(' ', ws[0], ws[1]);
    ws = undefined;
    push(FOLDS[ch] ?? ch, i, i + 1);
  }
  return view;
}

function modelAt(view: ModelView, offset: number): number {
  const at = view.starts.findIndex((start) => start >= offset);
  return at < 0 ? view.starts.length : at;
}

function assertSameView(text: string, options: NormaliseOptions, offsets: number[]): void {
  const model = modelView(text, options);
  const view = normaliseForMatching(text, options);
  assert.equal(view.text, model.text, JSON.stringify(text));
  assert.deepEqual([...view.starts], model.starts, JSON.stringify(text));
  assert.deepEqual([...view.ends], model.ends, JSON.stringify(text));
  assertSameLookups(text, options, model);
  const at = normaliseAt(text, options, offsets);
  assert.equal(at.text, model.text, JSON.stringify(text));
  assert.deepEqual(at.at, offsets.map((o) => modelAt(model, o)), `${JSON.stringify(text)} at ${JSON.stringify(offsets)}`);
  assert.deepEqual(at.at, offsets.map((o) => toNormalisedOffset(view, o)));
}

/**
 * matchingView (a report's view, its spans kept as segments) looks up what the model spells out: each view
 * character's span (none outside the view), and each original offset's first view character at or after it.
 */
function assertSameLookups(text: string, options: NormaliseOptions, model: ModelView): void {
  const view = matchingView(text, options);
  assert.equal(view.text, model.text);
  const n = model.text.length;
  for (let k = -1; k <= n; k++) {
    assert.equal(view.startOf(k), model.starts[k], `start of ${k} in ${JSON.stringify(text)}`);
    assert.equal(view.endOf(k), model.ends[k], `end of ${k} in ${JSON.stringify(text)}`);
  }
  for (let k = 0; k < n; k++) assert.deepEqual(view.toOriginal(k, Math.min(n, k + 3)), { start: model.starts[k], end: model.ends[Math.min(n, k + 3) - 1] });
  // Every offset against a binary search of the model's starts (the model's own look-up is linear: too slow here).
  const starts = Int32Array.from(model.starts);
  for (let o = 0; o <= text.length + 1; o++) assert.equal(view.toView(o), toNormalisedOffset({ text: model.text, starts, ends: starts }, o), `offset ${o} in ${JSON.stringify(text)}`);
}

const fixtureTexts = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt') || name.endsWith('.md'))
  .map((name) => readFileSync(join(FIXTURES, name), 'utf8'));

describe('matching view: runs taken whole read as the view one character at a time', () => {
  it('every fixture report, whole, with its footers dropped and kept', () => {
    for (const text of fixtureTexts) {
      const keys = repeatedLineKeys(text);
      for (const options of [{ dropLineKeys: keys }, { dropPageNumbers: false }, {}]) {
        const view = normaliseForMatching(text, options);
        const model = modelView(text, options);
        assertSameLookups(text, options, model);
        assert.equal(view.text, model.text);
        assert.deepEqual([...view.starts], model.starts);
        assert.deepEqual([...view.ends], model.ends);
      }
    }
  });

  it('quotes with their context cut anywhere from every fixture line window, at random offsets', () => {
    const texts = fixtureTexts.map((text) => ({ text, keys: repeatedLineKeys(text) }));
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.integer({ min: 1, max: 400 }), fc.array(fc.nat(), { minLength: 2, maxLength: 4 }), fc.boolean(), (which, from, length, picks, footers) => {
        const { text, keys } = texts[which]!;
        const start = from % text.length;
        const quote = text.slice(start, start + length);
        const offsets = picks.map((p) => p % (quote.length + 1)).sort((a, b) => a - b);
        assertSameView(quote, footers ? { dropLineKeys: keys, partialEdges: true } : { dropPageNumbers: false }, offsets);
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('odd inputs: hyphens at line ends, soft hyphens, folded characters, bullets, footers, CRLF, surrogates', () => {
    const pieces = ['well', 'organised', ' ', '  ', '-', '-\n', '-\r\n  ', '\u2010\n', '\u00ad', '\u00ad\n', '\n', '\r\n', '\r', '\f', '\t', '\u00a0',
      '\u2019', '\u201c', '\u2013', '\ufb01', '\u2026', '`', '\u2022 ', '\uf0b7', 'caf\u00e9', '\ud83d\ude00', '\ud800', '7', '12', '\n   44\n',
      '\nPage 3 of 9\n', '\nInspection of Wexcombe   7\n', 'Inspection of Wexcombe', 'x1', '.', ',', "'", '\u00ab'];
    const keys = new Set(['Inspection of Wexcombe #', 'Inspection of Wexcombe']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom(0, 1, 2, 3), (parts, picks, mode) => {
        const text = parts.join('');
        const offsets = picks.map((p) => p % (text.length + 1)).sort((a, b) => a - b);
        const options: NormaliseOptions[] = [{ dropLineKeys: keys, partialEdges: true }, { dropPageNumbers: false }, { dropLineKeys: keys }, {}];
        assertSameView(text, options[mode]!, offsets);
      }),
      { numRuns: 5000, seed: 14 },
    );
  });
});
