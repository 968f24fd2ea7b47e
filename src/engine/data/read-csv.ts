import { createMessage, RULES } from '../messages.js';
import { parsePeriod } from '../periods.js';
import type {
  BenchmarkValue,
  Message,
  Observation,
  Period,
  SourcePlace,
  Target,
} from '../types.js';
import type { CsvContent, CsvKind, RowFor } from './drafts.js';
import { isStatSymbol } from './drafts.js';
import { didYouMean, nearest } from '../nearest.js';
import { quoted } from '../quote.js';
import { cellPlace, parseCsvTable, type CsvTable } from './ees/csv-table.js';

/** The columns each kind of CSV may have; the header line says which kind a file is. */
const COLUMNS: Readonly<
  Record<CsvKind, { required: readonly string[]; optional: readonly string[] }>
> = {
  values: {
    required: ['indicator', 'period'],
    optional: ['value', 'numerator', 'denominator', 'symbol', 'note', 'category'],
  },
  targets: { required: ['indicator', 'period', 'target'], optional: ['tolerance'] },
  benchmarks: { required: ['indicator', 'comparator', 'period', 'value'], optional: [] },
};

/** A row's cells by column name, each with its place for messages. */
class Row {
  constructor(
    private readonly cells: ReadonlyMap<string, { text: string; place: SourcePlace }>,
    readonly place: SourcePlace,
  ) {}
  text(column: string): string {
    return this.cells.get(column)?.text.trim() ?? '';
  }
  placeOf(column: string): SourcePlace {
    return this.cells.get(column)?.place ?? this.place;
  }
}

/**
 * Reads a CSV of values, targets or benchmarks. Byte-order marks, CRLF, quoted commas and
 * any column order are expected (spreadsheets export all of them); every problem points
 * at the cell's line and column.
 */
export function readCsv(text: string, file: string): CsvContent {
  const messages: Message[] = [];
  const empty = { kind: 'csv', file, values: [], targets: [], benchmarks: [], messages } as const;
  // The same parser and cell locator as the DfE reader; a short or long row is read as it
  // is, its missing cells empty.
  const parsed = parseCsvTable(file, text, { ragged: 'allow' });
  if (!parsed.ok) {
    const reason = parsed.reason.replace(/^Cannot read CSV: /, 'CSV syntax error: ');
    messages.push(createMessage(RULES.dataInvalid, reason, parsed.place));
    return empty;
  }
  const table = parsed.table;
  const headerRow = toRow(table, -1);
  const names = table.header.map((name) => name.trim().toLowerCase());
  const kind = csvKind(names);
  if (!kind) {
    messages.push(
      createMessage(
        RULES.dataInvalid,
        'The header names no known kind of CSV: use indicator,period,value,numerator,denominator,symbol,note or indicator,period,target,tolerance or indicator,comparator,period,value',
        { file, line: 1, column: 1 },
      ),
    );
    return empty;
  }
  const known = [...COLUMNS[kind].required, ...COLUMNS[kind].optional];
  let headerOk = true;
  names.forEach((name, i) => {
    if (known.includes(name)) return;
    headerOk = false;
    const suggestions = nearest(name, known);
    messages.push(
      createMessage(
        RULES.dataInvalid,
        `Unknown column "${table.header[i] ?? name}" in a ${kind} CSV${didYouMean(suggestions)}`,
        headerRow.placeOf(String(i)),
        { suggestions },
      ),
    );
  });
  for (const column of COLUMNS[kind].required) {
    if (names.includes(column)) continue;
    headerOk = false;
    messages.push(
      createMessage(RULES.dataInvalid, `The ${kind} CSV has no "${column}" column`, {
        file,
        line: 1,
        column: 1,
      }),
    );
  }
  if (!headerOk) return { ...empty, csvKind: kind };

  const reader = new CellReader(messages);
  const values: RowFor<Observation>[] = [];
  const targets: RowFor<Target>[] = [];
  const benchmarks: RowFor<BenchmarkValue>[] = [];
  for (const [index, record] of table.rows.entries()) {
    if (record.every((cell) => cell.trim() === '')) continue;
    const row = toRow(table, index, names);
    const indicator = row.text('indicator');
    if (indicator === '') {
      messages.push(
        createMessage(RULES.dataInvalid, 'The row has no indicator id', row.placeOf('indicator')),
      );
      continue;
    }
    const period = reader.period(row);
    if (!period) continue;
    const target = { indicator, indicatorPlace: row.placeOf('indicator') };
    if (kind === 'values') {
      const observation = reader.observation(row, period);
      if (observation) values.push({ ...target, item: observation });
    } else if (kind === 'targets') {
      const value = reader.number(row, 'target', true);
      const tolerance = reader.number(row, 'tolerance', false);
      if (value !== undefined)
        targets.push({
          ...target,
          item: {
            period,
            value,
            ...(tolerance !== undefined ? { tolerance } : {}),
            source: row.place,
          },
        });
    } else {
      const comparator = row.text('comparator');
      const amount = reader.amount(row, 'value');
      if (comparator === '') {
        messages.push(
          createMessage(RULES.dataInvalid, 'The row has no comparator', row.placeOf('comparator')),
        );
      } else if (amount) {
        benchmarks.push({ ...target, item: { comparator, period, ...amount, source: row.place } });
      }
    }
  }
  return { kind: 'csv', file, csvKind: kind, values, targets, benchmarks, messages };
}

