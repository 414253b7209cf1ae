// The vocabulary is owned by one module: every kind, area and grade has every form there, and no other
// source file defines those words again (a second copy is how the Outline and the Evidence view came to
// disagree on "Adoption performance" / "Adoption").
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRADES, JUDGEMENT_AREAS, REPORT_KINDS } from '../../../src/core/recognition/model';
import {
  AREA_WORDS,
  GRADE_DISPLAY_ORDER,
  GRADE_WORDS,
  KIND_WORDS,
  LIST_ITEM_WORDS,
  listItemLabel,
  listItemPhrase,
  OWNER_WORDS,
  SOURCE_DESCRIPTIONS,
} from '../../../src/core/vocabulary/labels';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === value && value.length > 0;
}

describe('vocabulary: one owner for the words of kinds, areas and grades', () => {
  it('gives every report kind a title, a citation form and a column tag', () => {
    assert.deepEqual(Object.keys(KIND_WORDS).sort(), [...REPORT_KINDS].sort());
    for (const kind of REPORT_KINDS) {
      const words = KIND_WORDS[kind];
      assert.ok(filled(words.title), `${kind}: title`);
      assert.ok(filled(words.citation), `${kind}: citation`);
      assert.equal(typeof words.column, 'string', `${kind}: column`);
      // Only the ordinary ILACS report and an unrecognised document go unmarked in narrow columns.
      if (kind !== 'ilacs-inspection' && kind !== 'unknown') assert.ok(filled(words.column), `${kind}: column`);
    }
    assert.equal(KIND_WORDS['ilacs-inspection'].title, 'ILACS inspection report');
    assert.equal(KIND_WORDS['ilacs-inspection'].citation, 'ILACS inspection');
    assert.equal(KIND_WORDS['focused-visit'].column, 'FV');
  });

  it('gives every judgement area a label, a short form no longer than the label, and a full name', () => {
    assert.deepEqual(Object.keys(AREA_WORDS), [...JUDGEMENT_AREAS], 'in the order judgements come');
    for (const area of JUDGEMENT_AREAS) {
      const words = AREA_WORDS[area];
      assert.ok(filled(words.label) && filled(words.short) && filled(words.fullName), area);
      assert.ok(words.short.length <= words.label.length, `${area}: short form is short`);
      assert.ok(words.fullName.length >= words.label.length, `${area}: full name is full`);
    }
    assert.equal(AREA_WORDS.leaders.label, 'Impact of leaders');
    assert.equal(AREA_WORDS.lscb.short, 'LSCB');
  });

  it('gives every grade a label, a citation form and a meaning, and puts every grade in the display order once', () => {
    assert.deepEqual(Object.keys(GRADE_WORDS).sort(), [...GRADES].sort());
    for (const grade of GRADES) {
      const words = GRADE_WORDS[grade];
      assert.ok(filled(words.label) && filled(words.citation) && filled(words.meaning), grade);
      assert.equal(words.citation, words.citation.toLowerCase(), `${grade}: citation form is lower case, for running text`);
    }
    assert.deepEqual([...GRADE_DISPLAY_ORDER].sort(), [...GRADES].sort());
    assert.equal(GRADE_DISPLAY_ORDER[0], 'outstanding');
    assert.equal(GRADE_DISPLAY_ORDER[GRADE_DISPLAY_ORDER.length - 1], 'inadequate');
    assert.equal(GRADE_WORDS['requires-improvement'].citation, 'requires improvement to be good');
    for (const source of Object.keys(SOURCE_DESCRIPTIONS)) assert.ok(filled(SOURCE_DESCRIPTIONS[source as keyof typeof SOURCE_DESCRIPTIONS]));
  });

  it('names whose list an item is on, the board as its judgement area does, and marks only the board’s items', () => {
    assert.deepEqual(Object.keys(OWNER_WORDS), ['local-authority', 'lscb']);
    for (const words of [...Object.values(OWNER_WORDS), ...Object.values(LIST_ITEM_WORDS)]) {
      for (const form of Object.values(words)) assert.ok(filled(form), form);
    }
    assert.equal(OWNER_WORDS.lscb.label, AREA_WORDS.lscb.label);
    assert.equal(OWNER_WORDS.lscb.short, AREA_WORDS.lscb.short);
    assert.equal(listItemLabel('improvement', 'lscb'), 'Area for improvement (LSCB)');
    assert.equal(listItemLabel('improvement', 'local-authority'), 'Area for improvement');
    assert.equal(listItemLabel('strength', 'lscb'), 'Strength (LSCB)');
    assert.equal(listItemPhrase('priority-action', 'lscb'), 'area for priority action (LSCB)');
  });
});

