// Keys of a sidecar are data. `object[key] = value` is not: for "__proto__" it sets the prototype (or, for a
// string, does nothing at all), so a file holding such a key would lose it or change how objects behave.
// These helpers read and write own properties only.

/** Sets `key` as an own, enumerable property, whatever the key (`__proto__` included). */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  // Only "__proto__" is an accessor on Object.prototype; any other key assigned makes an own property, and
  // assigning is many times faster than defining (a large file has a million keys).
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** The own property `key`, or undefined: never a value inherited from Object.prototype. */
export function getOwn(object: object | undefined, key: string): unknown {
  return object !== undefined && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