function csvKind(names: readonly string[]): CsvKind | undefined {
  if (names.includes('comparator')) return 'benchmarks';
  if (names.includes('target')) return 'targets';
  if (names.includes('value') || names.includes('symbol')) return 'values';
  return undefined;
}

class CellReader {
  constructor(private readonly messages: Message[]) {}

  period(row: Row): Period | undefined {
    const text = row.text('period');
    const period = parsePeriod(text);
    if (!period)
      this.messages.push(
        createMessage(
          RULES.dataInvalid,
          `${quoted(text)} is not a period (write 2023/24, 2023/24 Q4, 2023/24 H1, 2024-05 or 2024-03-31)`,
          row.placeOf('period'),
        ),
      );
    return period;
  }

  observation(row: Row, period: Period): Observation | undefined {
    const amount = this.amount(row, 'value');
    const symbolText = row.text('symbol');
    let symbol = amount?.symbol;
    if (symbolText !== '') {
      if (isStatSymbol(symbolText)) symbol = symbolText;
      else
        this.invalid(
          `${quoted(symbolText)} is not a symbol (c, k, u, x, z, low or :)`,
          row.placeOf('symbol'),
        );
    }
    const numerator = this.number(row, 'numerator', false);
    const denominator = this.number(row, 'denominator', false);
    const note = row.text('note');
    const category = row.text('category');
    if (amount?.value === undefined && symbol === undefined) {
      if (row.text('value') === '' && symbolText === '')
        this.invalid('The row needs a value or a symbol', row.placeOf('value'));
      return undefined;
    }
    return {
      period,
      ...(amount?.value !== undefined ? { value: amount.value } : {}),
      ...(numerator !== undefined ? { numerator } : {}),
      ...(denominator !== undefined ? { denominator } : {}),
      ...(symbol !== undefined ? { symbol } : {}),
      ...(note !== '' ? { note } : {}),
      ...(category !== '' ? { category } : {}),
      source: row.place,
    };
  }

  /** A value cell holds a number or, where DfE practice suppressed it, a symbol. */
  amount(row: Row, column: string): Pick<BenchmarkValue, 'value' | 'symbol'> | undefined {
    const text = row.text(column);
    if (isStatSymbol(text)) return { symbol: text };
    const value = this.number(row, column, false);
    return value === undefined ? undefined : { value };
  }

  number(row: Row, column: string, required: boolean): number | undefined {
    const text = row.text(column);
    if (text === '') {
      if (required) this.invalid(`The row has no ${column}`, row.placeOf(column));
      return undefined;
    }
    const value = parseNumber(text);
    if (value === undefined)
      this.invalid(`${column} ${quoted(text)} is not a number`, row.placeOf(column));
    return value;
  }

  private invalid(reason: string, place: SourcePlace): void {
    this.messages.push(createMessage(RULES.dataInvalid, reason, place));
  }
}

/** Plain decimals, optionally with thousands separators (`1,204` from a spreadsheet). */
export function parseNumber(text: string): number | undefined {
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return undefined;
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

/** A row's cells by column name (by index when no names are given), each with its place. */
function toRow(table: CsvTable, rowIndex: number, names?: readonly string[]): Row {
  const record = rowIndex < 0 ? table.header : (table.rows[rowIndex] ?? []);
  const cells = new Map<string, { text: string; place: SourcePlace }>();
  record.forEach((cell, i) => {
    cells.set(names?.[i] ?? String(i), { text: cell, place: cellPlace(table, rowIndex, i) });
  });
  const line = rowIndex < 0 ? 1 : (table.lines[rowIndex] ?? 1);
  return new Row(cells, { file: table.file, line, column: 1 });
}
