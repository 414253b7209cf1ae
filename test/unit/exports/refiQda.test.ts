import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { XMLParser } from 'fast-xml-parser';
import type { Codebook } from '../../../src/core/tags/codebook/codebookModel';
import { exportQdpx } from '../../../src/core/exports/qdpxExport';
import { exportQdc } from '../../../src/core/exports/qdcExport';
import { importQdc } from '../../../src/core/exports/qdcImport';
import { plainTextSource } from '../../../src/core/exports/refiPositions';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { fixtureAnalyser } from '../evidence/fixtureModels';
import { evidence, item, REPORT_TEXT } from './sampleEvidence';

const SCHEMAS = fileURLToPath(new URL('../../../schemas/refi-qda', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));

async function assertValid(xml: string, xsdPath: string): Promise<void> {
  const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: xml }], schema: [readFileSync(xsdPath, 'utf8')] });
  assert.ok(result.valid, result.errors.map((e) => e.rawMessage).join('\n'));
}

/** The official XSDs, when the environment points at them (they are not part of this project). */
function officialXsd(pattern: RegExp): string | undefined {
  const dir = process.env.REFI_QDA_XSD_DIR;
  if (!dir || !existsSync(dir)) return undefined;
  const file = readdirSync(dir).find((f) => pattern.test(f));
  return file ? join(dir, file) : undefined;
}

const CODEBOOK: Codebook = {
  groups: [
    {
      id: 'practice',
      label: 'Practice & planning',
      themes: [
        { id: 'stability', label: 'Placement stability', colour: '#1f77b4', description: 'Children <in care> living in stable homes.', cues: ['stable'], groupId: 'practice' },
        { id: 'plans', label: 'Plans and planning', colour: '#ff7f0e', cues: [], groupId: 'practice' },
      ],
    },
    { id: 'empty', label: 'Not yet used', themes: [] },
  ],
};

/** Code-point slice, as a QDA tool indexes the source text. */
function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

describe('REFI-QDA positions', () => {
  it('count code points, with CRLF written as LF and no BOM', () => {
    const original = '\uFEFFA😀B\r\nC\rD';
    const source = plainTextSource(original);
    assert.equal(source.text, 'A😀B\nC\nD');
    // UTF-16 offsets of A, 😀, B, CR, LF, C in the original -> code points in the written text.
    assert.deepEqual([1, 2, 4, 5, 6, 7, 8, 9, 10].map(source.toPosition), [0, 1, 2, 3, 3, 4, 5, 6, 7]);
  });
});

