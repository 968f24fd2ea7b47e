/**
 * The words around a chart: axis title, headline and statistical subtitle, as published
 * statistics set them out (a headline that says what the chart shows, a subtitle that
 * says what is measured, over which periods, against what).
 */
import { periodIn, periodShortLabel } from '../periods.js';
import { formatAmount, formatAmountWithUnit, formatObservation } from '../semantics/format.js';
import { symbolWords } from '../semantics/symbols.js';
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
  const own = series.filter((s) => s.kind === 'value');
  if (own.length > 1) return severalHeadline(own);
  const values = series.find((s) => s.kind === 'value');
  const at = values ? lastObserved(values.points) : -1;
  const latest = values?.points[at];
  if (!latest) return `${indicator.title}: no figures in the periods shown`;
  const head = `${indicator.title}: ${pointText(indicator, latest)} ${periodIn(latest.period)}`;
  const target = series.find((s) => s.kind === 'target')?.points[at]?.value;
  if (latest.value === undefined || target === undefined) return head;
  const relation = latest.value > target ? 'above' : latest.value < target ? 'below' : 'meeting';
  return `${head}, ${relation} the ${formatAmount(indicator, target)} target`;
}

/** `OP419 and OP419I: 11 children and 27 incidents in Q4 2023/24`. */
function severalHeadline(own: readonly ChartSeries[]): string {
  const ids = listWords(own.map((s) => s.indicator?.id ?? s.name));
  const latest = own.map((s) => {
    const at = lastObserved(s.points);
    return { s, point: s.points[at] };
  });
  const periods = new Set(latest.map(({ point }) => point?.period.key ?? ''));
  const same = periods.size === 1 ? latest[0]?.point?.period : undefined;
  const parts = latest.map(({ s, point }) => {
    if (!point || !s.indicator) return `${s.label}: no figures`;
    const shown =
      point.value !== undefined && point.symbol === undefined
        ? formatAmountWithUnit(s.indicator, point.value)
        : `${s.label} ${point.symbol ? symbolWords(point.symbol, s.indicator, { short: true }) : 'no figure'}`;
    return same ? shown : `${shown} ${periodIn(point.period)}`;
  });
  return `${ids}: ${listWords(parts)}${same ? ` ${periodIn(same)}` : ''}`;
}

/** The indicator whose unit names the axis: without its counting unit when the lines count different things. */
export function axisIndicator(
  indicator: Indicator,
  series: readonly ChartSeries[],
): Pick<Indicator, 'unit' | 'countingUnit'> {
  const units = new Set(
    series.filter((s) => s.kind === 'value').map((s) => s.indicator?.countingUnit ?? ''),
  );
  return units.size > 1 ? { unit: indicator.unit } : indicator;
}

/**
 * The subtitle: what is measured, over which periods, against what:
 * `Percentage of care leavers, Q1 2022/23 to Q4 2023/24; with target and England and London benchmarks`.
 */
export function chartSubtitle(indicator: Indicator, series: readonly ChartSeries[]): string {
  const points = series[0]?.points ?? [];
  const first = points[0]?.period;
  const last = points.at(-1)?.period;
  let text = measure(axisIndicator(indicator, series));
  if (first && last) {
    text +=
      first.key === last.key
        ? `, ${periodShortLabel(first)}`
        : `, ${periodShortLabel(first)} to ${periodShortLabel(last)}`;
  }
  const own = series.filter((s) => s.kind === 'value');
  if (own.length > 1) return `${text}; ${listWords(own.map((s) => s.name))}`;
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
