// Why a PDF could not be imported, in words a user can act on. Every failure of the import is one of
// these kinds, so a folder import can list them in its summary and the CLI can map them to exit codes.

export type PdfProblemKind =
  | 'not-pdf'
  | 'zip-not-pdf'
  | 'encrypted'
  | 'corrupt'
  | 'truncated'
  | 'no-text'
  | 'too-large'
  | 'target-exists'
  | 'outside-workspace'
  | 'cancelled';

export class PdfImportError extends Error {
  constructor(
    readonly kind: PdfProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'PdfImportError';
  }
}

/** The sentence shown for a problem; `name` is the PDF's file name. */
export function pdfProblemMessage(kind: PdfProblemKind, name: string, detail = ''): string {
  switch (kind) {
    case 'not-pdf':
      return `${name} is not a PDF (it does not start with "%PDF-"); nothing was imported.`;
    case 'zip-not-pdf':
      return `${name} is not a PDF but a zip file (a Word .docx or similar renamed to .pdf): open it in its own program and save it as PDF or text.`;
    case 'encrypted':
      return `${name} is password-protected (encrypted): open it in a PDF reader, save an unprotected copy, and import that.`;
    case 'corrupt':
      return `${name} is damaged and could not be read as a PDF${detail ? ` (${detail})` : ''}: download it again.`;
    case 'truncated':
      return `${name} is incomplete (the file is cut short, as after an interrupted download): download it again.`;
    case 'no-text':
      return `${name} has no text layer (a scanned document?): it needs OCR first (for example \`ocrmypdf\`), then import the result.`;
    case 'too-large':
      return `${name} is larger than the import limit (${detail}); raise inspectionReports.import.maxSizeMB to import it.`;
    case 'target-exists':
      return `${detail || 'The text file'} already exists; it was left unchanged (replace it with --force, or choose another --out).`;
    case 'outside-workspace':
      return `${detail || 'The target'} is outside the workspace folder; nothing was written.`;
    case 'cancelled':
      return `Import of ${name} was cancelled.`;
  }
}

export function pdfImportError(kind: PdfProblemKind, name: string, detail = ''): PdfImportError {
  return new PdfImportError(kind, pdfProblemMessage(kind, name, detail));
}
