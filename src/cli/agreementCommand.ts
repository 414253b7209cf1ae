// `report agreement <report|folder>... --coder A --coder B`: how far two coders agree, per theme and overall.
// Reads only; prints a table, JSON or CSV. A coder with no tags in the reports is a usage error (exit 2).

import { resolve } from 'node:path';
import { AGREEMENT_UNITS, type AgreementResult, type AgreementUnit, analyseReport, codersOf, computeAgreement, DEFAULT_MIN_OVERLAP, type Kappa, NodeFileSystem, quoteCell, readAgreementReports, safeCell } from '../core';
import { type CliCommand, parse, UsageError } from './command';
import { EXIT } from './exitCodes';

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: "how far two coders' tags agree, per theme (percentage agreement, Cohen's kappa)",
  help: `Usage: report agreement <report|folder>... --coder <A> --coder <B>
                        [--unit character|paragraph|segment] [--min-overlap 0.9] [--json|--csv]

Compares the tags of two coders (each tag's "author") on the same reports. A folder is searched
recursively for reports with a tags file. Units:
  character  (default, NVivo's) each character is coded by A, B, both or neither, per theme
  paragraph  each paragraph (the numbered ones where the report numbers them) counts as coded
             when any tag of that coder touches it
  segment    (MAXQDA's) a tag is matched when a tag of the other coder with the same theme
             covers at least --min-overlap of it (default ${DEFAULT_MIN_OVERLAP}); kappa does not apply
Per theme: agreement = (both + neither) / all units, Cohen's kappa, and the counts; "undefined"
where kappa has no value (chance agreement is total). Overall: the mean over each theme used and
each report, weighted by the report's length (as NVivo) and unweighted.
A report changed since tagging is re-anchored in memory; nothing is written.

Options:
  --coder <name>      a coder, as in the tags' author (give exactly two)
  --unit <unit>       character, paragraph or segment
  --min-overlap <n>   for segments: a share above 0 and at most 1
  --json              { themes: [{id, label, agreement, kappa, aOnly, bOnly, both, neither}], overall }
  --csv               one row per theme, then an "overall" row

Exit codes: as for every command (report --help); 2 also when a coder has no tags in the reports.`,

  async run(args, io) {
    const { paths, coders, unit, minOverlap, format } = readArgs(args);
    const fs = new NodeFileSystem();
    const numberedParagraphs = unit === 'paragraph' ? (text: string, path: string) => analyseReport(text, { markdown: /\.(md|markdown)$/i.test(path) }).paragraphs.map((p) => p.range) : undefined;
    const reading = await readAgreementReports(paths.map((p) => resolve(io.cwd, p)), fs, numberedParagraphs ? { numberedParagraphs } : {});
    for (const problem of reading.problems) io.stderr(`agreement: ${problem}\n`);
    const found = codersOf(reading.reports.map((r) => r.tags));
    const missing = coders.filter((c) => !found.has(c));
    if (missing.length > 0) {
      const known = found.size ? [...found].map(([name, n]) => `${name} (${n} tag${n === 1 ? '' : 's'})`).join(', ') : 'none';
      io.stderr(`report: agreement: no tags by ${missing.map((c) => `"${c}"`).join(' or ')} in ${reading.reports.length} report${reading.reports.length === 1 ? '' : 's'}; coders found: ${known}\n`);
      return EXIT.usage;
    }
    const result = computeAgreement(reading.reports, { coderA: coders[0]!, coderB: coders[1]!, unit, minOverlap });
    io.stdout(format === 'json' ? agreementJson(result) : format === 'csv' ? agreementCsv(result) : agreementTable(result));
    return EXIT.ok;
  },
};

