import { basename } from 'node:path';
import { createMessage, RULES } from '../../messages.js';
import { periodFromEes } from '../../periods.js';
import type { BenchmarkValue, Message, Observation, Period, SourcePlace } from '../../types.js';
import { resolveArea, type ResolvedArea } from './area.js';
import { DFE_DIR_HOW } from './dfe-dir.js';
import { readCell } from './cell-value.js';
import { cellPlace, type CsvTable } from './csv-table.js';
import { indexEesTable, type EesIndex } from './ees-index.js';
import { averageOf, findNeighbours, neighbourNote, type NeighbourGap } from './neighbours.js';
import { peerFigures } from './peers.js';
import { bindFilter, describeFilter, distinctValues, type BoundFilter } from './row-filter.js';
import type { CsvReadResult, EesTableCache } from './table-cache.js';
import type {
  EesIndicatorSeries,
  EesIndicatorSpec,
  EesSeries,
  EesSourceSpec,
  RowFilter,
} from './types.js';
import { nearest } from '../../nearest.js';

export const ENGLAND = 'England';
export const STATISTICAL_NEIGHBOURS = 'Statistical neighbours';

/**
 * Reads an authority's values and its England, region and statistical-neighbour
 * benchmarks from a DfE EES tidy CSV. Every problem becomes a positioned message;
 * nothing throws for bad input.
 */
export async function importEesSeries(
  source: EesSourceSpec,
  indicators: readonly EesIndicatorSpec[],
  cache: EesTableCache,
): Promise<EesSeries> {
  // The tables are read first, so that a series remembered is the one these very tables
  // gave: the cache gives back the same result object only while a file is unchanged.
  const read = await cache.read(source.ees);
  const neighbours =
    source.neighbours === undefined ? undefined : await cache.read(source.neighbours);
  const key = JSON.stringify([source, indicators]);
  const slot = `${source.ees}\u0000${source.name}`;
  const known = cache.series.get(slot);
  if (known?.key === key && known.read === read && known.neighbours === neighbours) {
    return known.series;
  }
  const series = importFrom(source, indicators, read, neighbours);
  cache.series.set(slot, { key, read, neighbours, series });
  return series;
}

/** The series of `indicators` from the tables read. */
function importFrom(
  source: EesSourceSpec,
  indicators: readonly EesIndicatorSpec[],
  read: CsvReadResult,
  neighboursRead: CsvReadResult | undefined,
): EesSeries {
  const messages: Message[] = [];
  const files = [source.ees, ...(source.neighbours === undefined ? [] : [source.neighbours])];
  const byIndicator = new Map<string, EesIndicatorSeries>();
  const finish = (): EesSeries => ({
    values: [...byIndicator.values()].flatMap((s) => s.values),
    benchmarks: [...byIndicator.values()].flatMap((s) => s.benchmarks),
    byIndicator,
    messages,
    files,
  });

  if (!read.ok) {
    messages.push(readProblem(read, source, 'EES statistics file'));
    return finish();
  }
  const indexed = indexEesTable(read.table);
  if (!indexed.ok) {
    messages.push(
      createMessage(
        RULES.dataInvalid,
        `${basename(source.ees)} is not an EES tidy CSV: its header (line 1) has no column ${indexed.missingColumns.join(', ')}`,
        source.place,
      ),
    );
    return finish();
  }
  const index = indexed.index;
  const resolved = resolveArea(index, source.la);
  if (!resolved.ok) {
    const hint =
      resolved.suggestions.length > 0 ? `; nearest: ${resolved.suggestions.join(', ')}` : '';
    messages.push(
      createMessage(
        RULES.unknownArea,
        `No local authority "${source.la}" in ${basename(source.ees)} (old_la_code, new_la_code or la_name)${hint}`,
        source.place,
        { suggestions: resolved.suggestions },
      ),
    );
    return finish();
  }
  const area = resolved.area;
  const neighbours = neighboursRead && loadNeighbours(source, area, neighboursRead, messages);

  for (const spec of indicators) {
    byIndicator.set(
      spec.indicatorId,
      importIndicator(index, area, neighbours, source, spec, messages),
    );
  }
  return finish();
}