describe('.qdpx export', () => {
  const texts = new Map([['/reports/westmere-2024.txt', REPORT_TEXT]]);

  it('zips project.qde at the root and each report under sources/, referenced as internal://<guid>.txt', () => {
    const { bytes } = exportQdpx(evidence([item()]), { texts, codebook: CODEBOOK });
    const files = unzipSync(bytes);
    const names = Object.keys(files).sort();
    assert.equal(names[0], 'project.qde');
    assert.equal(names.length, 2);
    assert.match(names[1]!, /^sources\/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.txt$/);
    const xml = strFromU8(files['project.qde']!);
    const paths = [...xml.matchAll(/plainTextPath="internal:\/\/([^"]+)"/g)].map((m) => `sources/${m[1]}`);
    assert.deepEqual(paths, [names[1]]);
    assert.equal(strFromU8(files[names[1]!]!), REPORT_TEXT);
  });

  it('codes each passage at its code-point positions, one Coding per theme, note as Description', () => {
    const passage = item({
      themes: [
        { id: 'stability', label: 'Placement stability' },
        { id: 'voice', label: 'Voice of the child' },
      ],
      note: 'Seen in 2021 too & still <true>.',
      author: 'A. Reviewer',
    });
    const { bytes, projectXml } = exportQdpx(evidence([passage]), { texts, codebook: CODEBOOK });
    const files = unzipSync(bytes);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['Code', 'Coding', 'PlainTextSelection', 'TextSource', 'User', 'Variable', 'VariableValue'].includes(n) }).parse(projectXml);
    const source = parsed.Project.Sources.TextSource[0];
    const text = strFromU8(files[`sources/${source.guid}.txt`]!);
    const selection = source.PlainTextSelection[0];
    // The emoji before the passage's end counts once; the selection covers exactly the quote.
    assert.equal(codePointSlice(text, Number(selection.startPosition), Number(selection.endPosition)), passage.quote);
    assert.equal(Number(selection.endPosition) - Number(selection.startPosition), [...passage.quote].length);
    assert.equal(selection.Description, 'Seen in 2021 too & still <true>.');
    const user = parsed.Project.Users.User[0];
    assert.deepEqual([user.name, selection.creatingUser], ['A. Reviewer', user.guid]);
    const codes = new Map<string, string>();
    const walk = (list: Array<{ guid: string; name: string; Code?: unknown[] }>) => list.forEach((c) => (codes.set(c.guid, c.name), walk((c.Code ?? []) as never)));
    walk(parsed.Project.CodeBook.Codes.Code);
    // Report facts travel as source variables.
    const variables = new Map<string, string>(parsed.Project.Variables.Variable.map((v: { guid: string; name: string }) => [v.guid, v.name]));
    assert.deepEqual(
      source.VariableValue.map((v: { VariableRef: { targetGUID: string }; TextValue?: string; DateValue?: string }) => [variables.get(v.VariableRef.targetGUID), v.TextValue ?? v.DateValue]),
      [
        ['Authority', 'Westmere'],
        ['Report kind', 'ILACS inspection'],
        ['Report date', '2024-03-12'],
      ],
    );
    assert.deepEqual(selection.Coding.map((c: { CodeRef: { targetGUID: string } }) => codes.get(c.CodeRef.targetGUID)), ['Placement stability', 'Voice of the child']);
  });

  it('is valid against our REFI-QDA project schema (and the official one when REFI_QDA_XSD_DIR is set)', async function () {
    const fs = new NodeFileSystem();
    const collected = new Map<string, string>();
    const set = await collectEvidence([`${FIXTURES}/reports`, `${FIXTURES}/problems`], fs, {
      analyse: fixtureAnalyser,
      now: () => new Date('2026-01-05T12:00:00.000Z'),
      onReportText: (path, text) => collected.set(path, text),
    });
    const { projectXml, skipped, bytes } = exportQdpx(set, { texts: collected, codebook: CODEBOOK });
    await assertValid(projectXml, join(SCHEMAS, 'project.xsd'));
    // Orphaned passages and the sidecar without a report cannot be placed in a text, and say so.
    assert.deepEqual(skipped.map((s) => s.replace(/^.*\//, '')), [
      'lone.txt: report text not available, so its 1 passage(s) are not in the project.',
      'westmere-ilacs-2024.txt: tag w24-gone is orphaned (passage not found), so it has no position in the text.',
    ]);
    // Every exported selection covers its quote (line ends normalised) in the written source.
    const files = unzipSync(bytes);
    for (const match of projectXml.matchAll(/plainTextPath="internal:\/\/([^"]+)">([\s\S]*?)<\/TextSource>/g)) {
      const text = strFromU8(files[`sources/${match[1]}`]!);
      for (const sel of match[2]!.matchAll(/name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g)) {
        const quoted = codePointSlice(text, Number(sel[2]), Number(sel[3])).replace(/\s+/g, ' ');
        assert.equal(quoted, sel[1]!.replace(/&#10;/g, ' ').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
      }
    }
    const official = officialXsd(/^project.*\.xsd$/i);
    if (!official) {
      console.log('      (official REFI-QDA Project XSD not checked: set REFI_QDA_XSD_DIR to a folder holding Project-mrt2019.xsd)');
      return;
    }
    await assertValid(projectXml, official);
  });

  it('our schema rejects a coding that points at no code', async () => {
    const { projectXml } = exportQdpx(evidence([item()]), { texts, codebook: CODEBOOK });
    const broken = projectXml.replace(/targetGUID="[^"]+"/, 'targetGUID="00000000-0000-5000-8000-000000000000"');
    const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: broken }], schema: [readFileSync(join(SCHEMAS, 'project.xsd'), 'utf8')] });
    assert.equal(result.valid, false);
  });

  it('gives the same bytes for the same evidence', () => {
    const a = exportQdpx(evidence([item()]), { texts, codebook: CODEBOOK }).bytes;
    const b = exportQdpx(evidence([item()]), { texts, codebook: CODEBOOK }).bytes;
    assert.deepEqual(a, b);
  });

  it('adds themes missing from the codebook as top-level codes', () => {
    const { projectXml } = exportQdpx(evidence([item({ themes: [{ id: 'adhoc', label: 'Ad hoc <theme>' }] })]), { texts });
    assert.match(projectXml, /<Code guid="[^"]+" name="Ad hoc &lt;theme&gt;" isCodable="true" color="#808080"\/>/);
  });
});

