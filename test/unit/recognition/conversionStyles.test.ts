// Recognition must not depend on the converter (issue 10): fixtures written in the styles users' text
// arrives in (tab-separated SIF table rows, **bold** grades, HTML fragments, reading-order text whose grade
// words sit on lines of their own, paragraph numbers alone on a line), and a property: re-wrapping a report,
// giving it Windows line endings or tab-separating its table rows changes nothing a reader takes from it.
import { strict as assert } from 'node:assert';
import { analyseReport } from '../../../src/core/recognition/analyse';
import type { ReportModel } from '../../../src/core/recognition/model';
import { analyseFixture, fixture, gradeList, slice } from './fixtureReports';

describe('recognition: a SIF report with tab-separated table rows, bold and <p> tags', () => {
  const { text, model } = analyseFixture('sif-2014-ashdown-tabbed.txt');

  it('reads all seven judgements, the tab-separated rows included', () => {
    assert.deepEqual(gradeList(model), [
      'overall=requires-improvement', 'help-protection=requires-improvement', 'in-care=good', 'adoption=outstanding',
      'care-leavers=requires-improvement', 'leaders=requires-improvement', 'lscb=good',
    ]);
    const adoption = model.judgements.find((j) => j.area === 'adoption')!;
    assert.equal(adoption.source, 'table');
    assert.equal(slice(text, adoption.range), 'Outstanding', 'the grade\'s offsets are in the original text, inside the ** marks');
  });

  it('names the area, not the council, and reads the dates', () => {
    assert.equal(model.metadata.authority, 'Ashdown');
    assert.equal(model.metadata.publishedDate, '2015-05-12');
    assert.deepEqual([model.metadata.inspectionDates?.start, model.metadata.inspectionDates?.end], ['2015-03-03', '2015-03-26']);
  });

  it('reads the priority action, the grouped areas for improvement and the LSCB\'s, and numbers the paragraphs around them', () => {
    assert.deepEqual(model.improvements.map((i) => `${i.priority ? 'P' : 'A'} ${i.group ?? '-'}: ${i.text.split(' ').slice(0, 4).join(' ')}`), [
      'P -: Ensure that every child',
      'A Leadership and management: Strengthen the oversight of',
      'A Leadership and management: Improve the quality of',
      'A Care leavers: Ensure that pathway plans',
      'A -: Ensure that the board\'s',
    ]);
    // The numbered items are in the report's one running sequence, and a reader cites them by it.
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.ok(slice(text, model.paragraphs[6]!.range).startsWith('7. Referrals are screened'));
    assert.ok(slice(text, model.paragraphs[0]!.range).startsWith('1. Ensure that every child'));
  });
});

describe('recognition: an ILACS report in reading order (pdftotext without -layout)', () => {
  const { text, model } = analyseFixture('ilacs-2019-brookfield-reading-order.txt');

  it('reads the judgement table whose header, labels and grades sit on lines of their own, the overall grade included', () => {
    assert.deepEqual(gradeList(model), ['leaders=good', 'help-protection=requires-improvement', 'in-care=good', 'overall=good']);
    const overall = model.judgements.find((j) => j.area === 'overall')!;
    assert.equal(overall.source, 'table');
    assert.equal(slice(text, overall.range), 'Good');
    assert.equal(slice(text, model.judgements[1]!.range), 'Requires improvement\nto be good');
  });

  it('takes no grade word on its own line for a section', () => {
    assert.ok(!model.sections.some((s) => /^(?:good|grade|judgement|requires improvement)$/i.test(s.title)), model.sections.map((s) => s.title).join(' | '));
  });

  it('numbers the paragraphs whose number stands alone on its line, across a page number', () => {
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6]);
    assert.ok(slice(text, model.paragraphs[0]!.range).endsWith('scrutinise performance closely.'));
    assert.ok(slice(text, model.paragraphs[5]!.range).endsWith('into education and work.'));
    assert.deepEqual(model.improvements.map((i) => i.text), ['The timeliness of assessments for children in need.', 'The quality of written plans, so that families know what must change.']);
  });
});