interface Neighbours {
  readonly codes: readonly string[];
  readonly place: SourcePlace;
}

function loadNeighbours(
  source: EesSourceSpec,
  area: ResolvedArea,
  read: CsvReadResult,
  messages: Message[],
): Neighbours | undefined {
  if (!read.ok) {
    messages.push(readProblem(read, source, 'statistical-neighbour file'));
    return undefined;
  }
  const found = findNeighbours(read.table, area.oldCode, area.name);
  if (!found.ok) {
    messages.push(
      createMessage(RULES.unknownArea, found.reason, source.place, {
        suggestions: found.suggestions,
      }),
    );
    return undefined;
  }
  return found;
}

function readProblem(
  read: Extract<CsvReadResult, { ok: false }>,
  source: EesSourceSpec,
  what: string,
): Message {
  if (read.missing) {
    return createMessage(
      RULES.dataMissing,
      `Cannot read the ${what} of source "${source.name}": ${read.reason}. DfE files written as dfe:NAME.csv are read from the DfE data folder (set with ${DFE_DIR_HOW})`,
      source.place,
    );
  }
  return createMessage(
    read.encoding ? RULES.encoding : RULES.dataInvalid,
    read.reason,
    read.place ?? source.place,
  );
}

interface Columns {
  readonly value: number;
  readonly numerator: number | undefined;
  readonly denominator: number | undefined;
}

interface Filters {
  readonly value: BoundFilter;
  readonly numerator: BoundFilter;
  readonly denominator: BoundFilter;
}

function importIndicator(
  index: EesIndex,
  area: ResolvedArea,
  neighbours: Neighbours | undefined,
  source: EesSourceSpec,
  spec: EesIndicatorSpec,
  messages: Message[],
): EesIndicatorSeries {
  const none: EesIndicatorSeries = { values: [], benchmarks: [] };
  const { table } = index;
  const columns = bindColumns(table, spec, messages);
  const filters = bindFilters(table, spec, messages);
  if (!columns || !filters) return none;
  if (spec.categoryColumn !== undefined)
    return importBreakdown(index, area, spec, columns, messages);

  const laRows = groupByPeriod(index, area.rows, filters.value, spec, messages);
  if (laRows.size === 0) {
    messages.push(noRowsMessage(index, area, filters.value.filter, spec));
    return none;
  }
  const numeratorRows =
    spec.numeratorWhere === undefined
      ? laRows
      : groupByPeriod(index, area.rows, filters.numerator, spec, messages);
  const denominatorRows =
    spec.denominatorWhere === undefined
      ? laRows
      : groupByPeriod(index, area.rows, filters.denominator, spec, messages);
  if (numeratorRows.size === 0)
    messages.push(noRowsMessage(index, area, filters.numerator.filter, spec));
  if (denominatorRows.size === 0)
    messages.push(noRowsMessage(index, area, filters.denominator.filter, spec));

  const values: Observation[] = [];
  for (const [key, row] of laRows) {
    const period = periodOf(index, row, messages);
    if (!period) continue;
    const observation = observe(
      index,
      period,
      row,
      columns,
      numeratorRows.get(key),
      denominatorRows.get(key),
      messages,
    );
    if (observation) values.push(observation);
  }
  values.sort((a, b) => a.period.start.localeCompare(b.period.start));

  const benchmarks: BenchmarkValue[] = [
    ...areaBenchmarks(index, ENGLAND, index.national, filters.value, columns.value, spec, messages),
    ...areaBenchmarks(
      index,
      area.regionName,
      index.regional.get(area.regionCode) ?? [],
      filters.value,
      columns.value,
      spec,
      messages,
    ),
    ...(neighbours
      ? neighbourBenchmarks(index, neighbours, source, filters.value, columns.value, spec, messages)
      : []),
  ];
  const peers = peerFigures(index, area, neighbours?.codes, filters.value, columns.value);
  return { values, benchmarks, peers };
}

