import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
  EesTableCache,
  importEesSeries,
  type EesSeries,
  type EesSourceSpec,
} from '../../src/engine/data/ees/index.js';
import {
  DFE_DIR,
  FILES,
  csvRows,
  dfePath,
  isNumber,
  matches,
  mean,
  median,
  neighbourCodes,
  reportingYearKey,
  type CsvRow,
} from './dfe-files.js';
import { CASES, PLACE, type SpecCase } from './indicator-specs.js';
import { createNodeHost } from '../../src/engine/index.js';

/** Authorities named each way the `la` field allows, in and outside London. */
const AUTHORITIES = [
  {
    la: '309',
    pick: (r: CsvRow) => r.old_la_code === '309',
    about: 'Haringey by old_la_code (London)',
  },
  {
    la: 'E08000003',
    pick: (r: CsvRow) => r.new_la_code === 'E08000003',
    about: 'Manchester by new_la_code',
  },
  {
    la: '  herefordshire, COUNTY OF ',
    pick: (r: CsvRow) => r.la_name === 'Herefordshire, County of',
    about: 'Herefordshire by name (quoted comma, any case)',
  },
] as const;

const cache = new EesTableCache(createNodeHost());

function source(file: string, la: string, average: 'mean' | 'median' = 'mean'): EesSourceSpec {
  return {
    name: 'dfe',
    ees: dfePath(file),
    la,
    neighbours: dfePath(FILES.neighbours),
    neighbourAverage: average,
    place: PLACE,
  };
}

function assertCell(
  actual: { value?: number; symbol?: string },
  cell: string | undefined,
  what: string,
): void {
  if (isNumber(cell)) assert.equal(actual.value, Number(cell), what);
  else
    assert.deepEqual(
      { value: actual.value, symbol: actual.symbol },
      { value: undefined, symbol: cell },
      what,
    );
}

function benchmarksOf(series: EesSeries, comparator: string) {
  return new Map(
    series.benchmarks.filter((b) => b.comparator === comparator).map((b) => [b.period.key, b]),
  );
}

/** Region expected from the CSV itself: the LA's region, London for E13 sub-regions. */
function expectedRegion(
  laRows: readonly CsvRow[],
  all: readonly CsvRow[],
): { code: string; name: string } {
  const code = laRows[0]?.region_code ?? '';
  const regionCode = code.startsWith('E13') ? 'E12000007' : code;
  const name =
    all.find((r) => r.geographic_level === 'Regional' && r.region_code === regionCode)
      ?.region_name ?? '';
  return { code: regionCode, name };
}

