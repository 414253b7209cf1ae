// Every PDF of a folder, one after another: a bad file is recorded and the rest go on; cancelling stops
// between files (and between pages), leaving what was already imported in place.

import { join } from 'node:path';
import type { IFileSystem } from '../platform/fs/fileSystem';
import type { SidecarStore } from '../tags/sidecar/sidecarStore';
import { PdfImportError, type PdfProblemKind } from './importProblems';
import { defaultTextPath, importPdfFile, type ImportPdfOutcome, type ImportPdfRequest } from './importPdfFile';

export interface ImportFailure {
  pdfPath: string;
  kind: PdfProblemKind | 'error';
  message: string;
}

export interface FolderImportResult {
  imported: ImportPdfOutcome[];
  failed: ImportFailure[];
  /** Stopped by the caller before every file was done. */
  cancelled: boolean;
  total: number;
}

export interface FolderImportRequest extends Omit<ImportPdfRequest, 'pdfPath' | 'targetPath'> {
  folder: string;
  /** Where the texts go (default: beside each PDF). */
  outDir?: string;
  onProgress?: (done: number, total: number, pdfPath: string) => void;
}

/** The PDFs directly inside a folder, by name. */
export async function pdfsInFolder(fs: IFileSystem, folder: string): Promise<string[]> {
  const names = (await fs.readDirectory(folder)).filter((n) => /\.pdf$/i.test(n)).sort();
  return names.map((n) => join(folder, n));
}

export async function importPdfFolder(fs: IFileSystem, store: SidecarStore | undefined, request: FolderImportRequest): Promise<FolderImportResult> {
  const pdfs = await pdfsInFolder(fs, request.folder);
  const result: FolderImportResult = { imported: [], failed: [], cancelled: false, total: pdfs.length };
  for (const [i, pdfPath] of pdfs.entries()) {
    if (request.isCancelled?.()) {
      result.cancelled = true;
      break;
    }
    request.onProgress?.(i, pdfs.length, pdfPath);
    const targetPath = request.outDir ? join(request.outDir, defaultTextPath(pdfPath).slice(request.folder.length).replace(/^[\\/]+/, '')) : defaultTextPath(pdfPath);
    try {
      result.imported.push(await importPdfFile(fs, store, { ...request, pdfPath, targetPath }));
    } catch (error) {
      if (error instanceof PdfImportError && error.kind === 'cancelled') {
        result.cancelled = true;
        break;
      }
      result.failed.push(failureOf(pdfPath, error));
    }
  }
  return result;
}

export function failureOf(pdfPath: string, error: unknown): ImportFailure {
  if (error instanceof PdfImportError) return { pdfPath, kind: error.kind, message: error.message };
  return { pdfPath, kind: 'error', message: error instanceof Error ? error.message : String(error) };
}
