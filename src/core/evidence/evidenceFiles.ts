// Finding the files evidence is collected from: reports and their sidecars under the folders, paired by name.

import { SIDECAR_SUFFIX } from '../tags/sidecar/sidecarModel';
import type { IFileSystem } from '../platform/fs/fileSystem';
import type { CollectionProblem } from './evidenceProblems';

const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode', '.vscode-test', 'dist', 'out']);

/** Whether the walk below `folder` reaches `path`: no folder on the way is hidden or skipped. */
export function isWalkedBelow(folder: string, path: string): boolean {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const base = folder.endsWith(sep) ? folder : folder + sep;
  if (!path.startsWith(base)) return false;
  const between = path.slice(base.length).split(sep).slice(0, -1);
  return between.every((name) => !name.startsWith('.') && !SKIPPED_FOLDERS.has(name));
}

/** A report and its sidecar; either may be missing (a report not tagged yet, a sidecar left behind). */
export interface FilePair {
  reportPath?: string;
  sidecarPath?: string;
}

export function isSidecarName(name: string): boolean {
  return name.toLowerCase().endsWith(SIDECAR_SUFFIX);
}

export function isReportName(name: string): boolean {
  const lower = name.toLowerCase();
  return !isSidecarName(lower) && REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function joinPath(folder: string, name: string): string {
  if (folder.endsWith('/') || folder.endsWith('\\')) return folder + name;
  return folder + (folder.includes('\\') && !folder.includes('/') ? '\\' : '/') + name;
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The report path a pair stands for: the report's, or the one its sidecar expects beside it. */
export function pairPath(pair: FilePair): string {
  return pair.reportPath ?? pair.sidecarPath!.slice(0, -SIDECAR_SUFFIX.length);
}

/** Finds report and sidecar files under the folders (recursively), paired by name. */
export async function findEvidenceFiles(folders: readonly string[], fs: IFileSystem): Promise<{ pairs: FilePair[]; problems: CollectionProblem[] }> {
  const pairs = new Map<string, FilePair>();
  const problems: CollectionProblem[] = [];
  const seenFolders = new Set<string>();
  const walk = async (folder: string): Promise<void> => {
    let real = folder;
    try {
      real = await fs.realpath(folder);
    } catch {
      // Fall through: readDirectory below reports the problem.
    }
    if (seenFolders.has(real)) return; // symlink loops, or a folder given twice
    seenFolders.add(real);
    let names: string[];
    try {
      names = await fs.readDirectory(folder);
    } catch (error) {
      problems.push({ kind: 'unreadable-folder', path: folder, reason: (error as Error).message });
      return;
    }
    const subfolders: string[] = [];
    for (const name of names.sort()) {
      const path = joinPath(folder, name);
      if (isSidecarName(name)) {
        const key = path.slice(0, -SIDECAR_SUFFIX.length);
        pairs.set(key, { ...pairs.get(key), sidecarPath: path });
      } else if (isReportName(name)) {
        pairs.set(path, { ...pairs.get(path), reportPath: path });
      } else if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) {
        subfolders.push(path);
      }
    }
    // Anything else may be a folder ("2024.06", "Westmere"): ask, and descend into folders only.
    for (const sub of subfolders) {
      const stat = await fs.stat(sub).catch(() => undefined);
      if (stat?.kind === 'directory') await walk(sub);
    }
  };
  for (const folder of folders) await walk(folder);
  return { pairs: [...pairs.values()], problems };
}
