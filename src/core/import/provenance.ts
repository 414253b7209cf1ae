// Where an imported text came from: the PDF's file name, its SHA-256 and the importer's version, in one
// bracketed line after a final form feed and a blank line. It is a page of its own after the report's
// last page, and the blank line ends the last paragraph before it (a numbered paragraph runs on across
// a bare page break), so no section, paragraph or tag quote of the report runs into it.

export interface ImportProvenance {
  /** File name of the PDF, without folders. */
  pdf: string;
  /** SHA-256 of the PDF's bytes, lower-case hex. */
  sha256: string;
  /** The importer and its PDF engine, e.g. "Inspection Report Annotator PDF import 1 (PDF.js 5.4.624)". */
  importer: string;
}

/** Bumped when the import would write different text for the same PDF. */
export const IMPORTER_VERSION = 1;
export const IMPORTER_NAME = `Inspection Report Annotator PDF import ${IMPORTER_VERSION}`;

const LINE = /\f\n\[Imported from PDF "([^"\n]+)", SHA-256 ([0-9a-f]{64}), by ([^\]\n]+)\]\n?$/;

export function provenanceBlock(p: ImportProvenance): string {
  return `\f\n[Imported from PDF "${p.pdf.replace(/["\n\]]/g, '_')}", SHA-256 ${p.sha256}, by ${p.importer.replace(/[\]\n]/g, '_')}]\n`;
}

/** The provenance of an imported text, or undefined when it has none (typed, pasted or converted otherwise). */
export function readProvenance(text: string): ImportProvenance | undefined {
  const m = LINE.exec(text.slice(-600));
  return m ? { pdf: m[1]!, sha256: m[2]!, importer: m[3]! } : undefined;
}

/** The text without its provenance line (unchanged when there is none). */
export function withoutProvenance(text: string): string {
  const tail = text.slice(-600);
  const m = LINE.exec(tail);
  return m ? text.slice(0, text.length - tail.length + m.index) : text;
}
