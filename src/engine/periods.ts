/**
 * Reporting periods: parse the written forms of dsl.md "Periods", label, order and
 * step them. Councils report by financial year (April to March), so halves and
 * quarters are of the financial year: Q1 is April to June, Q4 January to March.
 */
import type { Period, PeriodKind } from './types.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Parsed text (as written) and built keys (canonical) share one cache; periods are parsed a lot. */
const parsedCache = new Map<string, Period | undefined>();
const builtCache = new Map<string, Period>();
/** Bound the caches: reports are edited keystroke by keystroke, so stray texts accumulate. */
const CACHE_LIMIT = 10_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');
const iso = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** The financial year (by its starting calendar year) a month of a calendar year falls in. */
function fiscalYearOf(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

function fiscalKey(fy: number): string {
  return `${fy}/${pad2((fy + 1) % 100)}`;
}

function build(
  kind: PeriodKind,
  key: string,
  start: string,
  end: string,
  fiscalYear: number,
): Period {
  const known = builtCache.get(key);
  if (known) return known;
  return remember(builtCache, key, Object.freeze({ kind, key, start, end, fiscalYear }));
}

function yearPeriod(fy: number): Period {
  return build('year', fiscalKey(fy), iso(fy, 4, 1), iso(fy + 1, 3, 31), fy);
}

/** Calendar year and month (1-12) of the first month of a financial-year quarter. */
function quarterStart(fy: number, quarter: number): { year: number; month: number } {
  const month = 4 + (quarter - 1) * 3;
  return month > 12 ? { year: fy + 1, month: month - 12 } : { year: fy, month };
}

function quarterPeriod(fy: number, quarter: number): Period {
  const first = quarterStart(fy, quarter);
  const lastMonth = first.month + 2;
  return build(
    'quarter',
    `${fiscalKey(fy)} Q${quarter}`,
    iso(first.year, first.month, 1),
    iso(first.year, lastMonth, daysInMonth(first.year, lastMonth)),
    fy,
  );
}

function halfPeriod(fy: number, half: number): Period {
  const key = `${fiscalKey(fy)} H${half}`;
  return half === 1
    ? build('half', key, iso(fy, 4, 1), iso(fy, 9, 30), fy)
    : build('half', key, iso(fy, 10, 1), iso(fy + 1, 3, 31), fy);
}

function monthPeriod(year: number, month: number): Period {
  return build(
    'month',
    `${pad4(year)}-${pad2(month)}`,
    iso(year, month, 1),
    iso(year, month, daysInMonth(year, month)),
    fiscalYearOf(year, month),
  );
}

function datePeriod(year: number, month: number, day: number): Period {
  const key = iso(year, month, day);
  return build('date', key, key, key, fiscalYearOf(year, month));
}

/** `2023/24`, `2023/2024`, `2023 / 24`: the second year must follow the first. */
function parseFiscalYear(first: string, second: string): number | undefined {
  const fy = Number(first);
  const next = Number(second);
  if (second.length === 2) return next === (fy + 1) % 100 ? fy : undefined;
  return next === fy + 1 ? fy : undefined;
}

// The year separator: `/` as the spec writes it, `-` (and dashes a word processor puts in)
// as many councils do: `2023/24`, `2023-24`, `2023–24`, `2023/2024`.
const FISCAL = String.raw`(\d{4})\s*[/-]\s*(\d{2}|\d{4})`;
const YEAR_RE = new RegExp(`^(?:fy\\s*)?${FISCAL}$`);
// Both orders: `2023/24 Q4` as the spec writes it, `Q4 2023/24` as labels print it;
// `quarter 4` and `Q4,` are read as `Q4`.
const PART = String.raw`(q|h|quarter|half)\s*(\d)`;
const PART_AFTER_RE = new RegExp(`^${FISCAL}\\s*,?\\s*${PART}$`);
const PART_BEFORE_RE = new RegExp(`^${PART}\\s*,?\\s*${FISCAL}$`);
const MONTH_RE = /^(\d{4})\s*-\s*(\d{1,2})$/;
const DATE_RE = /^(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})$/;
/** En dash, em dash, hyphen and minus signs, as pasted from documents, read as `-`. */
const DASHES_RE = /[\u2010-\u2015\u2212]/g;

function partPeriod(fy: number | undefined, word: string, number: number): Period | undefined {
  if (fy === undefined) return undefined;
  if (word.startsWith('q'))
    return number >= 1 && number <= 4 ? quarterPeriod(fy, number) : undefined;
  return number === 1 || number === 2 ? halfPeriod(fy, number) : undefined;
}