describe('recognition: a committee paper pasted as HTML fragments', () => {
  const { text, model } = analyseFixture('committee-paper-wendover-2023-html.txt');

  it('reads the authority from the subject, and the restated grades in bold inside quotes and <li> tags', () => {
    assert.equal(model.kind, 'committee-paper');
    assert.equal(model.metadata.authority, 'Wendover');
    assert.equal(model.metadata.publishedDate, '2023-11-14');
    assert.deepEqual(gradeList(model), ['overall=good', 'leaders=good', 'help-protection=requires-improvement', 'in-care=good', 'care-leavers=outstanding']);
    assert.equal(slice(text, model.judgements.find((j) => j.area === 'help-protection')!.range), 'Requires improvement to be good');
  });

  it('reads the areas for improvement the paper introduces, entities decoded, and not the next steps', () => {
    assert.deepEqual(model.improvements.map((i) => i.text), [
      'The timeliness of child protection enquiries out of hours.',
      'The quality of supervision & management oversight of practice.',
      'Planning for children who return home from care.',
    ]);
  });
});

/** What a reader takes from a report: it must not change with the conversion. */
function reading(model: ReportModel): Record<string, unknown> {
  return {
    kind: model.kind,
    authority: model.metadata.authority,
    grades: gradeList(model).sort(),
    afis: model.improvements.filter((i) => !i.priority).length,
    priority: model.improvements.filter((i) => i.priority).length,
    paragraphs: model.paragraphs.map((p) => p.number),
  };
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Long prose lines wrapped at `width`, as a narrower converter would print them; tables and headings are shorter. */
function wrap(text: string, width: number): string {
  return text.split('\n').flatMap((line) => {
    if (line.length <= width || /\t| {2,}\S/.test(line.trim())) return [line];
    const out: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current && current.length + 1 + word.length > width) { out.push(current); current = word; }
      else current = current ? `${current} ${word}` : word;
    }
    return [...out, current];
  }).join('\n');
}

/** Wrapped prose joined back onto one line per paragraph (a line running on in lower case continues the one above). */
function unwrap(text: string): string {
  return text.replace(/([a-z,])\n(?=[a-z])/g, '$1 ');
}

/** Table rows whose columns are parted by spaces get a tab between label and grade instead. */
function tabbed(text: string): string {
  return text.split('\n').map((line) => line.replace(/(\S) {2,}((?:Outstanding|Good|Inadequate|Requires improvement(?: to be good)?)\s*)$/, '$1\t$2')).join('\n');
}

describe('recognition: the same reading whatever the conversion (property)', () => {
  const fixtures = [
    'sif-2014-ashdown-tabbed.txt', 'ilacs-2019-brookfield-reading-order.txt', 'committee-paper-wendover-2023-html.txt',
    'sif-2015-fernleigh.txt', 'ilacs-2023-kestrel-vale.txt', 'ilacs-2019-westmere.txt', 'focused-visit-2022-kestrel-vale.txt', 'monitoring-visit-2024-thornbury.txt',
  ];
  const variants: [string, (t: string) => string][] = [
    ['Windows line endings', crlf],
    ['long lines re-wrapped at 70', (t) => wrap(t, 70)],
    ['wrapped prose unwrapped', unwrap],
    ['table rows tab-separated', tabbed],
  ];
  for (const name of fixtures) {
    const original = reading(analyseReport(fixture(name)));
    for (const [label, convert] of variants) {
      it(`${name}: ${label}`, () => {
        const converted = convert(fixture(name));
        assert.deepEqual(reading(analyseReport(converted)), original);
      });
    }
  }

  it('the variants do change the text (the property is not vacuous)', () => {
    const text = fixture('sif-2015-fernleigh.txt');
    for (const [label, convert] of variants) assert.notEqual(convert(text), text, label);
  });
});
