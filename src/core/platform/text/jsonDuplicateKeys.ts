// Keys given twice in one JSON object. JSON.parse keeps the last and drops the rest without a word, so a file
// that holds them reads as less than it says, and writing it back would lose the dropped values for good.
// Files users edit by hand (tags files, the workspace codebook) are refused with the key and where it is.

// The ESM build: esbuild (platform node) would otherwise pick the UMD build, whose dynamic requires fail when bundled.
import { visit, type JSONPath } from 'jsonc-parser/lib/esm/main.js';
import { lineColumn } from './lineColumn';

export interface DuplicateKey {
  /** The key as JSON.parse reads it (escapes decoded). */
  key: string;
  /** Offsets of the property names: the first occurrence, and the one that repeats it. */
  firstOffset: number;
  offset: number;
  /** Of the repeated property name as written, quotes included. */
  length: number;
  /** The object holding both, as a path from the root (empty: the top level). */
  path: JSONPath;
}

/**
 * At least as many as the keys in `text`, which must be valid JSON: the `"` closing a key is the only unescaped `"`
 * that a colon follows (after any white space), except the rare opening quote of a string that begins with one.
 * Cheap (one indexOf per colon): comparing it with the keys JSON.parse kept tells whether any key could have been
 * dropped, so that the exact check (findDuplicateKey, a full tokenizer) runs on almost no file.
 */
export function countKeyCandidates(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let quote = colon - 1;
    while (quote >= 0 && isJsonSpace(text.charCodeAt(quote))) quote--;
    if (quote < 0 || text.charCodeAt(quote) !== QUOTE) continue;
    // An odd run of backslashes before it escapes the quote: it lies inside a string, as does the colon.
    let backslashes = 0;
    while (quote - 1 - backslashes >= 0 && text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/** The first key repeated within one object, or undefined. `jsonc` allows comments and trailing commas (the codebook). */
export function findDuplicateKey(text: string, jsonc = false): DuplicateKey | undefined {
  let found: DuplicateKey | undefined;
  // Per open object, its keys so far and where each was.
  const open: Map<string, number>[] = [];
  try {
    visit(
      text,
      {
        onObjectBegin: () => {
          open.push(new Map());
        },
        onObjectEnd: () => {
          open.pop();
        },
        onObjectProperty: (key, offset, length, _line, _character, pathSupplier) => {
          const keys = open[open.length - 1]!;
          const firstOffset = keys.get(key);
          if (firstOffset === undefined) {
            keys.set(key, offset);
            return;
          }
          found = { key, firstOffset, offset, length, path: pathSupplier() };
          // The rest of the file need not be tokenized (a tags file may be 50 MB).
          throw STOP;
        },
      },
      { disallowComments: !jsonc, allowTrailingComma: jsonc },
    );
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return found;
}

const STOP = Symbol('duplicate key found');

/** Where a repeated key is, for a message: the object holding it (named for a reader), each place, and its own path. */
export function duplicateKeyPlaces(text: string, duplicate: DuplicateKey): { holder: string; first: { line: number; column: number }; again: { line: number; column: number }; path: string } {
  const holder = formatJsonPath(duplicate.path);
  return {
    holder: holder === '' ? 'the top-level object' : holder,
    first: lineColumn(text, duplicate.firstOffset),
    again: lineColumn(text, duplicate.offset),
    path: formatJsonPath([...duplicate.path, duplicate.key]),
  };
}

/** `["tags", 2, "anchor"]` → `tags[2].anchor`; the root is "". */
export function formatJsonPath(path: JSONPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