/**
 * A breakdown read from the file: one row per category (`where` plus the category
 * column), each period's figure kept with its category. The authority's own figures
 * only: comparators' breakdowns are not benchmarks of a category.
 */
function importBreakdown(
  index: EesIndex,
  area: ResolvedArea,
  spec: EesIndicatorSpec,
  columns: Columns,
  messages: Message[],
): EesIndicatorSeries {
  const none: EesIndicatorSeries = { values: [], benchmarks: [] };
  const { table } = index;
  const name = (spec.categoryColumn ?? '').trim();
  const column = table.columns.get(name);
  if (column === undefined) {
    messages.push(missingColumn(table, name, spec.place));
    return none;
  }
  const where = spec.where ?? {};
  const base = bindFilter(table, where);
  if (!base.ok) return none;
  const categories =
    spec.categories ??
    distinctValues(
      table,
      area.rows.filter((r) => base.bound.test(table.rows[r] ?? [])),
      column,
    );
  const values: Observation[] = [];
  for (const category of categories) {
    const bound = bindFilter(table, { ...where, [name]: category });
    if (!bound.ok) continue;
    const rows = groupByPeriod(index, area.rows, bound.bound, spec, messages);
    if (rows.size === 0) {
      messages.push(noRowsMessage(index, area, bound.bound.filter, spec));
      continue;
    }
    for (const row of rows.values()) {
      const period = periodOf(index, row, messages);
      if (!period) continue;
      const observation = observe(index, period, row, columns, undefined, undefined, messages);
      if (observation) values.push({ ...observation, category });
    }
  }
  values.sort((a, b) => a.period.start.localeCompare(b.period.start));
  return { values, benchmarks: [] };
}

function bindColumns(
  table: CsvTable,
  spec: EesIndicatorSpec,
  messages: Message[],
): Columns | undefined {
  const lookup = (name: string | undefined): number | undefined | null => {
    if (name === undefined) return undefined;
    const column = table.columns.get(name.trim());
    if (column !== undefined) return column;
    messages.push(missingColumn(table, name, spec.place));
    return null;
  };
  const value = lookup(spec.value);
  const numerator = lookup(spec.numerator);
  const denominator = lookup(spec.denominator);
  if (value === null || value === undefined || numerator === null || denominator === null)
    return undefined;
  return { value, numerator, denominator };
}

function missingColumn(table: CsvTable, name: string, place: SourcePlace): Message {
  return createMessage(
    RULES.dataInvalid,
    `No column "${name}" in ${basename(table.file)} (header, line 1); its columns are: ${table.header.join(', ')}`,
    place,
    { suggestions: nearest(name, table.header) },
  );
}

function bindFilters(
  table: CsvTable,
  spec: EesIndicatorSpec,
  messages: Message[],
): Filters | undefined {
  const where = spec.where ?? {};
  // numerator_where / denominator_where only say what differs from the value's row.
  const candidates = {
    value: where,
    numerator: { ...where, ...spec.numeratorWhere },
    denominator: { ...where, ...spec.denominatorWhere },
  };
  const bound: Partial<Record<keyof Filters, BoundFilter>> = {};
  const reported = new Set<string>();
  for (const role of ['value', 'numerator', 'denominator'] as const) {
    const result = bindFilter(table, candidates[role]);
    if (result.ok) bound[role] = result.bound;
    else
      for (const name of result.missingColumns) {
        if (reported.has(name)) continue;
        reported.add(name);
        messages.push(missingColumn(table, name, spec.place));
      }
  }
  const { value, numerator, denominator } = bound;
  return value && numerator && denominator ? { value, numerator, denominator } : undefined;
}