describe('.qdc codebook', () => {
  it('exports the codebook as REFI-QDA CodeBook XML, valid against our schema (and the official one when given)', async () => {
    const xml = exportQdc(CODEBOOK);
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
    assert.match(xml, /<Code guid="[^"]+" name="Practice &amp; planning" isCodable="false">/);
    assert.match(xml, /<Description>Children &lt;in care&gt; living in stable homes.<\/Description>/);
    await assertValid(xml, join(SCHEMAS, 'codebook.xsd'));
    const official = officialXsd(/^codebook.*\.xsd$/i);
    if (official) await assertValid(xml, official);
    else console.log('      (official REFI-QDA Codebook XSD not checked: set REFI_QDA_XSD_DIR to a folder holding Codebook.xsd)');
  });

  it('round trips: importing our own .qdc gives the codebook back (cues have no place in the standard)', () => {
    const result = importQdc(exportQdc(CODEBOOK), { known: CODEBOOK });
    assert.ok(result.ok);
    const withoutCues: Codebook = { groups: CODEBOOK.groups.map((g) => ({ ...g, themes: g.themes.map((t) => ({ ...t, cues: [] })) })) };
    assert.deepEqual(result.codebook, withoutCues);
    assert.deepEqual(result.warnings, []);
  });

  it('imports without a known codebook, taking ids from names', () => {
    const result = importQdc(exportQdc(CODEBOOK));
    assert.ok(result.ok);
    assert.deepEqual(result.codebook.groups.map((g) => [g.id, g.themes.map((t) => t.id)]), [
      ['practice-planning', ['placement-stability', 'plans-and-planning']],
      ['not-yet-used', []],
    ]);
  });

  it("reads another tool's codebook: prefixes, nested codes, short colours, braced GUIDs, top-level codes", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- exported by some QDA tool -->
<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0" origin="Other">
  <q:Codes>
    <q:Code guid="{A1B2C3D4-0000-4000-8000-000000000001}" name="Leadership" isCodable="true" color="#f00">
      <q:Description>Senior leaders &amp; managers</q:Description>
      <q:Code guid="A1B2C3D4-0000-4000-8000-000000000002" name="Oversight" isCodable="true">
        <q:Code guid="A1B2C3D4-0000-4000-8000-000000000003" name="Supervision" isCodable="true" color="#00FF00"/>
      </q:Code>
    </q:Code>
    <q:Code guid="A1B2C3D4-0000-4000-8000-000000000004" name="Résumé notes" isCodable="true"/>
    <q:Code guid="A1B2C3D4-0000-4000-8000-000000000005" name="Oversight" isCodable="true"/>
  </q:Codes>
</q:CodeBook>`;
    const result = importQdc(xml);
    assert.ok(result.ok);
    assert.deepEqual(
      result.codebook.groups.map((g) => ({ id: g.id, label: g.label, themes: g.themes.map((t) => [t.id, t.label, t.colour, t.description ?? '']) })),
      [
        {
          id: 'leadership',
          label: 'Leadership',
          themes: [
            ['leadership', 'Leadership', '#ff0000', 'Senior leaders & managers'],
            ['oversight', 'Oversight', '#808080', ''],
            ['supervision', 'Supervision', '#00ff00', ''],
          ],
        },
        { id: 'imported', label: 'Imported codes', themes: [['resume-notes', 'Résumé notes', '#808080', ''], ['oversight-2', 'Oversight', '#808080', '']] },
      ],
    );
  });

  it('refuses what is not a codebook, saying why', () => {
    const broken = importQdc('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="x"></Codes></CodeBook>');
    assert.equal(broken.ok, false);
    assert.match(!broken.ok ? broken.error : '', /^Not well-formed XML \(line 1, column \d+\)/);
    const other = importQdc('<html><body/></html>');
    assert.deepEqual(other, { ok: false, error: 'This is not a REFI-QDA codebook: the root element is neither <CodeBook> nor <Project>.' });
    const empty = importQdc('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>');
    assert.deepEqual(empty, { ok: false, error: 'The codebook has no codes.' });
  });
});
