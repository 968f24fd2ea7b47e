/**
 * The DfE sample report, exported through the whole engine, checked against cells read
 * straight from the DfE CSV files, for Haringey and for other authorities put in its place.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createEngine } from '../../src/engine/index.js';
import {
  DFE_DIR,
  REPO,
  csvRows,
  isNumber,
  matches,
  mean,
  median,
  neighbourCodes,
  reportingYearKey,
  type CsvRow,
} from './dfe-files.js';
import { tempDir } from './temp-csv.js';
import { createNodeHost } from '../../src/engine/index.js';

const SAMPLE_DIR = resolve(REPO, 'samples', 'dfe');
const REPORT = join(SAMPLE_DIR, 'haringey-published-statistics.md');
const DATA = join(SAMPLE_DIR, 'data', 'haringey-dfe.yaml');

interface SampleSource {
  ees: string;
  la: string;
  neighbours?: string;
  neighbour_average?: 'mean' | 'median';
}
interface SampleIndicator {
  id: string;
  title: string;
  decimals: number;
  source: string;
  value: string;
  where: Record<string, string>;
  /** A breakdown (checked in breakdown-ees.test.ts): no trend chart of its own. */
  category_column?: string;
}
interface SampleData {
  sources: Record<string, SampleSource>;
  indicators: SampleIndicator[];
}

const sample = parseYaml(readFileSync(DATA, 'utf8')) as SampleData;

/** An authority put in Haringey's place: every source's `la` and the region's name. */
interface Authority {
  readonly la: string;
  readonly pick: (row: CsvRow) => boolean;
}

const fileOf = (source: SampleSource) => source.ees.replace(/^dfe[:/]/, '');

function regionName(rows: readonly CsvRow[], all: readonly CsvRow[]): string {
  const code = rows[0]?.region_code ?? '';
  const regionCode = code.startsWith('E13') ? 'E12000007' : code;
  return (
    all.find((r) => r.geographic_level === 'Regional' && r.region_code === regionCode)
      ?.region_name ?? '?'
  );
}

/** Half-up on the decimal value (16.95 -> 17.0), as a reader would round it. */
const percent = (value: number, decimals: number) =>
  `${(Math.round(Number(`${value.toPrecision(12)}e${decimals}`)) / 10 ** decimals).toFixed(decimals)}%`;

