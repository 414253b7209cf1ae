// A committee paper numbered by section ("2.3") as a reader meets it in the editor: the Outline's "¶ 2.3", Go to
// Paragraph accepting "2.3" (and "87" in an inspection report), and Copy with Citation saying "para 2.3".
// The paper is the project's invented fixture (Fernleigh is not a real authority).
import assert from 'node:assert/strict';
import { buildOutline, type OutlineSymbol } from '../../../src/core/navigation/outline';
import { findParagraph } from '../../../src/core/navigation/paragraphLookup';
import { citationFieldsFor } from '../../../src/core/evidence/tagCitation';
import { formatQuoteWithCitation } from '../../../src/core/evidence/citation';
import { createAnchor } from '../../../src/core/tags/anchoring/anchorCreation';
import { tagContext } from '../../../src/core/tags/anchoring/tagContext';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { exportCsv } from '../../../src/core/exports/csvExport';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { analyseFixture } from '../recognition/fixtureReports';
import { SAMPLE_TEXT, sampleModel } from './sampleReport';
import { sifModel } from './sifSampleReport';

const { text, model } = analyseFixture('committee-paper-fernleigh-2024.txt');

function flat(symbols: OutlineSymbol[]): OutlineSymbol[] {
  return symbols.flatMap((s) => [s, ...flat(s.children)]);
}

function tagOn(words: string): Tag {
  const start = text.indexOf(words);
  assert.ok(start >= 0, words);
  const anchor = createAnchor(text, start, start + words.length);
  return { id: 't1', themes: [{ id: 'sufficiency', label: 'Sufficiency' }], created: '2024-05-01T09:00:00.000Z', modified: '2024-05-01T09:00:00.000Z', anchor, context: tagContext(model, anchor.position) };
}

describe('a committee paper numbered by section, in the Outline', () => {
  it('lists each paragraph as "¶ 2.3" with its opening words, the printed number left out of them', () => {
    const paragraphs = flat(buildOutline(model, text)).filter((s) => s.kind === 'paragraph');
    assert.deepEqual(paragraphs.map((s) => s.name), ['¶ 1.1', '¶ 1.2', '¶ 2.1', '¶ 2.2', '¶ 3.1', '¶ 3.2', '¶ 3.3', '¶ 3.4', '¶ 4.1', '¶ 4.2', '¶ 5.1']);
    const p33 = paragraphs.find((s) => s.name === '¶ 3.3')!;
    assert.match(p33.detail, /^Inspectors noted that the council spent an additional 1\.5 million/);
  });

  it('puts each paragraph under its section', () => {
    const findings = buildOutline(model, text).find((s) => s.name === 'Inspection findings')!;
    assert.deepEqual(findings.children.filter((s) => s.kind === 'paragraph').map((s) => s.name), ['¶ 3.1', '¶ 3.2', '¶ 3.3', '¶ 3.4']);
  });
});

describe('Go to Paragraph', () => {
  it('finds "2.3"-style numbers however the reader writes them', () => {
    for (const query of ['3.3', ' 3.3 ', '3.3.', 'para 3.3', '¶ 3.3', 'Paragraph 3.3', '03.3']) {
      const lookup = findParagraph(model, query);
      assert.ok('found' in lookup, query);
      assert.equal(lookup.found.label, '3.3');
      assert.ok(text.slice(lookup.found.range.start).startsWith('3.3   Inspectors noted'), query);
      assert.equal(lookup.found.line, text.split('\n').findIndex((l) => l.startsWith('3.3')) + 1);
    }
  });

  it('tells "3" (no such paragraph here) from "3.30" and from words that are no number', () => {
    assert.deepEqual(findParagraph(model, '3'), { problem: 'This report has no paragraph 3. Its numbered paragraphs run from 1.1 to 5.1 (11 of them).' });
    assert.deepEqual(findParagraph(model, '3.30'), { problem: 'This report has no paragraph 3.30. Its numbered paragraphs run from 1.1 to 5.1 (11 of them).' });
    assert.deepEqual(findParagraph(model, 'findings'), { problem: '"findings" is not a paragraph number. Type the number the report prints, for example 1.2.' });
  });

  it('finds an inspection report\'s plain numbers, and says when a report numbers none', () => {
    const lookup = findParagraph(sampleModel(), '2');
    assert.ok('found' in lookup);
    assert.ok(SAMPLE_TEXT.slice(lookup.found.range.start).startsWith('2.     Strategy meetings are well attended.'));
    const none = { ...sampleModel(), paragraphs: [] };
    assert.deepEqual(findParagraph(none, '2'), { problem: 'This report has no paragraph 2. It has no numbered paragraphs that were recognised.' });
  });
});

describe('Go to Paragraph in a SIF report', () => {
  it('finds a numbered area for improvement by its number when it is not also listed as a paragraph', () => {
    const full = sifModel();
    const item = full.improvements.find((i) => i.number === 13)!;
    const lookup = findParagraph({ ...full, paragraphs: full.paragraphs.filter((p) => p.number !== 13) }, 'para 13');
    assert.deepEqual(lookup, { found: { label: '13', range: item.range, line: item.line } });
  });
});

describe('citing a committee paper\'s paragraph', () => {
  it('Copy with Citation says "para 3.3", as the paper prints it', () => {
    const tag = tagOn('sufficiency of local homes remains a challenge');
    assert.equal(
      formatQuoteWithCitation(citationFieldsFor({ text, model }, tag, 'committee-paper-fernleigh-2024.txt')),
      '“sufficiency of local homes remains a challenge” (Fernleigh committee paper, dated 23 April 2024, para 3.3, section \'Inspection findings\')',
    );
  });

  it('the evidence collected across reports carries the label to the CSV export, and the number as the paragraph\'s place', async () => {
    const tag = tagOn('Progress will be reported to members every six months.');
    const fs = new MemoryFileSystem({
      '/papers/fernleigh.txt': text,
      '/papers/fernleigh.txt.tags.json': JSON.stringify({ format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'fernleigh.txt', textHash: 'a'.repeat(64) }, tags: [tag] }),
    });
    const set = await collectEvidence(['/papers'], fs, { now: () => new Date('2024-05-02T00:00:00.000Z') });
    const item = set.items[0]!;
    assert.equal(item.paragraph, 10);
    assert.equal(item.paragraphLabel, '4.2');
    const csv = exportCsv(set).split(/\r?\n/);
    const column = csv[0]!.split(',').indexOf('paragraph');
    assert.ok(column >= 0);
    assert.equal(csv[1]!.split(',')[column], '4.2');
  });
});
