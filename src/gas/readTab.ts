/** A tab the user pasted an export into, read as rows of text for the sidebar's importer. */
export function readTab(name: string): { name: string; rows: string[][] } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`找不到工作表「${name}」。There is no tab named "${name}".`);
  const values = sheet.getDataRange().getValues();
  // Dates travel as ISO instants: google.script.run cannot carry Date objects.
  const rows = values.map((row) =>
    row.map((cell) =>
      Object.prototype.toString.call(cell) === '[object Date]'
        ? (cell as Date).toISOString()
        : String(cell ?? ''),
    ),
  );
  return { name, rows };
}
