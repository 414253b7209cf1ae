// Writing a command's output file (--out, -o) without harming what is there: into a temporary file beside it, renamed
// over it once whole, so a failed or cancelled write leaves the previous file, and an output that is a hard link to
// another file (a report, a draft) is replaced as a name, that file left as it was. A device or pipe given as the
// output (/dev/stdout, a FIFO) is written in place, as a plain write would.

import { constants } from 'node:fs';
import { access, lstat, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary file an output is written to first: in the output's folder, so the rename is atomic. */
export function partialPath(out: string): string {
  return join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
}

/**
 * The regular file to replace by renaming (through a symlink, its target), or undefined when `out` is something
 * else (/dev/full, /dev/stdout, a FIFO): that is written in place, as a plain write would, never replaced by a file.
 * A file that may not be written is refused as a write to it would be.
 */
export async function renameTarget(out: string): Promise<string | undefined> {
  const link = await lstat(out).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  if (!link) return out;
  const target = link.isSymbolicLink() ? await realpath(out).catch(() => undefined) : out;
  if (!target || !(await stat(target)).isFile()) return undefined;
  await access(target, constants.W_OK);
  return target;
}

/** Writes a whole output to `out` at once, through a temporary file (the CSV stream, streamCsvOut.ts, writes it in parts). */
export async function replaceFile(out: string, content: string | Uint8Array): Promise<void> {
  const target = await renameTarget(out);
  if (target === undefined) return writeFile(out, content);
  const partial = partialPath(target);
  try {
    await writeFile(partial, content);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}
