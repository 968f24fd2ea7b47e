/**
 * The words around a chart: axis title, headline and statistical subtitle, as published
 * statistics set them out (a headline that says what the chart shows, a subtitle that
 * says what is measured, over which periods, against what).
 */
import { periodShortLabel } from '../periods.js';
import { formatAmount, formatObservation } from '../semantics/format.js';
import type { Indicator } from '../types.js';
import type { ChartPoint, ChartSeries } from './types.js';

/** The y axis title: the unit a reader needs to read the scale. */
export function axisTitle(
  indicator: Pick<Indicator, 'unit' | 'countingUnit' | 'currency'>,
): string {
  const counted = indicator.countingUnit?.trim();
  switch (indicator.unit) {
    case 'percent':
      return 'Percentage (%)';
    case 'rate_per_10000':
      return 'Rate per 10,000 children';
    case 'days':
      return 'Days';
    case 'count':
      return counted ? `Number of ${counted}` : 'Number';
    case 'number':
      return counted ? capitalise(counted) : 'Value';
    case 'currency':
      return `Amount (${indicator.currency ?? 'GBP'})`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the figures measure, as the subtitle's opening words. */
function measure(indicator: Pick<Indicator, 'unit' | 'countingUnit'>): string {
  const counted = indicator.countingUnit?.trim();
  switch (indicator.unit) {
    case 'percent':
      return counted ? `Percentage of ${counted}` : 'Percentage';
    case 'rate_per_10000':
      return counted ? `Rate of ${counted} per 10,000 children` : 'Rate per 10,000 children';
    case 'days':
      return 'Days';
    case 'count':
      return counted ? `Number of ${counted}` : 'Number';
    case 'number':
      return counted ? capitalise(counted) : 'Value';
    case 'currency':
      return counted ? `Amount per ${counted}` : 'Amount';
  }
}

/** `England`, `England and London`, `England, London and Statistical neighbours`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** The index of the last period that has an observation (a value or a symbol). */
export function lastObserved(points: readonly ChartPoint[]): number {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.value !== undefined || p.symbol !== undefined) return i;
  }
  return -1;
}

/** A point as text: its value, or its symbol's meaning, never a symbol as a number. */
export function pointText(indicator: Indicator, point: ChartPoint): string {
  if (point.value === undefined && point.symbol === undefined) return 'no figure';
  const obs = {
    ...(point.value !== undefined ? { value: point.value } : {}),
    ...(point.symbol !== undefined ? { symbol: point.symbol } : {}),
  };
  return formatObservation(indicator, obs);
}

/**
 * The headline: the indicator and its latest figure, and where that stands against the
 * target: `Care leavers in EET: 58% in Q4 2023/24, below the 65% target`.
 */
export function chartHeadline(indicator: Indicator, series: readonly ChartSeries[]): string {
  const values = series.find((s) => s.kind === 'value');
  const at = values ? lastObserved(values.points) : -1;
  const latest = values?.points[at];
  if (!latest) return `${indicator.title}: no figures in the periods shown`;
  const head = `${indicator.title}: ${pointText(indicator, latest)} in ${periodShortLabel(latest.period)}`;
  const target = series.find((s) => s.kind === 'target')?.points[at]?.value;
  if (latest.value === undefined || target === undefined) return head;
  const relation = latest.value > target ? 'above' : latest.value < target ? 'below' : 'meeting';
  return `${head}, ${relation} the ${formatAmount(indicator, target)} target`;
}

/**
 * The subtitle: what is measured, over which periods, against what:
 * `Percentage of care leavers, Q1 2022/23 to Q4 2023/24; with target and England and London benchmarks`.
 */
export function chartSubtitle(indicator: Indicator, series: readonly ChartSeries[]): string {
  const points = series[0]?.points ?? [];
  const first = points[0]?.period;
  const last = points.at(-1)?.period;
  let text = measure(indicator);
  if (first && last) {
    text +=
      first.key === last.key
        ? `, ${periodShortLabel(first)}`
        : `, ${periodShortLabel(first)} to ${periodShortLabel(last)}`;
  }
  const extras: string[] = [];
  if (series.some((s) => s.kind === 'target')) extras.push('target');
  const comparators = series.filter((s) => s.kind === 'benchmark').map((s) => s.name);
  if (comparators.length > 0) {
    extras.push(
      `${listWords(comparators)} ${comparators.length === 1 ? 'benchmark' : 'benchmarks'}`,
    );
  }
  return extras.length > 0 ? `${text}; with ${listWords(extras)}` : text;
}
