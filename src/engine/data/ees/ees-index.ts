import type { CsvTable } from './csv-table.js';

/** The EES columns that say which area and period a row is about. */
export const EES_COLUMNS = {
  timePeriod: 'time_period',
  timeIdentifier: 'time_identifier',
  level: 'geographic_level',
  regionCode: 'region_code',
  regionName: 'region_name',
  oldLaCode: 'old_la_code',
  newLaCode: 'new_la_code',
  laName: 'la_name',
} as const;

export const LONDON_REGION_CODE = 'E12000007';

/**
 * Row numbers of an EES table grouped by area, so an indicator only ever scans the
 * hundred-odd rows of its own authority, England or region.
 */
export interface EesIndex {
  readonly table: CsvTable;
  readonly column: {
    readonly timePeriod: number;
    readonly timeIdentifier: number;
    readonly level: number;
    readonly regionCode: number | undefined;
    readonly regionName: number | undefined;
    readonly oldLaCode: number | undefined;
    readonly newLaCode: number | undefined;
    readonly laName: number | undefined;
  };
  readonly national: readonly number[];
  /** Regional rows by region_code. */
  readonly regional: ReadonlyMap<string, readonly number[]>;
  /** region_code to region_name, from the regional rows. */
  readonly regionNames: ReadonlyMap<string, string>;
  readonly laByOldCode: ReadonlyMap<string, readonly number[]>;
  readonly laByNewCode: ReadonlyMap<string, readonly number[]>;
  /** By la_name, trimmed and lower-cased. */
  readonly laByName: ReadonlyMap<string, readonly number[]>;
  /** Every la_name as written, for "did you mean" suggestions. */
  readonly laNames: readonly string[];
}

export type EesIndexResult =
  | { readonly ok: true; readonly index: EesIndex }
  | { readonly ok: false; readonly missingColumns: readonly string[] };

const indexCache = new WeakMap<CsvTable, EesIndexResult>();

/** Indexes a table once; the result lives as long as the cached table does. */
export function indexEesTable(table: CsvTable): EesIndexResult {
  let result = indexCache.get(table);
  if (!result) {
    result = buildIndex(table);
    indexCache.set(table, result);
  }
  return result;
}

function push(map: Map<string, number[]>, key: string, row: number): void {
  if (key === '') return;
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

function buildIndex(table: CsvTable): EesIndexResult {
  const col = (name: string): number | undefined => table.columns.get(name);
  const timePeriod = col(EES_COLUMNS.timePeriod);
  const timeIdentifier = col(EES_COLUMNS.timeIdentifier);
  const level = col(EES_COLUMNS.level);
  if (timePeriod === undefined || timeIdentifier === undefined || level === undefined) {
    const missingColumns = [
      EES_COLUMNS.timePeriod,
      EES_COLUMNS.timeIdentifier,
      EES_COLUMNS.level,
    ].filter((name) => col(name) === undefined);
    return { ok: false, missingColumns };
  }
  const column = {
    timePeriod,
    timeIdentifier,
    level,
    regionCode: col(EES_COLUMNS.regionCode),
    regionName: col(EES_COLUMNS.regionName),
    oldLaCode: col(EES_COLUMNS.oldLaCode),
    newLaCode: col(EES_COLUMNS.newLaCode),
    laName: col(EES_COLUMNS.laName),
  };
  const national: number[] = [];
  const regional = new Map<string, number[]>();
  const regionNames = new Map<string, string>();
  const laByOldCode = new Map<string, number[]>();
  const laByNewCode = new Map<string, number[]>();
  const laByName = new Map<string, number[]>();
  const laNames = new Set<string>();
  const cell = (row: readonly string[], index: number | undefined): string =>
    index === undefined ? '' : (row[index] ?? '').trim();

  table.rows.forEach((row, r) => {
    const geography = cell(row, level).toLowerCase();
    if (geography === 'national') {
      national.push(r);
    } else if (geography === 'regional') {
      const code = cell(row, column.regionCode);
      push(regional, code, r);
      if (!regionNames.has(code)) regionNames.set(code, cell(row, column.regionName));
    } else if (geography === 'local authority') {
      push(laByOldCode, cell(row, column.oldLaCode), r);
      push(laByNewCode, cell(row, column.newLaCode).toUpperCase(), r);
      const name = cell(row, column.laName);
      push(laByName, name.toLowerCase(), r);
      if (name !== '') laNames.add(name);
    }
  });
  return {
    ok: true,
    index: {
      table,
      column,
      national,
      regional,
      regionNames,
      laByOldCode,
      laByNewCode,
      laByName,
      laNames: [...laNames],
    },
  };
}
