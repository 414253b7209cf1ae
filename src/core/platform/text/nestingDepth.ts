// How deeply a JSON or XML text nests, measured in one pass without parsing or recursion, so that files
// nested thousands deep get a message before a recursive parser overflows the stack on them.

/** Deepest bracket nesting outside strings and comments (JSONC). Stops counting once past `stopAfter` (the caller's limit). */
export function jsonNestingDepth(text: string, stopAfter = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) i = lineEnd(text, i);
    else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else if (c === 123 || c === 91) {
      max = Math.max(max, ++depth);
      if (max > stopAfter) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function lineEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

/** Deepest element nesting; comments, CDATA, processing instructions, declarations and quoted attributes are skipped. */
export function xmlNestingDepth(text: string, stopAfter = Infinity): number {
  let depth = 0;
  let max = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    const skipTo = (end: string) => {
      const at = text.indexOf(end, i);
      return at === -1 ? text.length : at + end.length;
    };
    if (text.startsWith('<!--', i)) i = skipTo('-->');
    else if (text.startsWith('<![CDATA[', i)) i = skipTo(']]>');
    else if (text.startsWith('<?', i)) i = skipTo('?>');
    else if (text.startsWith('<!', i)) i = skipTo('>');
    else if (text.startsWith('</', i)) {
      depth--;
      i = skipTo('>');
    } else {
      const end = tagEnd(text, i);
      if (text.charCodeAt(end - 2) !== 47 /* '/>' closes itself */) {
        max = Math.max(max, ++depth);
        if (max > stopAfter) return max;
      }
      i = end;
    }
    i = text.indexOf('<', i);
  }
  return max;
}

/** The index just past the `>` that ends the tag opened at `start`, outside quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return text.length;
}
