import type { Element } from 'hast';
import { h } from 'hastscript';
import { chartFigure, trendChartInput } from '../charts/index.js';
import { RULES } from '../messages.js';
import { periodsEndingAt } from '../periods.js';
import type { Indicator, Period } from '../types.js';
import type { Place, ResolveContext } from './context.js';
import {
  published,
  publishedBenchmark,
  recordBenchmark,
  recordObservation,
} from './disclosure-gate.js';
import { problemMarker } from './figure.js';
import { findObservation } from '../facts.js';
import { splitList } from './lookup.js';

const DEFAULT_PERIODS = 8;
const MAX_PERIODS = 40;

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
  const count = periodCount(ctx, attributes['periods'], place);
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
  // `check` wants the messages above, not the drawing.
  if (!ctx.withCharts) return () => h('figure.sc-chart');
  let figure: Element | undefined;
  let failure = '';
  const idPrefix = ctx.nextId('sc-chart');
  // Drawn once the document's disclosure decisions are made.
  ctx.afterDisclose.push(() => {
    const safeInput = {
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
    };
    ctx.pending.push(
      chartFigure(safeInput, { idPrefix, symbolsUsed: ctx.symbolsUsed }).then(
        (built) => {
          figure = built;
        },
        (error: unknown) => {
          failure = error instanceof Error ? error.message : String(error);
        },
      ),
    );
  });
  return () =>
    figure ??
    problemMarker('chart-failed', `The chart for ${indicator.id} could not be drawn: ${failure}`);
}

function periodCount(ctx: ResolveContext, written: string | undefined, place: Place): number {
  if (written === undefined) return DEFAULT_PERIODS;
  const count = Number(written);
  if (Number.isInteger(count) && count >= 2 && count <= MAX_PERIODS) return count;
  ctx.report(
    RULES.unknownAttribute,
    `periods=${written} must be a whole number from 2 to ${MAX_PERIODS}`,
    place,
  );
  return DEFAULT_PERIODS;
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
