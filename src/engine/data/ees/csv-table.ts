import { parse } from 'csv-parse/sync';
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
 * Parses CSV text; a malformed file gives the line the fault is on, never a throw.
 * csv-parse, the project's one CSV parser (read-csv.ts reads our own CSV data files with
 * it too).
 */
export function parseCsvTable(
  file: string,
  source: string,
  options: { readonly ragged?: 'refuse' | 'allow' } = {},
): CsvParseResult {
  const text = source.charCodeAt(0) === BOM ? source.slice(1) : source;
  // csv-parse takes the first line end it meets for all of them; a file that mixes CRLF
  // and LF (edited by hand on two systems) is read as LF throughout, lines unchanged.
  let parsed: string[][];
  try {
    parsed = parse(text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text, {
      delimiter: ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `Cannot read CSV: ${reason}`,
      place: { file, line: typeof line === 'number' && line > 0 ? line : 1, column: 1 },
    };
  }
  const records: string[][] = [];
  const lines: number[] = [];
  // Each record starts on the line after the previous one ended: one line, plus any line
  // breaks inside its quoted cells. Empty lines are counted and skipped.
  let line = 1;
  for (const record of parsed) {
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