/** The chart's data table for an indicator: period -> cells as exported. */
function chartTable(html: string, title: string): Map<string, string[]> {
  const escaped = title.replace(/'/g, '&#x27;');
  const start = [
    html.indexOf(`${title}: the figures in the chart`),
    html.indexOf(`${escaped}: the figures in the chart`),
  ].find((i) => i >= 0);
  assert.ok(start !== undefined, `chart table for ${title}`);
  const table = html.slice(start, html.indexOf('</table>', start));
  const rows = new Map<string, string[]>();
  for (const tr of table.matchAll(/<tr><th scope="row">([^<]+)<\/th>(.*?)<\/tr>/g)) {
    rows.set(
      tr[1] ?? '',
      [...(tr[2] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((td) => td[1] ?? ''),
    );
  }
  return rows;
}

async function exportFor(authority: Authority | undefined, region: string) {
  let report = REPORT;
  if (authority) {
    // Put the authority in every source and its region in place of London.
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    const data = readFileSync(DATA, 'utf8').replace(
      /^(\s+la: ).*$/gm,
      `$1${JSON.stringify(authority.la)}`,
    );
    writeFileSync(join(dir, 'data', 'haringey-dfe.yaml'), data);
    report = join(dir, 'report.md');
    writeFileSync(report, readFileSync(REPORT, 'utf8').replace(/London/g, region));
  }
  const engine = createEngine({ host: createNodeHost({ dfeDataFolder: DFE_DIR }) });
  // The exempt export: every figure as published, before small-number suppression.
  return engine.render(readFileSync(report, 'utf8'), { path: report, mode: 'exempt' });
}

const AUTHORITIES: readonly (Authority & { about: string })[] = [
  { about: 'Haringey (the sample as written)', la: '309', pick: (r) => r.old_la_code === '309' },
  {
    about: 'Manchester, by new_la_code',
    la: 'E08000003',
    pick: (r) => r.new_la_code === 'E08000003',
  },
  { about: 'Cornwall, by name', la: 'Cornwall', pick: (r) => r.la_name === 'Cornwall' },
  { about: 'Westminster, by old_la_code', la: '213', pick: (r) => r.old_la_code === '213' },
];

describe('the DfE sample report', () => {
  for (const [i, authority] of AUTHORITIES.entries()) {
    it(`exports the CSV cells for ${authority.about}`, async () => {
      const firstSource = Object.values(sample.sources)[0];
      assert.ok(firstSource);
      const firstFile = csvRows(fileOf(firstSource));
      const region = regionName(
        firstFile.filter((r) => r.geographic_level === 'Local authority' && authority.pick(r)),
        firstFile,
      );
      const result = await exportFor(i === 0 ? undefined : authority, region);
      assert.deepEqual(
        result.messages.filter((m) => m.severity === 'error'),
        [],
      );
      assert.equal(result.refused, false);
      let checked = 0;
      for (const indicator of sample.indicators.filter((i) => !i.category_column)) {
        const source = sample.sources[indicator.source];
        assert.ok(source);
        const all = csvRows(fileOf(source));
        const where = indicator.where;
        const la = all.filter(
          (r) => r.geographic_level === 'Local authority' && authority.pick(r) && matches(r, where),
        );
        const table = chartTable(result.html, indicator.title);
        const codes = neighbourCodes(la[0]?.old_la_code ?? '');
        const average = source.neighbour_average === 'median' ? median : mean;
        for (const row of la) {
          const period = row.time_period ?? '';
          const cells = table.get(reportingYearKey(period));
          if (!cells) continue; // older than the chart's window
          const national = all.find(
            (r) =>
              r.geographic_level === 'National' && r.time_period === period && matches(r, where),
          );
          const regional = all.find(
            (r) =>
              r.geographic_level === 'Regional' &&
              r.region_name === region &&
              r.time_period === period &&
              matches(r, where),
          );
          const neighbourCells = codes.map(
            (code) =>
              all.find(
                (r) => r.old_la_code === code && r.time_period === period && matches(r, where),
              )?.[indicator.value],
          );
          const numbers = neighbourCells.filter(isNumber).map(Number);
          const expected = [
            row[indicator.value],
            national?.[indicator.value],
            regional?.[indicator.value],
            numbers.length > 0 ? String(average(numbers)) : 'x',
          ];
          expected.forEach((cell, column) => {
            const shown = cells[column] ?? '';
            if (isNumber(cell))
              assert.equal(
                shown,
                percent(Number(cell), indicator.decimals),
                `${indicator.id} ${period} column ${column}`,
              );
            else
              assert.doesNotMatch(
                shown,
                /\d/,
                `${indicator.id} ${period}: a symbol is never shown as a number`,
              );
          });
          checked += 1;
        }
      }
      assert.ok(checked >= 13 + 5 * 3, `checked ${checked} chart rows`);
    });
  }

  it('exports Haringey publicly without refusal', async () => {
    const engine = createEngine({ host: createNodeHost({ dfeDataFolder: DFE_DIR }) });
    const result = await engine.render(readFileSync(REPORT, 'utf8'), {
      path: REPORT,
      mode: 'public',
    });
    assert.equal(result.refused, false, JSON.stringify(result.messages));
    assert.doesNotMatch(result.html, /<script/i);
  });

  it('gives a data-missing message, not a crash, without the DfE folder', async () => {
    const engine = createEngine({ host: createNodeHost({ dfeDataFolder: tempDir() }) });
    const result = await engine.render(readFileSync(REPORT, 'utf8'), {
      path: REPORT,
      mode: 'preview',
    });
    assert.ok(
      result.messages.some((m) => m.ruleId === 'data-missing'),
      JSON.stringify(result.messages.slice(0, 3)),
    );
    assert.ok(result.html.length > 0);
  });
});
