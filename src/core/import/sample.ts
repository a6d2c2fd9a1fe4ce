/** A record as people read it in a preview: times as ISO strings, internal fields left out. */
export function sampleRecord(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key !== 'rowPrint')
      .map(([key, value]) => [
        key,
        typeof value === 'number' && /At$|^time$|^start$|^end$/.test(key)
          ? new Date(value).toISOString()
          : value,
      ]),
  );
}
