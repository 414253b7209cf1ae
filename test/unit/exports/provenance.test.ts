// Issue 10, part 2: a report imported from a PDF says where it came from in the evidence and in every export,
// whether the provenance is read from the text's own last line or, without the text, from the tags file.

import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { exportCsv } from '../../../src/core/exports/csvExport';
import { exportJson } from '../../../src/core/exports/jsonExport';
import { exportMarkdown } from '../../../src/core/exports/markdownExport';
import { exportQdpx } from '../../../src/core/exports/qdpxExport';
import { provenanceBlock, type ImportProvenance } from '../../../src/core/import/provenance';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { defaultCodebook } from '../../../src/core/tags/codebook/defaultCodebook';
import { fixtureAnalyser } from '../evidence/fixtureModels';

const SOURCE: ImportProvenance = { pdf: 'harbourside-fv-2024.pdf', sha256: 'ab'.repeat(32), importer: 'Inspection Report Annotator PDF import 1 (PDF.js 5.4.624)' };
const TEXT = 'Hello. Focused visit to Harbourside children’s services.\n\nMain findings\n\nLeaders know their services well.\n';
const NOW = () => new Date('2026-12-04T12:00:00.000Z');

function sidecar(fileName: string, report: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'inspection-report-annotator/tags',
    version: 1,
    report: { fileName, textHash: 'a'.repeat(64), ...report },
    tags: [
      {
        id: 't1',
        themes: [{ id: 'supervision', label: 'Supervision' }],
        created: '2024-07-01T10:00:00.000Z',
        modified: '2024-07-01T10:00:00.000Z',
        anchor: { position: { start: 0, end: 5, unit: 'utf-16' }, quote: { exact: 'Hello', prefix: '', suffix: '. Focused visit to Harbo' } },
      },
    ],
  });
}

describe('provenance of imported reports in evidence and exports', () => {
  it('reads it from the imported text, and carries it to the report and each of its passages', async () => {
    const fs = new MemoryFileSystem({ '/w/h.txt': TEXT + provenanceBlock(SOURCE), '/w/h.txt.tags.json': sidecar('h.txt'), '/w/plain.txt': TEXT, '/w/plain.txt.tags.json': sidecar('plain.txt') });
    const set = await collectEvidence(['/w'], fs, { analyse: fixtureAnalyser, now: NOW });
    assert.deepEqual(set.reports.map((r) => [r.fileName, r.source?.pdf]), [['h.txt', SOURCE.pdf], ['plain.txt', undefined]]);
    assert.deepEqual(set.items.map((i) => [i.reportFileName, i.orphaned, i.source?.sha256]), [['h.txt', false, SOURCE.sha256], ['plain.txt', false, undefined]]);
  });

  it('falls back on the tags file when the text is missing; a partial record makes the tags file a problem', async () => {
    const fs = new MemoryFileSystem({ '/w/gone.txt.tags.json': sidecar('gone.txt', { source: SOURCE }), '/w/bad.txt.tags.json': sidecar('bad.txt', { source: { pdf: 'x.pdf' } }) });
    const set = await collectEvidence(['/w'], fs, { analyse: fixtureAnalyser, now: NOW });
    assert.deepEqual(set.reports.map((r) => [r.fileName, r.source]), [['gone.txt', SOURCE]]);
    assert.deepEqual(set.problems.filter((p) => p.kind === 'malformed-sidecar').map((p) => p.path), ['/w/bad.txt.tags.json']);
  });

  it('names the PDF in the CSV, Markdown, JSON and REFI-QDA exports', async () => {
    const fs = new MemoryFileSystem({ '/w/h.txt': TEXT + provenanceBlock(SOURCE), '/w/h.txt.tags.json': sidecar('h.txt') });
    const set = await collectEvidence(['/w'], fs, { analyse: fixtureAnalyser, now: NOW });
    const [header, row] = exportCsv(set).replace(/^\uFEFF/, '').split('\r\n');
    const columns = header!.split(',');
    const cells = row!.split(',');
    assert.equal(cells[columns.indexOf('source_pdf')], SOURCE.pdf);
    assert.equal(cells[columns.indexOf('source_pdf_sha256')], SOURCE.sha256);
    assert.match(exportMarkdown(set), /## Reports imported from PDF\n\n- h\.txt: from harbourside-fv-2024\.pdf \(SHA-256 `(ab){32}`\), by Inspection Report Annotator PDF import 1/);
    assert.deepEqual((JSON.parse(exportJson(set)) as { reports: Array<{ source?: ImportProvenance }> }).reports[0]!.source, SOURCE);
    const { bytes } = exportQdpx(set, { texts: new Map([['/w/h.txt', TEXT + provenanceBlock(SOURCE)]]), codebook: defaultCodebook() });
    assert.match(strFromU8(unzipSync(bytes)['project.qde']!), /<Description>[^<]*imported from PDF harbourside-fv-2024\.pdf \(SHA-256 (ab){32}\)/);
  });
});