function checkCase(
  c: SpecCase,
  authority: (typeof AUTHORITIES)[number],
  average: 'mean' | 'median',
) {
  return async () => {
    const series = await importEesSeries(source(c.file, authority.la, average), [c.spec], cache);
    assert.deepEqual(series.messages, []);
    const all = csvRows(c.file);
    const where = c.spec.where ?? {};
    const laRows = all.filter((r) => r.geographic_level === 'Local authority' && authority.pick(r));
    const valueRows = laRows.filter((r) => matches(r, where));
    assert.ok(valueRows.length > 0, 'the test picked rows');

    // Values, numerators and denominators, each from its own row.
    assert.equal(series.values.length, valueRows.length);
    for (const row of valueRows) {
      const key = reportingYearKey(row.time_period ?? '');
      const observation = series.values.find((o) => o.period.key === key);
      assert.ok(observation, `value for ${key}`);
      assertCell(observation, row[c.spec.value], `${c.spec.indicatorId} ${key}`);
      const denominatorRow = laRows.find(
        (r) =>
          r.time_period === row.time_period && matches(r, { ...where, ...c.spec.denominatorWhere }),
      );
      const numeratorCell = row[c.spec.numerator ?? ''];
      const denominatorCell = denominatorRow?.[c.spec.denominator ?? ''];
      assert.equal(
        observation.numerator,
        isNumber(numeratorCell) ? Number(numeratorCell) : undefined,
      );
      assert.equal(
        observation.denominator,
        isNumber(denominatorCell) ? Number(denominatorCell) : undefined,
      );
      assert.equal(observation.source.file, dfePath(c.file));
    }
    const keys = series.values.map((o) => o.period.start);
    assert.deepEqual(keys, [...keys].sort(), 'values oldest first');

    // England and the region.
    const england = benchmarksOf(series, 'England');
    const nationalRows = all.filter((r) => r.geographic_level === 'National' && matches(r, where));
    assert.equal(england.size, nationalRows.length);
    for (const row of nationalRows) {
      const b = england.get(reportingYearKey(row.time_period ?? ''));
      assert.ok(b);
      assertCell(b, row[c.spec.value], `England ${row.time_period}`);
    }
    const region = expectedRegion(laRows, all);
    assert.notEqual(region.name, '');
    assert.ok(!/Inner|Outer/.test(region.name));
    const regional = benchmarksOf(series, region.name);
    const regionRows = all.filter(
      (r) =>
        r.geographic_level === 'Regional' && r.region_code === region.code && matches(r, where),
    );
    assert.equal(regional.size, regionRows.length);
    for (const row of regionRows) {
      const b = regional.get(reportingYearKey(row.time_period ?? ''));
      assert.ok(b);
      assertCell(b, row[c.spec.value], `${region.name} ${row.time_period}`);
    }

    // Statistical neighbours: the average and the note, computed here from the cells.
    const oldCode = laRows[0]?.old_la_code ?? '';
    const codes = neighbourCodes(oldCode);
    const neighbours = benchmarksOf(series, 'Statistical neighbours');
    for (const [key, benchmark] of neighbours) {
      const cells = codes.map(
        (code) =>
          all.find(
            (r) =>
              r.geographic_level === 'Local authority' &&
              r.old_la_code === code &&
              reportingYearKey(r.time_period ?? '') === key &&
              matches(r, where),
          )?.[c.spec.value],
      );
      const numbers = cells.filter(isNumber).map(Number);
      const suppressed = cells.filter((cell) => cell === 'c').length;
      const expected = average === 'mean' ? mean(numbers) : median(numbers);
      assert.ok(
        Math.abs((benchmark.value ?? NaN) - expected) < 1e-9 * Math.max(1, expected),
        `${key}: ${benchmark.value} vs ${expected}`,
      );
      assert.match(
        benchmark.note ?? '',
        new RegExp(`^${average} of ${numbers.length}( of 10)? statistical neighbours`),
      );
      if (suppressed > 0)
        assert.match(benchmark.note ?? '', new RegExp(`${suppressed} suppressed`));
      else assert.doesNotMatch(benchmark.note ?? '', /suppressed/);
    }
    assert.equal(neighbours.size, new Set(valueRows.map((r) => r.time_period)).size);
  };
}

