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

/** A number as a spreadsheet reads one (`-3.3`, `+5%`, `-1,204`): no formula, left as it is. */
const PLAIN_NUMBER = /^[+-]?\d[\d,]*(\.\d+)?%?$/;
/** Control characters but tab, CR and LF (which a quoted field holds as they are). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text from a data file (a category, a comparator) as a spreadsheet should show it. A
 * cell that starts with `=`, `+`, `-`, `@`, a tab or a CR is run as a formula, so it is
 * kept as text with a leading apostrophe, as OWASP advises, unless it is a plain number
 * (a printed change of `-3.3` is read as the number it is, and an apostrophe would show).
 * Control characters, which no figure holds and a spreadsheet shows as boxes, become
 * U+FFFD, as they do in the text listing.
 */
export function inertText(text: string): string {
  const shown = text.replace(CONTROL, '\ufffd');
  return /^[=+\-@\t\r]/.test(shown) && !PLAIN_NUMBER.test(shown) ? `'${shown}` : shown;
}
