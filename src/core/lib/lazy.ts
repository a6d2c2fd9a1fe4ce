/**
 * A value made on first use. Sheets evaluates the whole bundle for every custom-function cell, so
 * lookup tables and collators are built when a function needs them, not when the script loads.
 */
export function lazy<T>(make: () => T): () => T {
  let value: { made: T } | null = null;
  return () => {
    value ??= { made: make() };
    return value.made;
  };
}