function parseUncached(text: string): Period | undefined {
  const t = text.trim().toLowerCase().replace(DASHES_RE, '-').replace(/\s+/g, ' ');
  // `YYYY-MM` is a month first (ISO), so `2011-12` is December 2011; `2023-24`, which
  // cannot be a month, is the financial year.
  let m = MONTH_RE.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return monthPeriod(Number(m[1]), month);
  }
  m = DATE_RE.exec(t);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return datePeriod(year, month, day);
  }
  m = YEAR_RE.exec(t);
  if (m) {
    const fy = parseFiscalYear(m[1]!, m[2]!);
    return fy === undefined ? undefined : yearPeriod(fy);
  }
  m = PART_AFTER_RE.exec(t);
  if (m) return partPeriod(parseFiscalYear(m[1]!, m[2]!), m[3]!, Number(m[4]));
  m = PART_BEFORE_RE.exec(t);
  if (m) return partPeriod(parseFiscalYear(m[3]!, m[4]!), m[1]!, Number(m[2]));
  return undefined;
}

/**
 * Reads a period as authors write it. Lenient on spacing, case and the spellings
 * councils use (`2023/24 q4`, `2023/2024`, `Q4 2023/24`, `2023-24`, `2023-24 Q3`,
 * `Q3 2023–24`), strict on meaning (`2023/25`, month 13 and 30 February are refused). Returns undefined for what it does not understand.
 */
export function parsePeriod(text: string): Period | undefined {
  if (parsedCache.has(text)) return parsedCache.get(text);
  return remember(parsedCache, text, parseUncached(text));
}

interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function splitIso(date: string): YearMonthDay {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

function monthYear(date: string): string {
  const { year, month } = splitIso(date);
  return `${MONTHS[month - 1]!} ${year}`;
}

function monthName(date: string): string {
  return MONTHS[splitIso(date).month - 1]!;
}

/** `April to June 2023`, or `October 2023 to March 2024` when the span crosses a new year. */
function monthSpan(p: Period): string {
  const start = splitIso(p.start);
  const end = splitIso(p.end);
  return start.year === end.year
    ? `${monthName(p.start)} to ${monthYear(p.end)}`
    : `${monthYear(p.start)} to ${monthYear(p.end)}`;
}

function partNumber(p: Period): string {
  return p.key.slice(-1);
}

/**
 * The long label, for headings, captions and chart descriptions:
 * `Q4 2023/24 (January to March 2024)`, `first half of 2023/24 (April to September 2023)`.
 */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'year':
      return fiscalKey(p.fiscalYear);
    case 'quarter':
      return `Q${partNumber(p)} ${fiscalKey(p.fiscalYear)} (${monthSpan(p)})`;
    case 'half':
      return `${partNumber(p) === '1' ? 'first' : 'second'} half of ${fiscalKey(p.fiscalYear)} (${monthSpan(p)})`;
    case 'month':
      return monthYear(p.start);
    case 'date':
      return `at ${dayMonthYear(p.start)}`;
  }
}

function dayMonthYear(date: string): string {
  const { day } = splitIso(date);
  return `${day} ${monthYear(date)}`;
}

/**
 * The short label after the preposition running text needs: `in Q3 2023/24`, but
 * `at 31 March 2024` for a snapshot date.
 */
export function periodIn(p: Period): string {
  return `${p.kind === 'date' ? 'at' : 'in'} ${periodShortLabel(p)}`;
}

/** The short label, for running text and table cells: `Q3 2023/24`, `H1 2023/24`, `31 March 2024`. */
export function periodShortLabel(p: Period): string {
  switch (p.kind) {
    case 'year':
      return fiscalKey(p.fiscalYear);
    case 'quarter':
      return `Q${partNumber(p)} ${fiscalKey(p.fiscalYear)}`;
    case 'half':
      return `H${partNumber(p)} ${fiscalKey(p.fiscalYear)}`;
    case 'month':
      return monthYear(p.start);
    case 'date':
      return dayMonthYear(p.start);
  }
}

/**
 * Snapshot dates step by calendar month, keeping a month-end date at month end
 * (31 March steps back to 29 February), because snapshots are taken at month or year ends.
 */
function stepDate(p: Period, n: number): Period {
  const { year, month, day } = splitIso(p.start);
  const index = year * 12 + (month - 1) + n;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  const lastDay = daysInMonth(newYear, newMonth);
  const atMonthEnd = day === daysInMonth(year, month);
  return datePeriod(newYear, newMonth, atMonthEnd ? lastDay : Math.min(day, lastDay));
}

