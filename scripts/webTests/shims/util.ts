// node:util's format for the web extension host: printf-style %s/%d/%j, then the rest joined by spaces.

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

export function format(first?: unknown, ...rest: unknown[]): string {
  // Like Node: format() with nothing to format is an empty line, not "undefined".
  if (first === undefined && rest.length === 0) return '';
  if (typeof first !== 'string') return [first, ...rest].map(show).join(' ');
  let used = 0;
  const head = first.replace(/%[sdifjoO%]/g, (m) => (m === '%%' ? '%' : used < rest.length ? show(rest[used++]) : m));
  return [head, ...rest.slice(used).map(show)].join(' ');
}

export function inspect(value: unknown): string {
  return show(value);
}
