import assert from 'node:assert/strict';
import { exportCsv, safeCell } from '../../../src/core/exports/csvExport';
import { formatCitation, formatQuoteWithCitation } from '../../../src/core/evidence/citation';
import { boardItem, evidence, item } from './sampleEvidence';

const CITATION = "Westmere ILACS inspection, published 12 March 2024, para 23, section 'The experiences and progress of children in care: good'";

describe('citation', () => {
  it('names authority, kind, date, paragraph and section', () => {
    assert.equal(formatCitation(item()), CITATION);
    assert.equal(formatQuoteWithCitation(item()), `“Children in care 🧒 live in stable homes.” (${CITATION})`);
  });

  it('dates letters, adds a missing grade to a judgement heading, and marks orphaned passages', () => {
    assert.equal(
      formatCitation(item({ reportKind: 'focused-visit', reportDate: '2023-06-14', paragraph: undefined, section: 'Main findings', sectionRole: 'main-findings', grade: undefined })),
      "Westmere focused visit, dated 14 June 2023, section 'Main findings'",
    );
    // Only the inspection dates known: never called a publication date.
    assert.equal(
      formatCitation(item({ reportDate: '2024-02-23', reportDateKind: 'inspection', paragraph: undefined, section: undefined })),
      'Westmere ILACS inspection, inspection ended 23 February 2024',
    );
    assert.equal(
      formatCitation(item({ section: 'The experiences and progress of care leavers', grade: 'requires-improvement' })),
      "Westmere ILACS inspection, published 12 March 2024, para 23, section 'The experiences and progress of care leavers: requires improvement to be good'",
    );
    assert.equal(
      formatCitation(item({ authority: undefined, reportDate: undefined, paragraph: undefined, section: undefined, orphaned: true })),
      'westmere-2024.txt (ILACS inspection) (passage no longer found in the report; quoted as tagged)',
    );
  });
});

describe('CSV export', () => {
  it('writes a BOM, a header and one CRLF row per passage, quoting per RFC 4180', () => {
    const csv = exportCsv(evidence([item({ note: 'Line one\nline "two"', author: 'A. Reviewer' })]));
    assert.equal(
      csv,
      '\uFEFFtheme_ids,theme_labels,quote,report_file,report_path,report_kind,authority,report_date,section,paragraph,judgement_area,grade,note,author,orphaned,tag_id,citation,source_pdf,source_pdf_sha256,list_owner\r\n' +
        'stability,Placement stability,Children in care 🧒 live in stable homes.,westmere-2024.txt,/reports/westmere-2024.txt,ilacs-inspection,Westmere,2024-03-12,' +
        'The experiences and progress of children in care: good,23,in-care,good,"Line one\nline ""two""",A. Reviewer,no,t1,' +
        `"${CITATION}",,,\r\n`,
    );
  });

  it("names whose list a passage lies on in the list_owner column: the board's items apart from the council's", () => {
    const rows = exportCsv(evidence([item({ listOwner: 'local-authority' }), boardItem({ position: undefined })])).split('\r\n');
    assert.ok(rows[0]!.endsWith(',list_owner'));
    assert.ok(rows[1]!.endsWith(',local-authority'), rows[1]);
    assert.ok(rows[2]!.startsWith('training,Multi-agency training,Evaluate the impact'), rows[2]);
    assert.ok(rows[2]!.endsWith(',lscb'), rows[2]);
  });

  it('joins several themes in one cell and keeps Unicode as typed', () => {
    const csv = exportCsv(
      evidence([
        item({
          themes: [
            { id: 'a', label: 'Voice of the child' },
            { id: 'b', label: 'Stabilité' },
          ],
          quote: '‘Curly’ “quotes” 👩‍👧 and עברית (RTL)',
          note: 'مرحبا 🙂',
        }),
      ]),
    );
    const row = csv.split('\r\n')[1]!;
    assert.ok(row.startsWith('a; b,Voice of the child; Stabilité,‘Curly’ “quotes” 👩‍👧 and עברית (RTL),'));
    assert.ok(row.includes(',مرحبا 🙂,'));
    // Round trip through UTF-8 bytes loses nothing.
    assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(csv)), csv);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(safeCell(`${start}1+1`), `'${start}1+1`);
    assert.equal(safeCell('Plans 1+1=2'), 'Plans 1+1=2');
    // A plain negative number (a kappa below chance) stays a number; with anything after it, it is guarded.
    assert.equal(safeCell('-0.500'), '-0.500');
    assert.equal(safeCell('-2'), '-2');
    assert.equal(safeCell('-2+3'), "'-2+3");
    assert.equal(safeCell('-0.5e3'), "'-0.5e3");
    const csv = exportCsv(
      evidence([item({ quote: '=HYPERLINK("http://example.invalid","x")', note: '+44 1234', author: '@team', section: '-2 posts', tagId: '\tt9' })]),
    );
    const row = csv.split('\r\n')[1]!;
    assert.ok(row.includes(`,"'=HYPERLINK(""http://example.invalid"",""x"")",`));
    assert.ok(row.includes(",'+44 1234,'@team,no,'\tt9,"));
    assert.ok(row.includes(",'-2 posts,23,"));
  });

  it('writes just the header when there is no passage', () => {
    assert.equal(exportCsv(evidence([])).split('\r\n').length, 2);
  });
});