/** The period `n` steps after `p` (before it when `n` is negative), of the same kind. */
export function stepPeriod(p: Period, steps: number): Period {
  // A fractional step has no meaning; callers pass whole numbers, so truncate rather than throw.
  const n = Math.trunc(steps);
  switch (p.kind) {
    case 'year':
      return yearPeriod(p.fiscalYear + n);
    case 'half': {
      const index = p.fiscalYear * 2 + Number(partNumber(p)) - 1 + n;
      return halfPeriod(Math.floor(index / 2), (index % 2) + 1);
    }
    case 'quarter': {
      const index = p.fiscalYear * 4 + Number(partNumber(p)) - 1 + n;
      return quarterPeriod(Math.floor(index / 4), (index % 4) + 1);
    }
    case 'month': {
      const { year, month } = splitIso(p.start);
      const index = year * 12 + month - 1 + n;
      return monthPeriod(Math.floor(index / 12), (index % 12) + 1);
    }
    case 'date':
      return stepDate(p, n);
  }
}

/** The period just before: the quarter before a quarter, the month before a month. */
export function previousPeriod(p: Period): Period {
  return stepPeriod(p, -1);
}

const STEPS_PER_YEAR: Readonly<Record<PeriodKind, number>> = {
  year: 1,
  half: 2,
  quarter: 4,
  month: 12,
  date: 12,
};

/** The same period a year earlier (`compare=year`): Q4 2023/24 -> Q4 2022/23. */
export function yearEarlier(p: Period): Period {
  return stepPeriod(p, -STEPS_PER_YEAR[p.kind]);
}

/** The last `count` periods of `p`'s kind ending with `p`, oldest first. */
export function periodsEndingAt(p: Period, count: number): Period[] {
  const periods: Period[] = [];
  for (let i = Math.max(0, Math.floor(count)) - 1; i >= 0; i--) periods.push(stepPeriod(p, -i));
  return periods;
}

/** Orders periods by their end, then their start (so a year sorts before its Q4). */
export function comparePeriods(a: Period, b: Period): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return 0;
}

/** True when `inner` lies wholly within `outer` (a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

const EES_QUARTER_RE = /^financial year q([1-4])$/;
// EES's names for financial half years.
const EES_HALVES: Readonly<Record<string, number>> = {
  'financial year part 1 (april to september)': 1,
  'financial year part 2 (october to march)': 2,
};

/** EES writes financial and academic years as six digits: `202324`. */
function eesSixDigitYear(timePeriod: string): number | undefined {
  const m = /^(\d{4})(\d{2})$/.exec(timePeriod);
  if (!m) return undefined;
  const fy = Number(m[1]);
  return Number(m[2]) === (fy + 1) % 100 ? fy : undefined;
}

/**
 * Maps an EES `time_period` + `time_identifier` to a period. `Reporting year 2025` is
 * the year ending 31 March 2025, i.e. 2024/25. `Academic year 202324` is taken as
 * 2023/24: DfE children's social care tables that use it are annual, and councils
 * file them under the financial year. Calendar years and weeks have no period kind
 * here, so they map to undefined, as does anything malformed.
 */
export function periodFromEes(timePeriod: string, timeIdentifier: string): Period | undefined {
  const tp = timePeriod.trim();
  const id = timeIdentifier.trim().toLowerCase().replace(/\s+/g, ' ');
  if (id === 'reporting year') {
    return /^\d{4}$/.test(tp) ? yearPeriod(Number(tp) - 1) : undefined;
  }
  if (id === 'financial year' || id === 'academic year') {
    const fy = eesSixDigitYear(tp);
    return fy === undefined ? undefined : yearPeriod(fy);
  }
  const quarter = EES_QUARTER_RE.exec(id);
  if (quarter) {
    const fy = eesSixDigitYear(tp);
    return fy === undefined ? undefined : quarterPeriod(fy, Number(quarter[1]));
  }
  const half = EES_HALVES[id];
  if (half !== undefined) {
    const fy = eesSixDigitYear(tp);
    return fy === undefined ? undefined : halfPeriod(fy, half);
  }
  const month = MONTHS.findIndex((name) => name.toLowerCase() === id);
  if (month >= 0 && /^\d{4}$/.test(tp)) return monthPeriod(Number(tp), month + 1);
  return undefined;
}
