// One PDF → its text file, safely: the target must be inside the workspace, an existing text is only
// replaced when the caller says so (and an identical one is left alone), the text is written through a
// temporary file so a failure never leaves half a report, and a sidecar's tags are re-anchored to the
// new text. Every refusal is a PdfImportError with a sentence for the user.

import { basename, isAbsolute, relative } from 'node:path';
import { type IFileSystem } from '../platform/fs/fileSystem';
import { textHash } from '../tags/anchoring/anchorCreation';
import type { SidecarStore } from '../tags/sidecar/sidecarStore';
import { pdfImportError } from './importProblems';
import { pdfToText } from './pdfToText';
import type { ImportProvenance } from './provenance';
import { reanchorForImport, type ReimportSummary } from './reimportTags';

export interface ImportPdfRequest {
  pdfPath: string;
  targetPath: string;
  /** Workspace folders: the text is only written inside one of them. Empty: no restriction (the CLI's own choice). */
  roots: readonly string[];
  /** Larger PDFs are refused; 0 = no limit. */
  maxBytes: number;
  /** Replace an existing, different text at targetPath (its tags are re-anchored). */
  replace: boolean;
  isCancelled?: () => boolean;
}

export interface ImportPdfOutcome {
  /** 'unchanged': the text there was already exactly this import; nothing was written. */
  status: 'created' | 'replaced' | 'unchanged';
  pdfPath: string;
  targetPath: string;
  pageCount: number;
  provenance: ImportProvenance;
  /** When the text has tags: what became of them. */
  tags?: ReimportSummary & { sidecarPath: string };
  /** A sidecar that could not be read or written is left as it is; this says why. */
  tagsProblem?: string;
}

export const PDF_IMPORT_MB_DEFAULT = 50;

export function isInsideRoots(path: string, roots: readonly string[]): boolean {
  if (roots.length === 0) return true;
  return roots.some((root) => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
}

/** The text file an import writes by default: the PDF's path with `.txt` for `.pdf`. */
export function defaultTextPath(pdfPath: string): string {
  return /\.pdf$/i.test(pdfPath) ? pdfPath.replace(/\.pdf$/i, '.txt') : `${pdfPath}.txt`;
}

export async function importPdfFile(fs: IFileSystem, store: SidecarStore | undefined, request: ImportPdfRequest): Promise<ImportPdfOutcome> {
  const { pdfPath, targetPath } = request;
  const name = basename(pdfPath);
  if (!isInsideRoots(targetPath, request.roots)) throw pdfImportError('outside-workspace', name, targetPath);
  const stat = await fs.stat(pdfPath);
  if (!stat || stat.kind !== 'file') throw pdfImportError('not-pdf', name);
  const limit = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
  if (stat.size > limit) throw pdfImportError('too-large', name, `${(stat.size / 1048576).toFixed(1)} MB; the limit is ${(limit / 1048576).toFixed(1)} MB`);
  const bytes = await fs.readBytes(pdfPath, limit);
  const converted = await pdfToText(bytes, name, { isCancelled: request.isCancelled });
  const base = { pdfPath, targetPath, pageCount: converted.pageCount, provenance: converted.provenance };

  const existing = await fs.stat(targetPath);
  if (existing) {
    if (existing.kind !== 'file') throw pdfImportError('target-exists', name, `${targetPath} (not a file)`);
    if ((await fs.readFile(targetPath)) === converted.text) return { ...base, status: 'unchanged' };
    if (!request.replace) throw pdfImportError('target-exists', name, targetPath);
  }
  if (request.isCancelled?.()) throw pdfImportError('cancelled', name);
  const temporary = `${targetPath}.importing-${process.pid}`;
  await fs.writeFile(temporary, converted.text);
  await fs.rename(temporary, targetPath);
  const outcome: ImportPdfOutcome = { ...base, status: existing ? 'replaced' : 'created' };
  return store ? { ...outcome, ...(await reanchorSidecar(store, targetPath, converted.text, converted.provenance)) } : outcome;
}

async function reanchorSidecar(store: SidecarStore, targetPath: string, text: string, source: ImportProvenance): Promise<Pick<ImportPdfOutcome, 'tags' | 'tagsProblem'>> {
  const loaded = await store.load(targetPath);
  if (loaded.status === 'absent') return {};
  if (loaded.status !== 'loaded') return { tagsProblem: `${loaded.message} The tags file was left unchanged.` };
  const hash = textHash(text);
  let summary: ReimportSummary | undefined;
  try {
    const saved = await store.save(targetPath, (current) => {
      const { sidecar, outcome } = reanchorForImport(current, text, hash, source);
      summary = outcome;
      return sidecar;
    });
    return { tags: { ...summary!, sidecarPath: saved.sidecarPath } };
  } catch (error) {
    return { tagsProblem: `The tags in ${loaded.sidecarPath} could not be re-anchored: ${error instanceof Error ? error.message : String(error)}. The tags file was left unchanged.` };
  }
}
