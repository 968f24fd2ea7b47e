import type { CsvTable } from './csv-table.js';
import type { RowFilter } from './types.js';

/** A `where` filter bound to a table's columns; values match trimmed and case-insensitively. */
export interface BoundFilter {
  readonly filter: RowFilter;
  readonly test: (row: readonly string[]) => boolean;
}

export type BindResult =
  | { readonly ok: true; readonly bound: BoundFilter }
  | { readonly ok: false; readonly missingColumns: readonly string[] };

export function bindFilter(table: CsvTable, filter: RowFilter): BindResult {
  const tests: { readonly column: number; readonly value: string }[] = [];
  const missingColumns: string[] = [];
  for (const [name, value] of Object.entries(filter)) {
    const column = table.columns.get(name.trim());
    if (column === undefined) missingColumns.push(name);
    else tests.push({ column, value: normalise(value) });
  }
  if (missingColumns.length > 0) return { ok: false, missingColumns };
  return {
    ok: true,
    bound: {
      filter,
      test: (row) => tests.every((t) => normalise(row[t.column] ?? '') === t.value),
    },
  };
}

function normalise(text: string): string {
  return String(text).trim().toLowerCase();
}

/** The distinct values a column takes in some rows, in first-seen order, for messages. */
export function distinctValues(table: CsvTable, rows: readonly number[], column: number): string[] {
  const seen = new Set<string>();
  for (const r of rows) seen.add((table.rows[r]?.[column] ?? '').trim());
  return [...seen];
}

/** `{ a: x, b: y }` as `a = "x", b = "y"` for messages. */
export function describeFilter(filter: RowFilter): string {
  const parts = Object.entries(filter).map(([k, v]) => `${k} = "${v}"`);
  return parts.length === 0 ? 'no filter' : parts.join(', ');
}
