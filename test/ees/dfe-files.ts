/**
 * Test access to the real DfE files, read independently of the importer (Papa Parse
 * into objects) so expected figures come from the CSV cells themselves. The folder is
 * `../shared/data/dfe` beside the repo unless SCORECARD_DFE_DIR says otherwise; if it
 * is missing the tests fail, never skip: CI treats absent test data as a failure.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DFE_DIR = process.env.SCORECARD_DFE_DIR
  ? resolve(process.env.SCORECARD_DFE_DIR)
  : resolve(REPO, '..', 'shared', 'data', 'dfe');

export const FILES = {
  referrals: 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
  careLeaversActivity: 'la_care_leavers_activity.csv',
  careLeaversAccommodation: 'la_care_leavers_accommodation_suitability.csv',
  placementStability: 'la_cla_placement_stability.csv',
  neighbours: 'sn_model_2025_wide.csv',
} as const;

export function dfePath(name: string): string {
  return resolve(DFE_DIR, name);
}

export type CsvRow = Record<string, string>;

const rowCache = new Map<string, CsvRow[]>();

export function csvRows(name: string): CsvRow[] {
  let rows = rowCache.get(name);
  if (!rows) {
    const parsed = Papa.parse<CsvRow>(readFileSync(dfePath(name), 'utf8'), {
      delimiter: ',',
      header: true,
      skipEmptyLines: true,
    });
    if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0]?.message}`);
    rows = parsed.data;
    rowCache.set(name, rows);
  }
  return rows;
}

/** `2025` -> `2024/25`, written out here rather than taken from periods.ts. */
export function reportingYearKey(timePeriod: string): string {
  const year = Number(timePeriod);
  return `${year - 1}/${String(year % 100).padStart(2, '0')}`;
}

export function matches(row: CsvRow, where: Readonly<Record<string, string>>): boolean {
  return Object.entries(where).every(([k, v]) => row[k] === v);
}

/** Cells of `column` by period key for rows passing `keep`. */
export function cellsByPeriod(
  name: string,
  keep: (row: CsvRow) => boolean,
  column: string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of csvRows(name))
    if (keep(row)) out.set(reportingYearKey(row.time_period ?? ''), row[column] ?? '');
  return out;
}

export const isNumber = (cell: string | undefined): boolean =>
  cell !== undefined && /^-?\d+(\.\d+)?$/.test(cell);

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

/** The ten neighbours' old_la_codes from the model, read directly. */
export function neighbourCodes(oldCode: string): string[] {
  const row = csvRows(FILES.neighbours).find((r) => r.old_la_code === oldCode);
  if (!row) throw new Error(`no neighbour row for ${oldCode}`);
  return Array.from({ length: 10 }, (_, i) => row[`SN_${i + 1}`] ?? '');
}
