import { periodFromEes } from '../../periods.js';
import type { PeerFigure, PeerFigures } from '../../types.js';
import type { ResolvedArea } from './area.js';
import { readCell } from './cell-value.js';
import { cellPlace } from './csv-table.js';
import { LONDON_REGION_CODE, type EesIndex } from './ees-index.js';
import type { BoundFilter } from './row-filter.js';

/**
 * Every local authority's figure of one indicator, by period: what ranks and quartiles
 * are computed from. Each authority's row is found as its own figures are (the same
 * `where` filter and value column); the first matching row of a period is its figure, as
 * for the authority itself. A cell that is neither a number nor a symbol is left out
 * (the authority's own such cell is reported where its figures are read).
 */
export function peerFigures(
  index: EesIndex,
  area: ResolvedArea,
  neighbours: readonly string[] | undefined,
  filter: BoundFilter,
  column: number,
): PeerFigures {
  const { table, column: col } = index;
  const byPeriod = new Map<string, PeerFigure[]>();
  const cell = (row: readonly string[], c: number | undefined): string =>
    c === undefined ? '' : (row[c] ?? '').trim();
  for (const [code, rows] of index.laByOldCode) {
    const seen = new Set<string>();
    for (const r of rows) {
      const row = table.rows[r];
      if (!row || !filter.test(row)) continue;
      const period = periodFromEes(cell(row, col.timePeriod), cell(row, col.timeIdentifier));
      if (!period || seen.has(period.key)) continue;
      seen.add(period.key);
      const reading = readCell(row[column] ?? '');
      if (reading.kind === 'invalid') continue;
      let regionCode = cell(row, col.regionCode);
      // London boroughs carry Inner or Outer London; ranking among London means all of them.
      if (regionCode.startsWith('E13')) regionCode = LONDON_REGION_CODE;
      const figure: PeerFigure = {
        code,
        name: cell(row, col.laName) || code,
        regionCode,
        ...(reading.kind === 'number' ? { value: reading.value } : { symbol: reading.symbol }),
        source: cellPlace(table, r, column),
      };
      const list = byPeriod.get(period.key);
      if (list) list.push(figure);
      else byPeriod.set(period.key, [figure]);
    }
  }
  return {
    code: area.oldCode,
    name: area.name,
    regionCode: area.regionCode,
    regionName: area.regionName,
    ...(neighbours ? { neighbours } : {}),
    byPeriod,
  };
}
