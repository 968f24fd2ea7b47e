/**
 * What each kind of figure is, for the figure log (src/engine/figures/figure-log.ts):
 * the builders print a figure and pass the printed element here, so the record's text is
 * the page's text. Facts are the published ones (the disclose stage's decisions applied),
 * so a suppressed figure's number is not in them to leak.
 */
import type { ElementContent } from 'hast';
import type { IndicatorFacts } from '../facts.js';
import type { RankResult } from '../semantics/rank.js';
import type { ChartSeries, TrendChartInput } from '../charts/types.js';
import { splitCategoryId } from '../breakdown-categories.js';
import { roundHalfUp } from '../semantics/round.js';
import type { BenchmarkValue, Indicator, Observation, Period, Target } from '../types.js';
import type { FigureFacts, PrintedCounts } from '../figures/figure-log.js';
import type { ResolveContext } from './context.js';

type Datum = Observation | BenchmarkValue;

/**
 * The number as printed, rounded as the page rounds it: the export must not carry more
 * precision than it publishes (33.3% of a small group says more than 33%).
 */
function asPrinted(indicator: Indicator, value: number | undefined): number | null {
  return value === undefined ? null : roundHalfUp(value, indicator.decimals);
}

/**
 * Whose figure it is, as a record names it. A category is looked at as an indicator of
 * its own (breakdown-categories.ts), whose id is internal: its figures are the breakdown
 * indicator's, with the category named (also when a suppressed figure carries none).
 */
function owner(indicator: Indicator): { indicator: string; category?: string } {
  const split = splitCategoryId(indicator.id);
  return split
    ? { indicator: split.parent, category: split.category }
    : { indicator: indicator.id };
}

/** A value or benchmark as data: its number only when it is printed. */
export function datumFacts(indicator: Indicator, datum: Datum): FigureFacts {
  const printed = datum.symbol === undefined || datum.symbol === 'u';
  const isBenchmark = 'comparator' in datum;
  const named = owner(indicator);
  return {
    indicator: named.indicator,
    period: datum.period.key,
    kind: isBenchmark ? 'benchmark' : 'value',
    comparator: isBenchmark ? datum.comparator : undefined,
    category: isBenchmark ? undefined : (named.category ?? datum.category),
    value: printed ? asPrinted(indicator, datum.value) : null,
    suppressed: datum.symbol === 'c',
    source: datum.source,
  };
}

export function recordDatum<T extends ElementContent>(
  ctx: ResolveContext,
  indicator: Indicator,
  datum: Datum,
  shown: T,
  /** The counts printed beside it (a card's `120 of 207`). */
  counts?: PrintedCounts,
): T {
  return ctx.figureLog
    ? ctx.figureLog.add({ ...datumFacts(indicator, datum), counts }, shown)
    : shown;
}

export function recordTarget<T extends ElementContent>(
  ctx: ResolveContext,
  indicator: Indicator,
  target: Target,
  shown: T,
): T {
  return ctx.figureLog
    ? ctx.figureLog.add(
        {
          ...owner(indicator),
          period: target.period.key,
          kind: 'target',
          value: asPrinted(indicator, target.value),
          suppressed: false,
          source: target.source,
        },
        shown,
      )
    : shown;
}

/** A band indicator's band (`16% to 23%`), its target for every period. */
export function recordBand<T extends ElementContent>(
  ctx: ResolveContext,
  indicator: Indicator,
  period: Period,
  shown: T,
): T {
  return ctx.figureLog
    ? ctx.figureLog.add(
        {
          ...owner(indicator),
          period: period.key,
          kind: 'target',
          value: null,
          suppressed: false,
          source: indicator.source,
        },
        shown,
      )
    : shown;
}

/** The status, when the figure it rates is printed; `Not rated: no value` has no state. */
export function recordRag<T extends ElementContent>(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  shown: T,
): T {
  const period = facts.observation?.period ?? facts.requested;
  if (!ctx.figureLog || !period) return shown;
  return ctx.figureLog.add(
    {
      ...owner(facts.indicator),
      period: period.key,
      kind: 'rag',
      value: null,
      // An indicator with no better direction is never rated, whatever its target.
      state: facts.indicator.polarity === 'none' ? undefined : facts.rag?.status,
      suppressed: facts.observation?.symbol === 'c',
      source: facts.observation?.source,
    },
    shown,
  );
}

/** The direction of travel as figure-record.ts names it. */
const JUDGED = { better: 'improved', worse: 'worsened', 'no change': 'unchanged' } as const;

/** The change's number is the difference of the two figures as printed (rounded). */
export function recordChange<T extends ElementContent>(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  shown: T,
): T {
  const { observation, previous, change, indicator } = facts;
  if (!ctx.figureLog || !observation) return shown;
  const comparable = (datum: Observation | undefined) =>
    datum && (datum.symbol === undefined || datum.symbol === 'u') ? datum.value : undefined;
  const now = comparable(observation);
  const before = comparable(previous);
  const value =
    now !== undefined && before !== undefined && change && change.direction !== 'none'
      ? roundHalfUp(
          roundHalfUp(now, indicator.decimals) - roundHalfUp(before, indicator.decimals),
          indicator.decimals,
        )
      : null;
  const state =
    change && change.direction !== 'none'
      ? change.judgement
        ? JUDGED[change.judgement]
        : change.direction
      : undefined;
  return ctx.figureLog.add(
    {
      ...owner(indicator),
      period: observation.period.key,
      kind: 'change',
      value,
      state,
      suppressed: observation.symbol === 'c' || previous?.symbol === 'c',
      source: observation.source,
    },
    shown,
  );
}

const QUARTILE_NUMBER = { A: 1, B: 2, C: 3, D: 4 } as const;

/**
 * A rank or quartile among `vs` (as the author named the group). A scorecard cell prints
 * both in one, so it is one record of each kind with the same text.
 */
export function recordRank<T extends ElementContent>(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  kinds: readonly ('rank' | 'quartile')[],
  vs: string,
  result: Extract<RankResult, { ok: true }>,
  shown: T,
): T {
  const period = facts.observation?.period ?? facts.requested;
  if (!ctx.figureLog || !period) return shown;
  for (const kind of kinds) {
    ctx.figureLog.add(
      {
        ...owner(facts.indicator),
        period: period.key,
        kind,
        comparator: vs.trim(),
        value: kind === 'rank' ? result.rank : QUARTILE_NUMBER[result.quartile],
        state: kind === 'quartile' ? result.quartile : undefined,
        suppressed: false,
        source: result.figure.source,
      },
      shown,
    );
  }
  return shown;
}

/** What a chart table's cell prints: a value, target or benchmark of the chart's input. */
export function chartCellFacts(
  input: TrendChartInput,
  series: ChartSeries,
  index: number,
): FigureFacts | undefined {
  if (series.kind === 'value') {
    const indicator = series.indicator ?? input.indicator;
    const observations =
      indicator === input.indicator
        ? input.observations
        : input.extraValues?.find((extra) => extra.indicator === indicator)?.observations;
    const observation = observations?.[index];
    return observation && datumFacts(indicator, observation);
  }
  if (series.kind === 'target') {
    const target = input.targets[index];
    return (
      target && {
        indicator: input.indicator.id,
        period: target.period.key,
        kind: 'target',
        value: asPrinted(input.indicator, target.value),
        suppressed: false,
        source: target.source,
      }
    );
  }
  const benchmark = input.benchmarks.find((b) => b.comparator === series.name)?.values[index];
  return benchmark && datumFacts(input.indicator, benchmark);
}