describe('importEesSeries on the real DfE files', () => {
  it('finds the DfE folder (a missing folder is a failure, not a skip)', () => {
    assert.ok(
      existsSync(dfePath(FILES.referrals)),
      `DfE files not found in ${DFE_DIR}; set SCORECARD_DFE_DIR`,
    );
  });

  for (const authority of AUTHORITIES) {
    for (const c of CASES) {
      it(`${c.spec.indicatorId} for ${authority.about}`, checkCase(c, authority, 'mean'));
    }
  }
  it(
    'takes the median of neighbours when asked',
    checkCase(CASES[1] as SpecCase, AUTHORITIES[0], 'median'),
  );

  it('maps Reporting year 2025 to 2024/25 and reads 13 years of re-referrals', async () => {
    const series = await importEesSeries(
      source(FILES.referrals, 'Haringey'),
      [CASES[0]?.spec ?? assert.fail()],
      cache,
    );
    assert.deepEqual(
      series.values.map((o) => o.period.key),
      Array.from({ length: 13 }, (_, i) => reportingYearKey(String(2013 + i))),
    );
    assert.equal(series.values.at(-1)?.period.key, '2024/25');
    assert.ok(series.benchmarks.some((b) => b.comparator === 'London'));
    assert.ok(!series.benchmarks.some((b) => /Inner|Outer/.test(b.comparator)));
  });

  it('points each value at its CSV line and column', async () => {
    const series = await importEesSeries(
      source(FILES.careLeaversActivity, '309'),
      [CASES[1]?.spec ?? assert.fail()],
      cache,
    );
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(dfePath(FILES.careLeaversActivity), 'utf8').split(/\r?\n/);
    for (const o of series.values) {
      const line = lines[o.source.line - 1] ?? '';
      assert.match(line, /Haringey/);
      assert.ok(line.slice(o.source.column - 1).startsWith(String(o.value ?? o.symbol)), line);
    }
  });

  it('keeps a suppressed neighbour out of the average and says so', async () => {
    // Find, in the data itself, an authority, measure and year where some neighbours are `c`.
    let found:
      { c: SpecCase; code: string; period: string; cells: (string | undefined)[] } | undefined;
    search: for (const c of CASES) {
      const where = c.spec.where ?? {};
      const cells = new Map<string, string | undefined>();
      for (const r of csvRows(c.file)) {
        if (r.geographic_level === 'Local authority' && matches(r, where)) {
          cells.set(`${r.old_la_code}|${r.time_period}`, r[c.spec.value]);
        }
      }
      for (const snRow of csvRows(FILES.neighbours)) {
        for (const period of ['2025', '2024', '2023']) {
          const row = neighbourCodes(snRow.old_la_code ?? '').map((code) =>
            cells.get(`${code}|${period}`),
          );
          if (row.includes('c') && row.some(isNumber)) {
            found = { c, code: snRow.old_la_code ?? '', period, cells: row };
            break search;
          }
        }
      }
    }
    assert.ok(found, 'some neighbour is suppressed somewhere in the DfE files');
    const series = await importEesSeries(source(found.c.file, found.code), [found.c.spec], cache);
    const b = benchmarksOf(series, 'Statistical neighbours').get(reportingYearKey(found.period));
    const numbers = found.cells.filter(isNumber).map(Number);
    const suppressed = found.cells.filter((x) => x === 'c').length;
    assert.ok(b);
    assert.ok(Math.abs((b.value ?? NaN) - mean(numbers)) < 1e-9);
    assert.match(
      b.note ?? '',
      new RegExp(
        `^mean of ${numbers.length} of 10 statistical neighbours \\(.*${suppressed} suppressed`,
      ),
    );
  });

  it('keeps symbols as symbols', async () => {
    const c = CASES[1] as SpecCase;
    const symbolRow = csvRows(c.file).find(
      (r) =>
        r.geographic_level === 'Local authority' &&
        matches(r, c.spec.where ?? {}) &&
        !isNumber(r[c.spec.value]),
    );
    assert.ok(symbolRow, 'the file has a symbol for this measure');
    const series = await importEesSeries(
      source(c.file, symbolRow.old_la_code ?? ''),
      [c.spec],
      cache,
    );
    const o = series.values.find(
      (v) => v.period.key === reportingYearKey(symbolRow.time_period ?? ''),
    );
    assert.equal(o?.symbol, symbolRow[c.spec.value]);
    assert.equal(o?.value, undefined);
  });

  it('reads several indicators of one source apart', async () => {
    const c = CASES[1] as SpecCase;
    const other = {
      ...c.spec,
      indicatorId: 'CL-EET-17',
      where: { ...c.spec.where, care_leaver_age: '17 to 18 years' },
    };
    const series = await importEesSeries(source(c.file, '309'), [c.spec, other], cache);
    const a = series.byIndicator.get('CL-EET')?.values.at(-1);
    const b = series.byIndicator.get('CL-EET-17')?.values.at(-1);
    assert.ok(a && b);
    assert.notDeepEqual(a.source, b.source);
    assert.equal(series.values.length, (series.byIndicator.get('CL-EET')?.values.length ?? 0) * 2);
  });
});