function readArgs(args: string[]) {
  const { values, positionals } = parse('agreement', args, {
    coder: { type: 'string', multiple: true }, unit: { type: 'string' }, 'min-overlap': { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('agreement: give a report or a folder of reports');
  // As the tags' coders are read (agreementReading.ts): one Unicode form, so a name that prints alike is alike.
  const coders = (values.coder ?? []).map((c) => c.normalize('NFC'));
  if (coders.length !== 2) throw new UsageError(`agreement: give exactly two coders, --coder <A> --coder <B> (got ${coders.length})`);
  if (coders[0] === coders[1]) throw new UsageError(`agreement: the two coders are the same ("${coders[0]}")`);
  const unit = (values.unit ?? 'character') as AgreementUnit;
  if (!AGREEMENT_UNITS.includes(unit)) throw new UsageError(`agreement: unknown --unit "${values.unit}"; use one of ${AGREEMENT_UNITS.join(', ')}`);
  const overlapText = values['min-overlap'];
  const minOverlap = overlapText === undefined ? DEFAULT_MIN_OVERLAP : Number(overlapText);
  if (overlapText !== undefined && (!/^\d*\.?\d+$/.test(overlapText) || !(minOverlap > 0 && minOverlap <= 1))) throw new UsageError(`agreement: --min-overlap takes a share above 0 and at most 1 (e.g. 0.9), not "${overlapText}"`);
  if (overlapText !== undefined && unit !== 'segment') throw new UsageError('agreement: --min-overlap applies to --unit segment only');
  if (values.json && values.csv) throw new UsageError('agreement: give --json or --csv, not both');
  return { paths: positionals, coders, unit, minOverlap, format: values.json ? 'json' : values.csv ? 'csv' : 'table' };
}

export function agreementJson(result: AgreementResult): string {
  const themes = result.themes.map(({ id, label, agreement, kappa, aOnly, bOnly, both, neither }) => ({ id, label, agreement, kappa, aOnly, bOnly, both, neither }));
  const body = { unit: result.unit, coders: [result.coderA, result.coderB], reports: result.reports, themes, overall: result.overall, ...(result.segments ? { segments: result.segments } : {}), orphansSkipped: result.orphansSkipped };
  return JSON.stringify(body, null, 2) + '\n';
}

function fixed(x: Kappa): string {
  return x === 'undefined' ? 'undefined' : x.toFixed(3);
}

/** A label starting like a formula is prefixed, as the evidence CSV export does; a number (a negative kappa) is not. */
function csvCell(value: string): string {
  return quoteCell(safeCell(value));
}

function agreementCsv(result: AgreementResult): string {
  const rows = [['theme', 'label', 'agreement', 'kappa', 'a_only', 'b_only', 'both', 'neither']];
  for (const t of result.themes) rows.push([t.id, t.label, fixed(t.agreement), fixed(t.kappa), String(t.aOnly), String(t.bOnly), String(t.both), String(t.neither)]);
  rows.push(['overall (weighted)', '', fixed(result.overall.weighted.agreement), fixed(result.overall.weighted.kappa), '', '', '', '']);
  rows.push(['overall (unweighted)', '', fixed(result.overall.unweighted.agreement), fixed(result.overall.unweighted.kappa), '', '', '', '']);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function agreementTable(result: AgreementResult): string {
  const segment = result.unit === 'segment';
  const head = segment ? ['theme', 'matched share', 'A unmatched', 'B unmatched', 'matched'] : ['theme', 'agreement', 'kappa', 'A only', 'B only', 'both', 'neither'];
  const rows = result.themes.map((t) => (segment ? [t.label, fixed(t.agreement), String(t.aOnly), String(t.bOnly), String(t.both)] : [t.label, fixed(t.agreement), fixed(t.kappa), String(t.aOnly), String(t.bOnly), String(t.both), String(t.neither)]));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const { weighted, unweighted } = result.overall;
  const units = segment ? 'segments' : `${result.unit}s`;
  return [
    `Agreement between "${result.coderA}" (A) and "${result.coderB}" (B) over ${result.reports} report${result.reports === 1 ? '' : 's'}, by ${units}:`,
    line(head),
    ...rows.map(line),
    // By segments the first figure pools every segment of every theme (computeAgreement's segmentResult), not a mean weighted by length.
    segment ? `Overall, all segments pooled: agreement ${fixed(weighted.agreement)}` : `Overall, weighted by length: agreement ${fixed(weighted.agreement)}, kappa ${fixed(weighted.kappa)}`,
    segment ? `Overall, mean of the themes:  agreement ${fixed(unweighted.agreement)}` : `Overall, unweighted:         agreement ${fixed(unweighted.agreement)}, kappa ${fixed(unweighted.kappa)}`,
    ...(result.orphansSkipped ? [`${result.orphansSkipped} orphaned tag(s) left out.`] : []),
  ].join('\n') + '\n';
}

