/**
 * The numbers a chart plots, worked out once and shared by the Vega-Lite spec, the data
 * table and the text description, so all three always show the same figures.
 */
import { roundHalfUp } from '../semantics/round.js';
import type { StatSymbol } from '../types.js';
import { seriesStyle } from './series-style.js';
import type { ChartPoint, ChartSeries, TrendChartInput } from './types.js';

/** A figure is plotted when it has a number and its symbol (if any) still lets it stand: `u` only. */
function plottable(value: number | undefined, symbol: StatSymbol | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return symbol === undefined || symbol === 'u' ? value : undefined;
}

function point(
  input: TrendChartInput,
  index: number,
  value: number | undefined,
  symbol: StatSymbol | undefined,
  ownPeriodKey?: string,
  ownPeriod?: ChartPoint['ownPeriod'],
): ChartPoint {
  const period = input.periods[index]!;
  const shown = plottable(value, symbol);
  return {
    period,
    // Rounded as printed, so the line sits exactly where the table says it does.
    ...(shown !== undefined ? { value: roundHalfUp(shown, input.indicator.decimals) } : {}),
    ...(symbol !== undefined ? { symbol } : {}),
    ...(ownPeriod && ownPeriodKey !== period.key ? { ownPeriod } : {}),
  };
}

/** Makes a legend name unique: a comparator called "Target" must not merge with the target line. */
function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted.trim() || 'Benchmark';
  for (let n = 2; taken.has(name); n++) name = `${wanted.trim() || 'Benchmark'} (${n})`;
  taken.add(name);
  return name;
}

/**
 * The series of a trend chart, in drawing order: the authority's values, the target
 * (when any period has one), then each benchmark that has at least one figure or symbol.
 */
export function chartSeries(input: TrendChartInput): ChartSeries[] {
  const taken = new Set<string>();
  const periods = input.periods.map((_, i) => i);
  const series: ChartSeries[] = [
    {
      name: uniqueName(input.valueLabel ?? 'Actual', taken),
      kind: 'value',
      style: seriesStyle('value'),
      points: periods.map((i) => {
        const obs = input.observations[i];
        return point(input, i, obs?.value, obs?.symbol);
      }),
    },
  ];
  if (input.targets.some((t) => t !== undefined)) {
    series.push({
      name: uniqueName('Target', taken),
      kind: 'target',
      style: seriesStyle('target'),
      points: periods.map((i) => point(input, i, input.targets[i]?.value, undefined)),
    });
  }
  input.benchmarks
    .filter((b) => b.values.some((v) => v !== undefined))
    .forEach((b, index) => {
      series.push({
        name: uniqueName(b.comparator, taken),
        kind: 'benchmark',
        style: seriesStyle('benchmark', index),
        points: periods.map((i) => {
          const v = b.values[i];
          return point(input, i, v?.value, v?.symbol, v?.period.key, v?.period);
        }),
      });
    });
  return series;
}
