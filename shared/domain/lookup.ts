/**
 * A lookup table for keys that come from input (a log level, a status word, a field name): an
 * object without a prototype, so `constructor`, `toString`, `valueOf` or `__proto__` are not
 * keys of it unless put there, and assigning `__proto__` stores a value instead of swapping the
 * prototype. The lint rule `no-restricted-syntax` (eslint.config.js) keeps plain `{}` out of
 * string-keyed lookups.
 */
export function nullProto<T>(entries: Readonly<Record<string, T>> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