// ---- no second definition anywhere else ----

function sourceFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path, ext) : ext.test(e.name) ? [path] : [];
  });
}

/** Comments may quote the words (as examples); only code defines them. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every word form worth finding: not the ids themselves ("good") and not generic words ("report"). */
function vocabularyStrings(): string[] {
  const ids = new Set<string>([...REPORT_KINDS, ...JUDGEMENT_AREAS, ...GRADES, ...Object.keys(OWNER_WORDS), ...Object.keys(LIST_ITEM_WORDS)]);
  const all = [
    ...Object.values(KIND_WORDS).flatMap((w) => [w.title, w.citation, w.column]),
    ...Object.values(AREA_WORDS).flatMap((w) => [w.label, w.short, w.fullName]),
    ...Object.values(GRADE_WORDS).flatMap((w) => [w.label, w.citation, w.meaning]),
    ...Object.values(SOURCE_DESCRIPTIONS),
    ...Object.values(OWNER_WORDS).flatMap((w) => [w.label, w.short, w.name]),
    ...Object.values(LIST_ITEM_WORDS).flatMap((w) => [w.label, w.phrase, w.plural]),
  ];
  // "strengths" is also a section role's id.
  return [...new Set(all)].filter((s) => s !== '' && !ids.has(s) && s !== 'report' && s !== 'paper' && s !== 'strengths');
}

/** A string literal that is the word form, or starts with it followed by ":" ("Overall effectiveness: ${grade}"). */
function definitions(source: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...source.matchAll(new RegExp(`(['"\`])${escaped}(\\1|:)`, 'g'))].length;
}

export function strayDefinitions(files: Array<{ name: string; source: string }>, words: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const code = withoutComments(file.source);
    for (const word of words) if (definitions(code, word) > 0) found.push(`${file.name}: "${word}"`);
  }
  return found;
}

describe('vocabulary: no second copy of the words', () => {
  const words = vocabularyStrings();

  it('finds a copy when one is planted (so the scan below can fail)', () => {
    const planted = [
      { name: 'planted.ts', source: "const AREAS = { 'help-protection': 'Help and protection' };\n// 'Children in care' in a comment is fine\n" },
      { name: 'planted.js', source: 'const GRADES = { good: "Good", x: `Requires improvement` };' },
      { name: 'summary.ts', source: 'push(`Overall effectiveness: ${g}`);' },
    ];
    assert.deepEqual(strayDefinitions(planted, words), [
      'planted.ts: "Help and protection"',
      'planted.js: "Good"',
      'planted.js: "Requires improvement"',
      'summary.ts: "Overall effectiveness"',
    ]);
  });

  it('finds a planted copy of an item kind’s or an owner’s words', () => {
    const planted = [{ name: 'outline.ts', source: "const detail = i.priority ? 'Priority action' : 'Area for improvement';\nconst who = 'LSCB';\nname('strength');" }];
    assert.deepEqual(strayDefinitions(planted, words), ['outline.ts: "LSCB"', 'outline.ts: "Area for improvement"', 'outline.ts: "Priority action"']);
  });

  it('has no label, citation form, short form or meaning defined outside src/core/vocabulary', () => {
    const files = [...sourceFiles(join(ROOT, 'src'), /\.ts$/), ...sourceFiles(join(ROOT, 'media'), /\.js$/)]
      .map((path) => ({ name: relative(ROOT, path), source: readFileSync(path, 'utf8') }))
      .filter((f) => !f.name.split(/[\\/]/).join('/').startsWith('src/core/vocabulary/'));
    assert.ok(files.length > 50, 'the scan reads the sources');
    assert.deepEqual(strayDefinitions(files, words), []);
  });
});
