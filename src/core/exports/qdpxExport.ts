// REFI-QDA project (.qdpx): a zip holding project.qde (QDA-XML, urn:QDA-XML:project:1.0) and the plain
// text of each report under sources/. Themes become Codes (theme groups become non-codable parent Codes),
// each tagged passage a PlainTextSelection with one Coding per theme and its note as Description.
// NVivo, ATLAS.ti, MAXQDA and QualCoder import this layout.

import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Codebook } from '../tags/codebook/codebookModel';
import type { EvidenceSet } from '../evidence/evidenceModel';
import { AREA_WORDS, gradeCitation, kindCitation } from '../vocabulary/labels';
import { codesXml, refiCodes } from './refiCodes';
import { stableGuid } from './refiGuid';
import { plainTextSource } from './refiPositions';
import { escapeXmlAttribute, escapeXmlText } from './xmlText';

export const QDA_PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface QdpxExportOptions {
  projectName?: string;
  /** Themes, colours and groups; themes met only in sidecars are added as top-level codes. */
  codebook?: Codebook;
  /** Report texts by report path, as collected (CollectOptions.onReportText). */
  texts: ReadonlyMap<string, string>;
}

export interface QdpxExport {
  bytes: Uint8Array;
  /** The project XML (also inside the zip), for checks. */
  projectXml: string;
  /** Passages or reports that could not go into the project, with why. */
  skipped: string[];
}

/** Report facts as source variables, so a QDA tool can group or filter sources by them. */
const VARIABLES = [
  { key: 'authority', name: 'Authority', type: 'Text' },
  { key: 'kind', name: 'Report kind', type: 'Text' },
  { key: 'date', name: 'Report date', type: 'Date' },
  { key: 'overall', name: AREA_WORDS.overall.label, type: 'Text' },
] as const;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function dateTimeAttribute(name: string, value: string | undefined): string {
  return value && DATE_TIME.test(value) ? ` ${name}="${value}"` : '';
}

export function exportQdpx(set: EvidenceSet, options: QdpxExportOptions): QdpxExport {
  const skipped: string[] = [];
  const codes = refiCodes(set, options.codebook);
  const authors = [...new Set(set.items.flatMap((i) => (i.author ? [i.author] : [])))].sort();
  const userGuid = new Map(authors.map((a) => [a, stableGuid('user', a)]));

  const files: Zippable = {};
  const sources: string[] = [];
  for (const report of set.reports) {
    const original = options.texts.get(report.path);
    const items = set.items.filter((i) => i.reportPath === report.path);
    if (original === undefined) {
      skipped.push(`${report.path}: report text not available, so its ${items.length} passage(s) are not in the project.`);
      continue;
    }
    const source = plainTextSource(original);
    const guid = stableGuid('source', report.path);
    files[`sources/${guid}.txt`] = strToU8(source.text);
    const selections: string[] = [];
    for (const item of items) {
      if (!item.position) {
        skipped.push(`${report.path}: tag ${item.tagId} is orphaned (passage not found), so it has no position in the text.`);
        continue;
      }
      const start = source.toPosition(item.position.start);
      const end = source.toPosition(item.position.end);
      const user = item.author ? userGuid.get(item.author) : undefined;
      const userAttribute = user ? ` creatingUser="${user}"` : '';
      const codings = item.themes
        .map((theme) => {
          const code = codes.guidByThemeId.get(theme.id)!;
          return `        <Coding guid="${stableGuid('coding', report.path, item.tagId, theme.id)}"${userAttribute}${dateTimeAttribute('creationDateTime', item.created)}>\n          <CodeRef targetGUID="${code}"/>\n        </Coding>`;
        })
        .join('\n');
      selections.push(
        `      <PlainTextSelection guid="${stableGuid('selection', report.path, item.tagId)}" name="${escapeXmlAttribute(item.quote.replace(/\s+/g, ' ').trim())}" startPosition="${start}" endPosition="${end}"${userAttribute}${dateTimeAttribute('creationDateTime', item.created)}>\n` +
          (item.note ? `        <Description>${escapeXmlText(item.note)}</Description>\n` : '') +
          `${codings}\n      </PlainTextSelection>`,
      );
    }
    const imported = report.source ? `imported from PDF ${report.source.pdf} (SHA-256 ${report.source.sha256}) by ${report.source.importer}` : undefined;
    const description = [report.authority, kindCitation(report.kind), report.date, imported].filter(Boolean).join(', ');
    const overall = report.judgements.find((j) => j.area === 'overall')?.grade;
    const values: Record<(typeof VARIABLES)[number]['key'], string | undefined> = {
      authority: report.authority,
      kind: kindCitation(report.kind),
      date: report.date && /^\d{4}-\d{2}-\d{2}$/.test(report.date) ? report.date : undefined,
      overall: overall ? gradeCitation(overall) : undefined,
    };
    const variableValues = VARIABLES.flatMap((v) => {
      const value = values[v.key];
      if (value === undefined) return [];
      const element = v.type === 'Date' ? 'DateValue' : 'TextValue';
      return [`      <VariableValue>\n        <VariableRef targetGUID="${stableGuid('variable', v.key)}"/>\n        <${element}>${escapeXmlText(value)}</${element}>\n      </VariableValue>\n`];
    });
    sources.push(
      `    <TextSource guid="${guid}" name="${escapeXmlAttribute(report.fileName)}" plainTextPath="internal://${guid}.txt">\n` +
        `      <Description>${escapeXmlText(description)}</Description>\n` +
        selections.map((s) => s + '\n').join('') +
        variableValues.join('') +
        `    </TextSource>`,
    );
  }

  const name = options.projectName ?? 'Inspection report evidence';
  const usersXml = authors.length
    ? `  <Users>\n${authors.map((a) => `    <User guid="${userGuid.get(a)}" name="${escapeXmlAttribute(a)}"/>`).join('\n')}\n  </Users>\n`
    : '';
  const projectXml =
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<Project xmlns="${QDA_PROJECT_NAMESPACE}" name="${escapeXmlAttribute(name)}" origin="Inspection Report Annotator"${dateTimeAttribute('creationDateTime', set.generated)}>\n` +
    usersXml +
    // The standard requires at least one Code inside a CodeBook, so an empty one is left out.
    (codes.codes.length ? `  <CodeBook>\n${codesXml(codes.codes, '    ')}\n  </CodeBook>\n` : '') +
    (sources.length
      ? `  <Variables>\n${VARIABLES.map((v) => `    <Variable guid="${stableGuid('variable', v.key)}" name="${v.name}" typeOfVariable="${v.type}"/>`).join('\n')}\n  </Variables>\n`
      : '') +
    (sources.length ? `  <Sources>\n${sources.join('\n')}\n  </Sources>\n` : '') +
    `  <Description>${escapeXmlText(`Evidence from ${set.reports.length} report(s) in ${set.folders.join(', ')}, exported ${set.generated}.`)}</Description>\n` +
    `</Project>\n`;
  files['project.qde'] = strToU8(projectXml);
  const mtime = new Date(set.generated);
  const bytes = zipSync(files, { level: 6, mtime: Number.isNaN(mtime.getTime()) || mtime.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : mtime });
  return { bytes, projectXml, skipped };
}