/** Rows matching a filter, one per EES period; a second match is an ambiguous filter. */
function groupByPeriod(
  index: EesIndex,
  rows: readonly number[],
  filter: BoundFilter,
  spec: EesIndicatorSpec,
  messages: Message[],
): Map<string, number> {
  const { table, column } = index;
  const byPeriod = new Map<string, number>();
  const clashes = new Map<string, number[]>();
  for (const r of rows) {
    const row = table.rows[r];
    if (!row || !filter.test(row)) continue;
    const key = `${(row[column.timePeriod] ?? '').trim()}|${(row[column.timeIdentifier] ?? '').trim()}`;
    const first = byPeriod.get(key);
    if (first === undefined) byPeriod.set(key, r);
    else clashes.set(key, [...(clashes.get(key) ?? [first]), r]);
  }
  const clash = clashes.entries().next();
  if (
    !clash.done &&
    firstTime(messages, `ambiguous|${spec.indicatorId}|${describeFilter(filter.filter)}`)
  ) {
    const [key, clashRows] = clash.value;
    messages.push(ambiguousMessage(index, clashRows, filter, key, spec));
  }
  return byPeriod;
}

function ambiguousMessage(
  index: EesIndex,
  rows: readonly number[],
  filter: BoundFilter,
  key: string,
  spec: EesIndicatorSpec,
): Message {
  const { table } = index;
  const varying = table.header.filter((_, c) => distinctValues(table, rows, c).length > 1);
  const lines = rows.map((r) => table.lines[r] ?? 0).join(', ');
  return createMessage(
    RULES.dataInvalid,
    `${describeFilter(filter.filter)} matches ${rows.length} rows of ${basename(table.file)} for ${key.replace('|', ' ')} (lines ${lines}); add a filter on ${varying.join(' or ')}`,
    spec.place,
  );
}

function noRowsMessage(
  index: EesIndex,
  area: ResolvedArea,
  where: RowFilter,
  spec: EesIndicatorSpec,
): Message {
  const { table } = index;
  const hints = Object.entries(where).flatMap(([name, value]) => {
    const column = table.columns.get(name.trim());
    if (column === undefined) return [];
    const found = distinctValues(table, area.rows, column);
    const present = found.some((v) => v.toLowerCase() === String(value).trim().toLowerCase());
    return present ? [] : [`${name} has ${found.map((v) => `"${v}"`).join(', ')}`];
  });
  const detail = hints.length > 0 ? `; ${hints.join('; ')}` : '';
  return createMessage(
    RULES.dataInvalid,
    `No row of ${basename(table.file)} for ${area.name} matches ${describeFilter(where)}${detail}`,
    spec.place,
  );
}

// Messages already given in one import, so a problem repeated in every period (or for
// every neighbour) is reported once.
const reported = new WeakMap<Message[], Set<string>>();

