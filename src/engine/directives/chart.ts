import type { Element } from 'hast';
import { h } from 'hastscript';
import { chartFigure, trendChartInput } from '../charts/index.js';
import { RULES } from '../messages.js';
import { periodShortLabel, periodsEndingAt } from '../periods.js';
import type { BenchmarkValue, Indicator, Observation, Period } from '../types.js';
import { cannotBeSuppressed } from '../disclose/index.js';
import type { Place, ResolveContext } from './context.js';
import {
  published,
  publishedBenchmark,
  recordBenchmark,
  recordObservation,
} from './disclosure-gate.js';
import { problemMarker } from './figure.js';
import { findObservation, latestWithin } from '../facts.js';
import { periodCount, resolveIndicator, splitList } from './lookup.js';
import { observationFor } from '../semantics/select.js';
import type { ChartSeries, TrendChartInput } from '../charts/types.js';
import type { FigureFacts } from '../figures/figure-log.js';
import { chartCellFacts } from './record-figure.js';

const PERIODS = { fallback: 8, min: 2, max: 40 };

/**
 * `::chart`: starts rendering at once (charts are the slow part) and returns a function
 * that yields the finished figure once the render has waited for `ctx.pending`.
 */
export function chartBlock(
  ctx: ResolveContext,
  indicator: Indicator,
  attributes: Readonly<Record<string, string>>,
  period: Period | undefined,
  place: Place,
): () => Element {
  const count = periodCount(ctx, attributes['periods'], place, PERIODS);
  const end = chartEnd(ctx, indicator, period, place);
  if (!end) return () => problemMarker(RULES.noValue, `${indicator.id} has no values to chart`);
  const comparators = splitList(attributes['benchmarks']);
  for (const comparator of comparators) {
    if (
      !indicator.benchmarks.some((b) => b.comparator.toLowerCase() === comparator.toLowerCase())
    ) {
      const available = [...new Set(indicator.benchmarks.map((b) => b.comparator))];
      ctx.report(
        RULES.noBenchmark,
        `${indicator.id} has no ${comparator} benchmark to chart${available.length ? `; it has ${available.join(', ')}` : ''}`,
        place,
        { suggestions: available },
      );
    }
  }
  const input = trendChartInput(indicator, periodsEndingAt(end, count), comparators);
  // Chart points, the table beneath and the description are published figures.
  for (const observation of input.observations)
    recordObservation(ctx, indicator, observation, place);
  for (const series of input.benchmarks) {
    for (const benchmark of series.values) recordBenchmark(ctx, indicator, benchmark, place);
  }
  // Drawn once the document's disclosure decisions are made.
  const publishedInput = (): TrendChartInput => ({
    ...input,
    observations: input.observations.map(
      (observation) => observation && published(ctx, indicator, observation),
    ),
    benchmarks: input.benchmarks.map((series) => ({
      ...series,
      values: series.values.map(
        (benchmark) => benchmark && publishedBenchmark(ctx, indicator, benchmark),
      ),
    })),
  });
  const settled = figuresSettled(
    ctx,
    indicator,
    input.observations,
    input.benchmarks.flatMap((series) => series.values),
  );
  return drawLater(ctx, publishedInput, [indicator.id], attributes['title'], settled);
}

/**
 * `::chart{ids="OP419,OP419-INC"}`: several indicators of one unit on one chart, each
 * its own line told apart by dash, marker and a label at its end, with one table. No
 * target or benchmark lines: on a shared chart they would belong to no line in particular.
 */
export function multiChartBlock(
  ctx: ResolveContext,
  attributes: Readonly<Record<string, string>>,
  period: Period | undefined,
  place: Place,
): () => Element {
  const ids = splitList(attributes['ids']);
  const found = ids.map((id) => resolveIndicator(ctx, id, place));
  const indicators = found.filter((indicator): indicator is Indicator => indicator !== undefined);
  const unique = indicators.filter((indicator, i) => indicators.indexOf(indicator) === i);
  if (found.some((indicator) => indicator === undefined)) {
    return () => problemMarker(RULES.unknownIndicator, `The chart names an unknown indicator`);
  }
  if (unique.length < 2) {
    ctx.report(
      RULES.missingAttribute,
      `::chart ids= needs two or more different indicators (for one, write id=${unique[0]?.id ?? '…'})`,
      place,
    );
  }
  const first = unique[0];
  if (!first) return () => problemMarker(RULES.missingAttribute, 'The chart names no indicator');
  const differ = unique.filter((indicator) => !sameUnit(indicator, first));
  if (differ.length > 0) {
    const units = unique.map((indicator) => `${indicator.id} is ${unitWords(indicator)}`);
    ctx.report(
      RULES.chartUnitsDiffer,
      `Indicators of different units cannot share a chart's axis: ${units.join(', ')}; chart them separately`,
      place,
    );
    return () =>
      problemMarker(RULES.chartUnitsDiffer, 'Indicators of different units on one chart');
  }
  if (attributes['benchmarks'] !== undefined) {
    ctx.report(
      RULES.unknownAttribute,
      'benchmarks= is for a chart of one indicator (id=); a chart of several draws their own figures only',
      place,
    );
  }
  const count = periodCount(ctx, attributes['periods'], place, PERIODS);
  const end = chartEnd(ctx, first, period, place);
  if (!end) return () => problemMarker(RULES.noValue, `${first.id} has no values to chart`);
  const periods = periodsEndingAt(end, count);
  // Every line's points and the table are published figures. The periods are the first
  // indicator's; a monthly one among quarters or years is charted at the latest month in
  // each, as its figure stands for a quarter or year anywhere in a report.
  const raw = unique.map((indicator) =>
    periods.map((p) => {
      const observation = observationFor(indicator, p) ?? latestWithin(indicator, p);
      recordObservation(ctx, indicator, observation, place);
      return observation;
    }),
  );
  unique.forEach((indicator, i) => {
    if (i === 0 || raw[i]?.some(Boolean) || indicator.values.length === 0) return;
    ctx.report(
      RULES.noValue,
      `${indicator.id} has no figure for this chart's periods (${periodShortLabel(periods[0]!)} to ${periodShortLabel(end)}, the periods of ${first.id}, the first indicator); chart it on its own, or first`,
      place,
    );
  });
  const own = (index: number) =>
    (raw[index] ?? []).map(
      (observation) => observation && published(ctx, unique[index]!, observation),
    );
  const publishedInput = (): TrendChartInput => ({
    indicator: first,
    periods,
    observations: own(0),
    targets: periods.map(() => undefined),
    benchmarks: [],
    extraValues: unique.slice(1).map((indicator, i) => ({ indicator, observations: own(i + 1) })),
  });
  const settled = unique.every((indicator, i) => figuresSettled(ctx, indicator, raw[i] ?? [], []));
  return drawLater(
    ctx,
    publishedInput,
    unique.map((i) => i.id),
    attributes['title'],
    settled,
  );
}

