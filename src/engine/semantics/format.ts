/**
 * Figures as the reader sees them: en-GB separators, the indicator's decimals,
 * its unit in words. Every figure goes through `roundHalfUp` first so the printed
 * number and every judgement made on it (RAG, change) agree.
 */
import type { Indicator, Observation, Unit } from '../types.js';
import { currencyAmount } from './currency.js';
import { roundHalfUp } from './round.js';
import { symbolWords } from './symbols.js';

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(decimals, f);
  }
  return f;
}

/** `1,204`, `52.3`; rounded half away from zero to `decimals` places first. */
export function formatNumber(value: number, decimals: number): string {
  const places = Math.max(0, Math.min(20, Math.trunc(decimals)));
  const rounded = roundHalfUp(value, Math.trunc(decimals));
  // -0.004 rounds to -0; a reader should see 0, not "-0".
  const shown = rounded === 0 ? 0 : rounded;
  return groupedDigits(shown, places) ?? formatter(places).format(shown);
}

/**
 * The en-GB digits Intl writes for a number already rounded to `places`, written without
 * Intl: a report prints thousands of figures, and Intl's `format` was a noticeable part
 * of a first render. While the number times 10^places stays below 10^15, every decimal
 * of `places` places is its own double, so `toFixed` writes the shortest decimal form,
 * which is what Intl writes; anything larger (and NaN, infinities) goes to Intl. A
 * differential test holds the two equal (test/semantics/round-format.test.ts).
 */
export function groupedDigits(rounded: number, places: number): string | undefined {
  if (!(Math.abs(rounded) * 10 ** places < 1e15)) return undefined;
  const fixed = Math.abs(rounded).toFixed(places);
  const point = fixed.indexOf('.');
  const whole = point === -1 ? fixed : fixed.slice(0, point);
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let at = grouped.length; at < whole.length; at += 3)
    grouped += `,${whole.slice(at, at + 3)}`;
  return `${rounded < 0 ? '-' : ''}${grouped}${point === -1 ? '' : fixed.slice(point)}`;
}

/**
 * The population of every children's social care rate (CLA, CIN, CP per 10,000) is
 * children under 18, whatever the numerator counts (referrals, assessments...), so
 * the rate says "children" and `counting_unit` names only the numerator.
 */
const RATE_POPULATION = 'children';

function withUnit(unit: Unit, number: string, rateSuffix: string): string {
  switch (unit) {
    case 'percent':
      return `${number}%`;
    case 'rate_per_10000':
      return `${number} ${rateSuffix}`;
    case 'days':
      return `${number} ${number === '1' ? 'day' : 'days'}`;
    case 'count':
    case 'number':
    case 'currency':
      return number;
  }
}

/** A value in its unit: `67%`, `1,204`, `52.3 per 10,000 children`, `23 days`, `12.5`. */
export function formatAmount(
  indicator: Pick<Indicator, 'unit' | 'decimals' | 'currency'>,
  value: number,
): string {
  if (indicator.unit === 'currency') return currencyAmount(indicator, value);
  return withUnit(
    indicator.unit,
    formatNumber(value, indicator.decimals),
    `per 10,000 ${RATE_POPULATION}`,
  );
}

/**
 * The size of a difference, unsigned (the caller says up/down, above/below): percent
 * differences are percentage points (`4 pp`), never `4%`; others keep the unit
 * (`12`, `3.1 per 10,000`, `5 days`).
 */
export function formatDifference(
  indicator: Pick<Indicator, 'unit' | 'decimals' | 'currency'>,
  absDiff: number,
): string {
  if (indicator.unit === 'currency') return currencyAmount(indicator, Math.abs(absDiff));
  const number = formatNumber(Math.abs(absDiff), indicator.decimals);
  return indicator.unit === 'percent'
    ? `${number} pp`
    : withUnit(indicator.unit, number, 'per 10,000');
}

/**
 * An observation as text: the value, or the symbol's meaning in words, never the
 * symbol as a number. A low-reliability (`u`) figure keeps its value and says so.
 */
export function formatObservation(
  indicator: Pick<Indicator, 'unit' | 'decimals' | 'currency'>,
  obs: Pick<Observation, 'value' | 'symbol'>,
): string {
  if (obs.symbol !== undefined) {
    if (obs.symbol === 'u' && obs.value !== undefined) {
      return `${formatAmount(indicator, obs.value)} (${symbolWords('u', indicator)})`;
    }
    return symbolWords(obs.symbol, indicator);
  }
  if (obs.value !== undefined) return formatAmount(indicator, obs.value);
  return symbolWords('x', indicator);
}

/** Counting units whose singular is not the plural less its `s`. */
const SINGULAR: Readonly<Record<string, string>> = {
  children: 'child',
  people: 'person',
  'young people': 'young person',
  women: 'woman',
  men: 'man',
};

/** `children` for 11, `child` for 1: a count reads as English either way. */
export function countingUnitFor(unit: string, value: number | undefined): string {
  if (value === undefined || Math.abs(value) !== 1) return unit;
  const lower = unit.toLowerCase();
  const irregular = Object.keys(SINGULAR).find((plural) => lower.endsWith(plural));
  if (irregular) return unit.slice(0, unit.length - irregular.length) + SINGULAR[irregular]!;
  if (/ies$/i.test(unit)) return `${unit.slice(0, -3)}y`;
  if (/[^s]s$/i.test(unit)) return unit.slice(0, -1);
  return unit;
}

/**
 * Whether a figure needs its counting unit beside it to be understood: a bare count
 * (`11`) could be children or incidents, where `67%` or `23 days` already say what they are.
 */
export function unitIsAmbiguous(indicator: Pick<Indicator, 'unit' | 'countingUnit'>): boolean {
  return (
    (indicator.unit === 'count' || indicator.unit === 'number') &&
    (indicator.countingUnit?.trim() ?? '') !== ''
  );
}

/**
 * A value with its counting unit: `11 children`, `1 child`, `58% of care leavers`.
 * Rates and days already carry theirs.
 */
export function formatAmountWithUnit(
  indicator: Pick<Indicator, 'unit' | 'decimals' | 'countingUnit'>,
  value: number,
): string {
  const amount = formatAmount(indicator, value);
  const counted = indicator.countingUnit?.trim();
  if (!counted) return amount;
  if (indicator.unit === 'count' || indicator.unit === 'number') {
    return `${amount} ${countingUnitFor(counted, roundHalfUp(value, indicator.decimals))}`;
  }
  if (indicator.unit === 'percent') return `${amount} of ${counted}`;
  return amount;
}