function firstTime(messages: Message[], key: string): boolean {
  let seen = reported.get(messages);
  if (!seen) reported.set(messages, (seen = new Set()));
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function periodOf(index: EesIndex, row: number, messages: Message[]): Period | undefined {
  const { table, column } = index;
  const cells = table.rows[row] ?? [];
  const timePeriod = cells[column.timePeriod] ?? '';
  const timeIdentifier = cells[column.timeIdentifier] ?? '';
  const period = periodFromEes(timePeriod, timeIdentifier);
  if (period) return period;
  if (firstTime(messages, `period|${timePeriod}|${timeIdentifier}`)) {
    messages.push(
      createMessage(
        RULES.unknownPeriod,
        `EES period "${timePeriod}" with time_identifier "${timeIdentifier}" is not a period Scorecard Markdown knows`,
        cellPlace(table, row, column.timePeriod),
      ),
    );
  }
  return undefined;
}

/** A number from a cell, or undefined (symbol, blank or, with a message, unparseable). */
function numberAt(
  index: EesIndex,
  row: number | undefined,
  column: number | undefined,
  messages: Message[],
) {
  if (row === undefined || column === undefined) return undefined;
  const reading = readCell(index.table.rows[row]?.[column] ?? '');
  if (reading.kind === 'number') return reading.value;
  if (reading.kind === 'invalid') messages.push(invalidNumber(index, row, column, reading.text));
  return undefined;
}

function invalidNumber(index: EesIndex, row: number, column: number, text: string): Message {
  const name = index.table.header[column] ?? '';
  return createMessage(
    RULES.dataInvalid,
    `"${text}" in column ${name} is neither a number nor an EES symbol (c, k, u, x, z, low)`,
    cellPlace(index.table, row, column),
  );
}

function observe(
  index: EesIndex,
  period: Period,
  row: number,
  columns: Columns,
  numeratorRow: number | undefined,
  denominatorRow: number | undefined,
  messages: Message[],
): Observation | undefined {
  const source = cellPlace(index.table, row, columns.value);
  const reading = readCell(index.table.rows[row]?.[columns.value] ?? '');
  if (reading.kind === 'invalid') {
    messages.push(invalidNumber(index, row, columns.value, reading.text));
    return undefined;
  }
  const numerator = numberAt(index, numeratorRow, columns.numerator, messages);
  const denominator = numberAt(index, denominatorRow, columns.denominator, messages);
  return {
    period,
    ...(reading.kind === 'number' ? { value: reading.value } : { symbol: reading.symbol }),
    ...(reading.kind === 'symbol' && reading.blank ? { note: 'blank in the published file' } : {}),
    ...(numerator === undefined ? {} : { numerator }),
    ...(denominator === undefined ? {} : { denominator }),
    source,
  };
}

function areaBenchmarks(
  index: EesIndex,
  comparator: string,
  rows: readonly number[],
  filter: BoundFilter,
  column: number,
  spec: EesIndicatorSpec,
  messages: Message[],
): BenchmarkValue[] {
  const benchmarks: BenchmarkValue[] = [];
  for (const row of groupByPeriod(index, rows, filter, spec, messages).values()) {
    const period = periodOf(index, row, messages);
    if (!period) continue;
    const reading = readCell(index.table.rows[row]?.[column] ?? '');
    if (reading.kind === 'invalid') {
      messages.push(invalidNumber(index, row, column, reading.text));
      continue;
    }
    benchmarks.push({
      comparator,
      period,
      ...(reading.kind === 'number' ? { value: reading.value } : { symbol: reading.symbol }),
      source: cellPlace(index.table, row, column),
    });
  }
  return benchmarks.sort((a, b) => a.period.start.localeCompare(b.period.start));
}

function neighbourBenchmarks(
  index: EesIndex,
  neighbours: Neighbours,
  source: EesSourceSpec,
  filter: BoundFilter,
  column: number,
  spec: EesIndicatorSpec,
  messages: Message[],
): BenchmarkValue[] {
  // Each neighbour's rows by EES period, then one average per period any of them has.
  const perNeighbour = neighbours.codes.map((code) =>
    groupByPeriod(index, index.laByOldCode.get(code) ?? [], filter, spec, messages),
  );
  const periodRows = new Map<string, number>();
  for (const rows of perNeighbour)
    for (const [key, row] of rows) if (!periodRows.has(key)) periodRows.set(key, row);

  const benchmarks: BenchmarkValue[] = [];
  for (const [key, anyRow] of periodRows) {
    const period = periodOf(index, anyRow, messages);
    if (!period) continue;
    const numbers: number[] = [];
    const gaps: NeighbourGap[] = [];
    for (const rows of perNeighbour) {
      const row = rows.get(key);
      if (row === undefined) {
        gaps.push('no-row');
        continue;
      }
      const reading = readCell(index.table.rows[row]?.[column] ?? '');
      if (reading.kind === 'number') numbers.push(reading.value);
      else if (reading.kind === 'symbol') gaps.push(reading.symbol);
      else {
        messages.push(invalidNumber(index, row, column, reading.text));
        gaps.push('x');
      }
    }
    const total = neighbours.codes.length;
    const how = source.neighbourAverage;
    benchmarks.push({
      comparator: STATISTICAL_NEIGHBOURS,
      period,
      ...(numbers.length > 0 ? { value: averageOf(numbers, how) } : { symbol: 'x' as const }),
      note: neighbourNote(how, numbers.length, total, gaps),
      source: neighbours.place,
    });
  }
  return benchmarks.sort((a, b) => a.period.start.localeCompare(b.period.start));
}