function sameUnit(a: Indicator, b: Indicator): boolean {
  return (
    a.unit === b.unit &&
    (a as { currency?: string }).currency === (b as { currency?: string }).currency
  );
}

function unitWords(indicator: Indicator): string {
  const currency = (indicator as { currency?: string }).currency;
  return currency ? `${indicator.unit} (${currency})` : indicator.unit;
}

/**
 * Starts the render once the document's disclosure decisions are made (`input` is only
 * asked for then), or at once when they cannot change it (`settled`), and returns what
 * yields the figure once it is done.
 */
function drawLater(
  ctx: ResolveContext,
  input: () => TrendChartInput,
  ids: readonly string[],
  title: string | undefined,
  settled: boolean,
): () => Element {
  // `check` wants the messages above, not the drawing.
  if (!ctx.withCharts) return () => h('figure.sc-chart');
  let figure: Element | undefined;
  let failure = '';
  const idPrefix = ctx.nextId('sc-chart', ids);
  // The table's figures, recorded when the chart takes its place in the document.
  const cells: Array<readonly [FigureFacts, Element]> = [];
  const draw = () => {
    const drawn = input();
    const onCell = (series: ChartSeries, index: number, cell: Element) => {
      const facts = chartCellFacts(drawn, series, index);
      if (facts) cells.push([facts, cell]);
    };
    ctx.pending.push(
      chartFigure(ctx.charts, drawn, {
        idPrefix,
        symbolsUsed: ctx.symbolsUsed,
        ...(title ? { headline: title } : {}),
        ...(ctx.figureLog ? { onCell } : {}),
      }).then(
        (built) => {
          figure = built;
        },
        (error: unknown) => {
          failure = error instanceof Error ? error.message : String(error);
        },
      ),
    );
  };
  // Charts are the slow part: one whose figures no decision can touch is drawn now, while
  // the later blocks are still being read; any other waits for the decisions.
  if (settled) draw();
  else ctx.afterDisclose.push(draw);
  return () => {
    if (!figure)
      return problemMarker(
        'chart-failed',
        `The chart for ${ids.join(', ')} could not be drawn: ${failure}`,
      );
    for (const [facts, cell] of cells) ctx.figureLog?.add(facts, cell);
    return figure;
  };
}

/**
 * The chart ends at the period asked for, in the indicator's own kind of period: an
 * annual DfE series in a quarterly report ends at the year holding the report's quarter.
 */
function chartEnd(
  ctx: ResolveContext,
  indicator: Indicator,
  period: Period | undefined,
  place: Place,
): Period | undefined {
  const { observation, status } = findObservation(indicator, period);
  if (status === 'stale' && period && observation) {
    ctx.report(
      RULES.staleValue,
      `${indicator.id}: the chart ends at its newest value, older than the report period`,
      place,
    );
  }
  if (observation) return observation.period;
  const latest = indicator.values.at(-1);
  if (!latest) return undefined;
  if (!period) return latest.period;
  const sameKind = indicator.values
    .filter((v) => v.period.kind === latest.period.kind && v.period.end <= period.end)
    .at(-1);
  return sameKind?.period ?? latest.period;
}

/**
 * True when the chart shows its data as they are, whatever the decisions: outside the
 * public export nothing is suppressed, and in it these figures can be suppressed by none.
 */
function figuresSettled(
  ctx: ResolveContext,
  indicator: Indicator,
  observations: readonly (Observation | undefined)[],
  benchmarks: readonly (BenchmarkValue | undefined)[],
): boolean {
  if (ctx.mode !== 'public') return true;
  return cannotBeSuppressed(
    { catalogue: ctx.catalogue, threshold: ctx.catalogue.smallNumberThreshold },
    indicator,
    observations,
    benchmarks,
  );
}
