/** Small generated EES files for robustness tests, written to a fresh temp folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'scorecard-ees-'));
}

export interface CsvOptions {
  readonly bom?: boolean;
  readonly eol?: '\n' | '\r\n';
}

/** Writes rows (arrays of cells, quoted where they need it) as a CSV file. */
export function writeCsv(
  dir: string,
  name: string,
  rows: readonly (readonly string[])[],
  options: CsvOptions = {},
): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const eol = options.eol ?? '\n';
  const text = rows.map((row) => row.map(quote).join(',')).join(eol) + eol;
  const file = join(dir, name);
  writeFileSync(file, (options.bom ? '\uFEFF' : '') + text);
  return file;
}

/** A tidy EES file in a deliberately unusual column order, with a London and a non-London LA. */
export const HEADER = [
  'measure',
  'la_name',
  'time_identifier',
  'new_la_code',
  'time_period',
  'geographic_level',
  'country_code',
  'region_name',
  'region_code',
  'old_la_code',
  'pct',
  'num',
  'den',
] as const;

type Row = Record<(typeof HEADER)[number], string>;

export function row(partial: Partial<Row>): string[] {
  const base: Row = {
    measure: 'Main',
    la_name: '',
    time_identifier: 'Reporting year',
    new_la_code: '',
    time_period: '2025',
    geographic_level: 'Local authority',
    country_code: 'E92000001',
    region_name: '',
    region_code: '',
    old_la_code: '',
    pct: '',
    num: '',
    den: '',
  };
  const full = { ...base, ...partial };
  return HEADER.map((h) => full[h]);
}

export const BRISTOL = {
  la_name: 'Bristol, City of',
  new_la_code: 'E06000023',
  old_la_code: '801',
  region_code: 'E12000009',
  region_name: 'South West',
};
export const HARINGEY = {
  la_name: 'Haringey',
  new_la_code: 'E09000014',
  old_la_code: '309',
  region_code: 'E13000001',
  region_name: 'Inner London',
};

export function sampleRows(): string[][] {
  return [
    [...HEADER],
    row({ geographic_level: 'National', pct: '50.5', num: '1000', den: '1980' }),
    row({ geographic_level: 'National', time_period: '2024', pct: '49', num: '990', den: '2020' }),
    row({
      geographic_level: 'Regional',
      region_code: 'E12000007',
      region_name: 'London',
      pct: '44',
    }),
    row({
      geographic_level: 'Regional',
      region_code: 'E13000001',
      region_name: 'Inner London',
      pct: '41',
    }),
    row({
      geographic_level: 'Regional',
      region_code: 'E12000009',
      region_name: 'South West',
      pct: '55',
    }),
    row({ ...BRISTOL, pct: '61.2', num: '61', den: '100' }),
    row({ ...BRISTOL, time_period: '2024', pct: 'k', num: 'c', den: '98' }),
    row({ ...HARINGEY, pct: '40', num: '40', den: '100' }),
    row({ ...HARINGEY, time_period: '2024', pct: '', num: '', den: '' }),
  ];
}
