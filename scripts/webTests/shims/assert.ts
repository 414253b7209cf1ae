// node:assert/strict for the integration tests in the web extension host: the assertions they use, with
// strict (Object.is / deep strict) comparison and messages that show both sides.

export class AssertionError extends Error {
  readonly code = 'ERR_ASSERTION';
  constructor(message: string, readonly actual?: unknown, readonly expected?: unknown) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

function failWith(message: string | Error | undefined, fallback: string, actual?: unknown, expected?: unknown): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected);
}

function sameDeeply(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) && !(a instanceof Uint8Array && b instanceof Uint8Array)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && sameDeeply(v, b.get(k)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameDeeply((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) failWith(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`, actual, expected);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!sameDeeply(actual, expected)) failWith(message, `Expected values to be strictly deep-equal:\nactual   ${show(actual)}\nexpected ${show(expected)}`, actual, expected);
}

export function match(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || !pattern.test(value)) failWith(message, `The input did not match ${pattern}: ${show(value)}`, value, pattern);
}

export function doesNotMatch(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || pattern.test(value)) failWith(message, `The input was expected not to match ${pattern}: ${show(value)}`, value, pattern);
}

export function fail(message?: string | Error): never {
  return failWith(message, 'Failed');
}

function matchesExpectation(error: unknown, expected: unknown): boolean {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(String((error as Error)?.message ?? error));
  if (typeof expected === 'function') return error instanceof (expected as new () => unknown) || (expected as (e: unknown) => boolean)(error) === true;
  if (typeof expected === 'object' && expected !== null) {
    return Object.entries(expected).every(([k, v]) => {
      const got = (error as Record<string, unknown>)?.[k];
      return v instanceof RegExp ? typeof got === 'string' && v.test(got) : sameDeeply(got, v);
    });
  }
  return false;
}

export function throws(fn: () => unknown, expected?: unknown, message?: string): void {
  try {
    fn();
  } catch (error) {
    if (!matchesExpectation(error, expected)) failWith(message, `The error thrown did not match: ${String(error)}`, error, expected);
    return;
  }
  failWith(message, 'Missing expected exception.');
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: unknown, message?: string): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (!matchesExpectation(error, expected)) failWith(message, `The rejection did not match: ${String(error)}`, error, expected);
    return;
  }
  failWith(message, 'Missing expected rejection.');
}

export const strictEqual = equal;
export const notStrictEqual = notEqual;
export { deepEqual as deepStrictEqual };
const assert = Object.assign((value: unknown, message?: string | Error) => ok(value, message), {
  ok, equal, notEqual, deepEqual, deepStrictEqual: deepEqual, strictEqual: equal, notStrictEqual: notEqual, match, doesNotMatch, fail, throws, rejects, AssertionError,
});
export default assert;
