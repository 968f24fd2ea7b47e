/**
 * The numbers a chart plots, worked out once and shared by the Vega-Lite spec, the data
 * table and the text description, so all three always show the same figures.
 */
import { roundHalfUp } from '../semantics/round.js';
import type { StatSymbol } from '../types.js';
import { periodShortLabel } from '../periods.js';
import { seriesStyle, valueStyle } from './series-style.js';
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
  carried = false,
  decimals = input.indicator.decimals,
): ChartPoint {
  const period = input.periods[index]!;
  const shown = plottable(value, symbol);
  return {
    period,
    // Rounded as printed, so the line sits exactly where the table says it does.
    ...(shown !== undefined ? { value: roundHalfUp(shown, decimals) } : {}),
    ...(symbol !== undefined ? { symbol } : {}),
    ...(ownPeriod && ownPeriodKey !== period.key ? { ownPeriod } : {}),
    ...(carried ? { carried } : {}),
  };
}

/** Makes a legend name unique: a comparator called "Target" must not merge with the target line. */
function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted.trim() || 'Benchmark';
  for (let n = 2; taken.has(name); n++) name = `${wanted.trim() || 'Benchmark'} (${n})`;
  taken.add(name);
  return name;
}

/** `England 2022/23`: a benchmark's line says whose figures, and of which period, it is. */
function benchmarkLabel(name: string, points: readonly ChartPoint[]): string {
  const last = [...points].reverse().find((p) => p.value !== undefined);
  const own = last && (last.ownPeriod ?? last.period);
  return own ? `${name} ${periodShortLabel(own)}` : name;
}

/**
 * The series of a trend chart, in drawing order: the authority's values (one line per
 * indicator on a multi-indicator chart), the target (when any period has one), then
 * each benchmark that has at least one figure or symbol.
 */
export function chartSeries(input: TrendChartInput): ChartSeries[] {
  const taken = new Set<string>();
  const periods = input.periods.map((_, i) => i);
  const extras = input.extraValues ?? [];
  const several = extras.length > 0;
  const own = [{ indicator: input.indicator, observations: input.observations }, ...extras];
  const series: ChartSeries[] = own.map(({ indicator, observations }, index) => {
    const name = uniqueName(
      several ? `${indicator.id} ${indicator.title}` : (input.valueLabel ?? 'Actual'),
      taken,
    );
    return {
      name,
      kind: 'value',
      label: several ? `${indicator.id} ${indicator.countingUnit ?? ''}`.trim() : name,
      indicator,
      style: valueStyle(index),
      points: periods.map((i) => {
        const obs = observations[i];
        return point(
          input,
          i,
          obs?.value,
          obs?.symbol,
          // A month standing for the column's quarter or year says which month it is.
          obs?.period.key,
          obs?.period,
          false,
          indicator.decimals,
        );
      }),
    };
  });
  if (input.targets.some((t) => t !== undefined)) {
    const name = uniqueName('Target', taken);
    series.push({
      name,
      kind: 'target',
      label: name,
      style: seriesStyle('target'),
      points: periods.map((i) => point(input, i, input.targets[i]?.value, undefined)),
    });
  }
  input.benchmarks
    .filter((b) => b.values.some((v) => v !== undefined))
    .forEach((b, index) => {
      const name = uniqueName(b.comparator, taken);
      const points = periods.map((i) => {
        const v = b.values[i];
        return point(
          input,
          i,
          v?.value,
          v?.symbol,
          v?.period.key,
          v?.period,
          b.carried?.[i] ?? false,
        );
      });
      series.push({
        name,
        kind: 'benchmark',
        label: benchmarkLabel(name, points),
        style: seriesStyle('benchmark', index),
        points,
      });
    });
  return series;
}
