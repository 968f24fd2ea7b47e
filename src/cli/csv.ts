/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted
 * when it holds a comma, a quote, a CR or an LF, its quotes doubled. Kept here rather than
 * adding a writer dependency: Papa Parse, the project's CSV parser, reads it back in the
 * tests.
 */
export type CsvField = string | number | boolean | null | undefined;

export function csvField(field: CsvField): string {
  if (field === null || field === undefined) return '';
  const text = String(field);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly CsvField[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula; text from a
 * data file (a category, a comparator) is kept as text with a leading apostrophe, as
 * OWASP advises. Numbers are written as numbers and are not touched.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
