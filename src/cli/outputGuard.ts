// Output files a command must never write over: a tags file, a codebook, or a file the same run reads (a report,
// the draft, the PDF). Checked before anything is written, on the path as given and after resolving symbolic
// links, so `a/../a/x.tags.json` or a link to a tags file is refused like the file itself.

import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CODEBOOK_FILE_NAME, isSidecarName } from '../core';
import { UsageError } from './command';

/** The absolute path and, when it differs, where its symbolic links lead (for a file not there yet: its folder's). */
export async function pathForms(path: string): Promise<string[]> {
  const absolute = resolve(path);
  let real: string | undefined;
  try {
    real = await realpath(absolute);
  } catch {
    // Not there yet (or unreadable): a link may still be in the folders on the way.
    real = await realpath(dirname(absolute)).then((folder) => join(folder, basename(absolute)), () => undefined);
  }
  return real === undefined || real === absolute ? [absolute] : [absolute, real];
}

/** Whether two paths, each in its pathForms, name the same file. */
function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.some((p) => b.includes(p));
}

/** What the file is when no command may write its output there (a tags file, a codebook), else undefined. */
function neverAnOutput(forms: readonly string[]): string | undefined {
  for (const path of forms) {
    const name = basename(path);
    if (isSidecarName(name)) return 'a tags file';
    if (name.toLowerCase() === CODEBOOK_FILE_NAME) return 'a codebook file';
  }
  return undefined;
}

/** The refusal: one line naming the option, the file and what it is. */
export function outputRefused(command: string, option: string, shown: string, what: string): UsageError {
  return new UsageError(`${command}: ${option} ${shown} is ${what}: nothing was written; choose another file`);
}

/** Refuses `out` when it is a tags file or a codebook, or one of `inputs` (each a description and its path). */
export async function assertSafeOutput(command: string, option: string, shown: string, out: string, inputs: readonly { what: string; path: string }[] = []): Promise<string[]> {
  const forms = await pathForms(out);
  const never = neverAnOutput(forms);
  if (never) throw outputRefused(command, option, shown, never);
  for (const input of inputs) {
    if (samePath(forms, await pathForms(input.path))) throw outputRefused(command, option, shown, input.what);
  }
  return forms;
}
