/**
 * The text description of a chart, generated from the same points it plots: what a
 * reader who cannot see the chart needs to take from it (GSS guidance on charts:
 * latest figure, the trend, the target, how it compares).
 */
import { periodIn, periodShortLabel } from '../periods.js';
import { formatAmount, formatDifference } from '../semantics/format.js';
import { symbolWords } from '../semantics/symbols.js';
import type { Indicator } from '../types.js';
import { lastObserved, pointText } from './chart-text.js';
import type { ChartPoint, ChartSeries } from './types.js';

interface Located {
  readonly point: ChartPoint;
  readonly value: number;
}

function at(point: ChartPoint | undefined): Located | undefined {
  return point?.value === undefined ? undefined : { point, value: point.value };
}

function figure(indicator: Indicator, located: Located): string {
  const period = located.point.ownPeriod ?? located.point.period;
  return `${formatAmount(indicator, located.value)} ${periodIn(period)}`;
}

/** `up 6 pp`, `down 2 days`, `unchanged`: the difference of two printed figures. */
function movement(indicator: Indicator, from: number, to: number): string {
  if (to === from) return 'unchanged';
  return `${to > from ? 'up' : 'down'} ${formatDifference(indicator, to - from)}`;
}

function latestSentence(indicator: Indicator, values: ChartSeries): string[] {
  const index = lastObserved(values.points);
  const last = values.points[index];
  if (!last) return ['There are no figures for the periods shown.'];
  const sentences = [
    `The latest figure is ${pointText(indicator, last)} ${periodIn(last.ownPeriod ?? last.period)}.`,
  ];
  const plotted = values.points.filter((p) => p.value !== undefined);
  const newest = at(plotted.at(-1));
  const oldest = at(plotted[0]);
  if (newest && newest.point !== last) {
    sentences.push(`The latest figure plotted is ${figure(indicator, newest)}.`);
  }
  if (oldest && newest && oldest.point !== newest.point) {
    sentences.push(
      `From ${figure(indicator, oldest)} to ${figure(indicator, newest)} it is ${movement(indicator, oldest.value, newest.value)}.`,
    );
  }
  const current = at(last);
  const before = index > 0 ? values.points[index - 1] : undefined;
  if (current && before) {
    const previous = at(before);
    sentences.push(
      previous
        ? `Compared with ${figure(indicator, previous)}, the period before, it is ${movement(indicator, previous.value, current.value)}.`
        : `There is no figure for ${periodShortLabel(before.period)} to compare with.`,
    );
  }
  return sentences;
}

function targetSentence(
  indicator: Indicator,
  values: ChartSeries,
  target: ChartSeries | undefined,
): string[] {
  if (!target) return [];
  const index = lastObserved(values.points);
  const goal = at(target.points[index] ?? target.points.at(-1));
  if (!goal) return [];
  const current = at(values.points[index]);
  const stated = `The target for ${periodShortLabel(goal.point.period)} is ${formatAmount(indicator, goal.value)}`;
  if (!current) return [`${stated}.`];
  if (current.value === goal.value) return [`${stated}, and the figure meets it exactly.`];
  const side = current.value > goal.value ? 'above' : 'below';
  return [
    `${stated}; the figure is ${formatDifference(indicator, current.value - goal.value)} ${side} it.`,
  ];
}

interface Benchmark {
  readonly name: string;
  readonly latest: Located;
}

function benchmarkSentence(indicator: Indicator, benchmarks: readonly ChartSeries[]): string[] {
  const latest: Benchmark[] = [];
  for (const s of benchmarks) {
    const found = at([...s.points].reverse().find((p) => p.value !== undefined));
    if (found) latest.push({ name: s.name, latest: found });
  }
  if (latest.length === 0) return [];
  const describe = (b: Benchmark): string =>
    `${b.name} at ${formatAmount(indicator, b.latest.value)} (${periodShortLabel(b.latest.point.ownPeriod ?? b.latest.point.period)})`;
  if (latest.length === 1) return [`The latest benchmark is ${describe(latest[0]!)}.`];
  const sorted = [...latest].sort((a, b) => b.latest.value - a.latest.value);
  const high = sorted[0]!;
  const low = sorted.at(-1)!;
  if (high.latest.value === low.latest.value) {
    return [`The latest benchmarks are all ${formatAmount(indicator, high.latest.value)}.`];
  }
  // Best and worst only where the indicator declares which way is better.
  if (indicator.polarity === 'higher' || indicator.polarity === 'lower') {
    const [best, worst] = indicator.polarity === 'higher' ? [high, low] : [low, high];
    return [
      `Of the latest benchmarks, the best is ${describe(best)} and the worst is ${describe(worst)} (${indicator.polarity} is better).`,
    ];
  }
  return [
    `Of the latest benchmarks, the highest is ${describe(high)} and the lowest is ${describe(low)}.`,
  ];
}

function gapSentence(indicator: Indicator, values: ChartSeries): string[] {
  const end = lastObserved(values.points);
  const gaps = values.points
    .filter((p, i) => p.value === undefined && i <= end)
    .map((p) =>
      p.symbol !== undefined
        ? `${periodShortLabel(p.period)} (${symbolWords(p.symbol, indicator, { short: true })})`
        : `${periodShortLabel(p.period)} (no figure)`,
    );
  if (gaps.length === 0) return [];
  return [`The line has ${gaps.length === 1 ? 'a gap' : 'gaps'} at ${gaps.join(', ')}.`];
}

/** The description: latest figure, trend, target, benchmarks and gaps, in plain sentences. */
export function chartDescription(indicator: Indicator, series: readonly ChartSeries[]): string {
  const own = series.filter((s) => s.kind === 'value');
  if (own.length > 1) {
    // One indicator at a time, each named by its id and what it counts.
    return own
      .flatMap((s) => {
        const ownIndicator = s.indicator ?? indicator;
        return [`${s.label}:`, ...latestSentence(ownIndicator, s), ...gapSentence(ownIndicator, s)];
      })
      .join(' ');
  }
  const values = series.find((s) => s.kind === 'value');
  if (!values) return 'There are no figures for the periods shown.';
  return [
    ...latestSentence(indicator, values),
    ...targetSentence(
      indicator,
      values,
      series.find((s) => s.kind === 'target'),
    ),
    ...benchmarkSentence(
      indicator,
      series.filter((s) => s.kind === 'benchmark'),
    ),
    ...gapSentence(indicator, values),
  ].join(' ');
}
