import Papa from 'papaparse';
import { LineIndex } from '../../line-index.js';
import type { SourcePlace } from '../../types.js';

/**
 * A CSV file parsed into string cells, with the line each row starts on so every
 * figure taken from it can point back at its cell. Rows are arrays (not objects):
 * the 3.3 MB care leavers file must load and index in well under 300 ms.
 */
export interface CsvTable {
  /** Absolute path of the file. */
  readonly file: string;
  /** Header names, trimmed; a byte-order mark is not part of the first name. */
  readonly header: readonly string[];
  /** Header name to column index. */
  readonly columns: ReadonlyMap<string, number>;
  /** Data rows (the header excluded), cells as written (quotes removed). */
  readonly rows: readonly (readonly string[])[];
  /** 1-based line on which each data row starts, parallel to `rows`. */
  readonly lines: readonly number[];
  /** The text without its byte-order mark, kept to work out cell columns on demand. */
  readonly text: string;
}

export type CsvParseResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly reason: string; readonly place: SourcePlace };

const BOM = 0xfeff;

/**
 * Parses CSV text; a malformed file gives the line and column the fault is on, never a
 * throw. Papa Parse, the project's one CSV parser, for our own CSV data files
 * (read-csv.ts) and the DfE files alike: it reads the 3.3 MB care leavers file four to
 * five times quicker than csv-parse did (bench/notes.md, "CSV parser").
 */
export function parseCsvTable(
  file: string,
  source: string,
  options: { readonly ragged?: 'refuse' | 'allow' } = {},
): CsvParseResult {
  const text = source.charCodeAt(0) === BOM ? source.slice(1) : source;
  // A file that mixes CRLF and LF (edited by hand on two systems) is read as LF
  // throughout, lines and columns unchanged.
  const plain = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  const parsed = Papa.parse<string[]>(plain, {
    delimiter: ',',
    ...lineEnd(plain),
    skipEmptyLines: false,
  });
  // An unclosed quote, or a closing quote followed by more than spaces before the next
  // comma or line end: the cells after it would be read from the wrong places. The
  // message points at the cell's opening quote.
  const fault = parsed.errors.find((error) => error.type === 'Quotes');
  if (fault) {
    const where = new LineIndex(plain).position(Math.max(0, (fault.index ?? 1) - 1));
    const what =
      fault.code === 'MissingQuotes'
        ? 'its closing quote is missing'
        : 'its closing quote is followed by more than spaces before the next comma or line end';
    return {
      ok: false,
      reason: `Cannot read CSV: the quoted cell at line ${where.line}, column ${where.column} is malformed: ${what}`,
      place: { file, ...where },
    };
  }
  const records: string[][] = [];
  const lines: number[] = [];
  // Each record starts on the line after the previous one ended: one line, plus any line
  // breaks inside its quoted cells. Empty lines are counted and skipped.
  let line = 1;
  for (const record of parsed.data) {
    const empty = record.length === 1 && record[0] === '';
    if (!empty) {
      records.push(record);
      lines.push(line);
    }
    line += 1 + countLineBreaks(record);
  }
  const headerRecord = records[0];
  if (headerRecord === undefined) {
    return {
      ok: false,
      reason: 'The CSV file is empty: it has no header line',
      place: { file, line: 1, column: 1 },
    };
  }
  // A row with more or fewer fields than the header has lost its place: its cells would
  // be read from the wrong columns.
  const ragged =
    options.ragged === 'allow'
      ? -1
      : records.findIndex((record) => record.length !== headerRecord.length);
  if (ragged !== -1) {
    const at = lines[ragged] ?? 1;
    return {
      ok: false,
      reason: `Cannot read CSV: line ${at} has ${records[ragged]?.length ?? 0} fields where the header has ${headerRecord.length}`,
      place: { file, line: at, column: 1 },
    };
  }
  const header = headerRecord.map((name) => name.trim());
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    if (!columns.has(name)) columns.set(name, index);
  });
  return {
    ok: true,
    table: { file, header, columns, rows: records.slice(1), lines: lines.slice(1), text },
  };
}

/**
 * The line end, once CRLF is gone: LF or CR when the text holds only one of them (CR
 * alone is old Mac style). With both, Papa Parse guesses, skipping quoted text: the
 * first outside quotes wins. (The engine's file reader has already made every line end
 * LF; this is for text given directly.)
 */
function lineEnd(text: string): { newline?: '\n' | '\r' } {
  const cr = text.includes('\r');
  if (!cr) return { newline: '\n' };
  return text.includes('\n') ? {} : { newline: '\r' };
}

function countLineBreaks(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count += 1;
  }
  return count;
}

const lineIndexes = new WeakMap<CsvTable, LineIndex>();

function lineIndex(table: CsvTable): LineIndex {
  let index = lineIndexes.get(table);
  if (!index) lineIndexes.set(table, (index = new LineIndex(table.text)));
  return index;
}

/**
 * Where a cell is written: its line and the 1-based character column its field starts
 * at, a quoted line break before it counted. Worked out only for the cells a report
 * uses, by walking the record's fields with the same quoting rules as the parser. The one
 * CSV cell locator: the DfE reader and read-csv.ts both place their messages with it.
 */
export function cellPlace(table: CsvTable, rowIndex: number, columnIndex: number): SourcePlace {
  let line = rowIndex < 0 ? 1 : (table.lines[rowIndex] ?? 1);
  let start = lineIndex(table).lineStart(line);
  const { text } = table;
  let offset = start;
  let field = 0;
  let quoted = false;
  while (field < columnIndex && offset < text.length) {
    const char = text[offset];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') field += 1;
    else if (char === '\n') {
      if (!quoted) break;
      line += 1;
      start = offset + 1;
    }
    offset += 1;
  }
  return { file: table.file, line, column: offset - start + 1 };
}

/** Place of a header name (line 1). */
export function headerPlace(table: CsvTable, columnIndex: number): SourcePlace {
  return cellPlace(table, -1, columnIndex);
}
