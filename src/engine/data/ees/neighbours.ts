import type { SourcePlace, StatSymbol } from '../../types.js';
import { nearestNames } from './area.js';
import { cellPlace, type CsvTable } from './csv-table.js';

export const NEIGHBOUR_COUNT = 10;

export type NeighbourLookup =
  | { readonly ok: true; readonly codes: readonly string[]; readonly place: SourcePlace }
  | { readonly ok: false; readonly reason: string; readonly suggestions: readonly string[] };

/**
 * The old_la_codes of an authority's neighbours from the DfE statistical-neighbour
 * model (wide layout: `old_la_code`, `SN_1` .. `SN_10`).
 */
export function findNeighbours(table: CsvTable, oldCode: string, name: string): NeighbourLookup {
  const codeColumn = table.columns.get('old_la_code');
  const snColumns = Array.from({ length: NEIGHBOUR_COUNT }, (_, i) =>
    table.columns.get(`SN_${i + 1}`),
  );
  const missing = [
    ...(codeColumn === undefined ? ['old_la_code'] : []),
    ...snColumns.flatMap((c, i) => (c === undefined ? [`SN_${i + 1}`] : [])),
  ];
  if (codeColumn === undefined || missing.length > 0) {
    return {
      ok: false,
      reason: `The statistical-neighbour file ${table.file} has no column ${missing.join(', ')} in its header (line 1)`,
      suggestions: [],
    };
  }
  const rowIndex = table.rows.findIndex((row) => (row[codeColumn] ?? '').trim() === oldCode);
  const row = table.rows[rowIndex];
  if (!row) {
    const nameColumn = table.columns.get('la_name');
    const names =
      nameColumn === undefined ? [] : table.rows.map((r) => (r[nameColumn] ?? '').trim());
    return {
      ok: false,
      reason: `${name} (${oldCode}) is not in the statistical-neighbour model ${table.file}`,
      suggestions: nearestNames(name, names, 3),
    };
  }
  const codes = snColumns.flatMap((c) => {
    const code = c === undefined ? '' : (row[c] ?? '').trim();
    return code === '' ? [] : [code];
  });
  return { ok: true, codes, place: cellPlace(table, rowIndex, snColumns[0] ?? codeColumn) };
}

export type NeighbourAverage = 'mean' | 'median';

/** Mean or median; the caller guarantees at least one value. */
export function averageOf(values: readonly number[], how: NeighbourAverage): number {
  let result: number;
  if (how === 'mean') {
    result = values.reduce((sum, v) => sum + v, 0) / values.length;
  } else {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    result =
      sorted.length % 2 === 1
        ? (sorted[middle] ?? 0)
        : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  }
  // Twelve significant figures drops floating-point noise (18.700000000000003) and keeps
  // everything a formatter could show; formatting rounds to the indicator's decimals.
  return Number(result.toPrecision(12));
}

/** Why a neighbour had no figure: a symbol in its cell, or no row for the period. */
export type NeighbourGap = StatSymbol | 'no-row';

const GAP_WORDS: Readonly<Record<NeighbourGap, string>> = {
  c: 'suppressed',
  k: 'rounding to 0',
  low: 'rounding to 0',
  u: 'of low reliability',
  x: 'not available',
  ':': 'not available',
  z: 'not applicable',
  'no-row': 'not published',
};

/** `mean of 9 of 10 statistical neighbours (1 suppressed)`. */
export function neighbourNote(
  how: NeighbourAverage,
  used: number,
  total: number,
  gaps: readonly NeighbourGap[],
): string {
  const counted =
    used === total
      ? `${how} of ${total} statistical neighbours`
      : `${how} of ${used} of ${total} statistical neighbours`;
  if (gaps.length === 0) return counted;
  const byWords = new Map<string, number>();
  for (const gap of gaps) byWords.set(GAP_WORDS[gap], (byWords.get(GAP_WORDS[gap]) ?? 0) + 1);
  const parts = [...byWords].map(([words, count]) => `${count} ${words}`);
  return `${counted} (${parts.join(', ')})`;
}
