import assert from 'node:assert/strict';
import { foldingRegions } from '../../../src/core/navigation/folding';
import { SAMPLE_TEXT, sampleModel } from './sampleReport';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseReport } from '../../../src/core/recognition/analyse';
import type { ReportModel, Section } from '../../../src/core/recognition/model';
import { syntheticSifReport } from '../../../bench/syntheticReport';

/** The plain definition: split every line, then step back over blank ones. */
function referenceRegions(model: ReportModel, text: string): Array<{ start: number; end: number }> {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Array<{ start: number; end: number }> = [];
  const seen = new Set<number>();
  const visit = (sections: Section[]): void => {
    for (const s of sections) {
      const start = s.line - 1;
      let end = Math.min(s.endLine - 1, lines.length - 1);
      while (end > start && (lines[end] ?? '').trim() === '') end--;
      if (end > start && !seen.has(start)) {
        seen.add(start);
        out.push({ start, end });
      }
      visit(s.children);
    }
  };
  visit(model.sections);
  return out.sort((a, b) => a.start - b.start);
}
const REPORTS = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));

describe('folding regions', () => {
  it('folds each section from its heading to its last line of text (0-based lines)', () => {
    assert.deepEqual(foldingRegions(sampleModel(), SAMPLE_TEXT), [
      { start: 0, end: 9 }, // title block: the blank line 11 is not folded in
      { start: 11, end: 14 },
      { start: 16, end: 21 },
    ]);
  });

  it('folds nested sections inside their parent and skips one-line sections', () => {
    const model = sampleModel();
    const parent = model.sections[2]!;
    parent.children = [{ ...parent, title: 'Sub', line: 19, endLine: 20, children: [] }, { ...parent, title: 'One line', line: 22, endLine: 22, children: [] }];
    const regions = foldingRegions(model, SAMPLE_TEXT);
    assert.deepEqual(regions.slice(2), [
      { start: 16, end: 21 },
      { start: 18, end: 19 },
    ]);
  });

  it('gives one region per start line, the outer one', () => {
    const model = sampleModel();
    const parent = model.sections[2]!;
    parent.children = [{ ...parent, title: 'Same start', endLine: 19, children: [] }];
    assert.deepEqual(foldingRegions(model, SAMPLE_TEXT).filter((r) => r.start === 16), [{ start: 16, end: 21 }]);
  });

  it('handles CRLF text and an end line past the text', () => {
    const model = sampleModel();
    model.sections[2]!.endLine = 400;
    const crlf = SAMPLE_TEXT.replace(/\n/g, '\r\n');
    assert.deepEqual(foldingRegions(model, crlf).at(-1), { start: 16, end: 21 });
  });

  it('gives what splitting every line gives, on every fixture, in LF, CRLF and lone-CR text, with blank and space-only lines', () => {
    const texts = readdirSync(REPORTS).filter((n) => /\.(txt|md)$/.test(n)).map((n) => readFileSync(`${REPORTS}/${n}`, 'utf8'));
    texts.push(syntheticSifReport(readFileSync(`${REPORTS}/sif-2015-fernleigh.txt`, 'utf8')), SAMPLE_TEXT);
    let regions = 0;
    for (const base of texts) {
      // Sections ending in lines of spaces, tabs or no-break spaces, and a text ending in a line break or not.
      const padded = base.replace(/\n\n(?=[A-Z])/g, '\n   \n\t\u00a0\n\n').replace(/\n*$/, '\n\n  ');
      for (const text of [base, padded, padded.replace(/\n/g, '\r\n'), padded.replace(/\n/g, '\r'), base.replace(/\n/g, '\r\n') + '\r\n']) {
        const model = analyseReport(text, { markdown: false });
        // Models whose sections run on past their text, as an older or hand-made model may.
        const stretched = { ...model, sections: model.sections.map((sec) => ({ ...sec, endLine: sec.endLine + 3 })) };
        for (const m of [model, stretched]) {
          const expected = referenceRegions(m, text);
          assert.deepEqual(foldingRegions(m, text), expected);
          regions += expected.length;
        }
      }
    }
    assert.ok(regions > 200, `${regions} regions compared`);
  });
});
