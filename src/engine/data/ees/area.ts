import { LONDON_REGION_CODE, type EesIndex } from './ees-index.js';
import { nearest } from '../../nearest.js';

/** The authority a source names, as found in one EES file. */
export interface ResolvedArea {
  /** Its local-authority rows (every period). */
  readonly rows: readonly number[];
  /** From its newest row; the key of the statistical-neighbour model. */
  readonly oldCode: string;
  readonly name: string;
  /** The region benchmark's code: London boroughs' Inner/Outer sub-region becomes London. */
  readonly regionCode: string;
  /** The region's name as its own regional rows give it (`London`, `North West`). */
  readonly regionName: string;
}

export type AreaResult =
  | { readonly ok: true; readonly area: ResolvedArea }
  | { readonly ok: false; readonly suggestions: readonly string[] };

/**
 * Finds an authority by old_la_code (`309`), new_la_code (`E09000014`) or la_name
 * (any case). Matching by old code or name follows an authority across a change of
 * new code (North Yorkshire became a unitary in 2023 under a new E06 code).
 */
export function resolveArea(index: EesIndex, la: string): AreaResult {
  const key = la.trim();
  const rows =
    index.laByOldCode.get(key) ??
    index.laByNewCode.get(key.toUpperCase()) ??
    index.laByName.get(key.toLowerCase());
  if (!rows || rows.length === 0)
    return { ok: false, suggestions: nearestNames(key, index.laNames, 3) };
  const { table, column } = index;
  const newest = newestRow(index, rows);
  const row = table.rows[newest] ?? [];
  const cell = (c: number | undefined): string => (c === undefined ? '' : (row[c] ?? '').trim());
  let regionCode = cell(column.regionCode);
  // London boroughs carry their Inner/Outer London sub-region (E13...); committees
  // compare against London as a whole.
  if (regionCode.startsWith('E13')) regionCode = LONDON_REGION_CODE;
  const regionName =
    index.regionNames.get(regionCode) ??
    (regionCode === LONDON_REGION_CODE ? 'London' : cell(column.regionName));
  return {
    ok: true,
    area: {
      rows,
      oldCode: cell(column.oldLaCode),
      name: cell(column.laName) || key,
      regionCode,
      regionName,
    },
  };
}

function newestRow(index: EesIndex, rows: readonly number[]): number {
  const { table, column } = index;
  let best = rows[0] ?? 0;
  let bestPeriod = '';
  for (const r of rows) {
    const period = (table.rows[r]?.[column.timePeriod] ?? '').trim();
    // EES time periods of one file share a format (`2025`, `202425`), so text order is time order.
    if (
      period.length > bestPeriod.length ||
      (period.length === bestPeriod.length && period > bestPeriod)
    ) {
      best = r;
      bestPeriod = period;
    }
  }
  return best;
}

/** The `count` names nearest to `word` (see nearest.ts), nearest first. */
export function nearestNames(word: string, names: readonly string[], count: number): string[] {
  return nearest(word, names, count);
}
