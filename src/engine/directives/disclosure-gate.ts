import { benchmarkKey, observationKey } from '../disclose/figures.js';
import { indicatorFacts } from '../facts.js';
import type { Compare, IndicatorFacts } from '../facts.js';
import type { BenchmarkValue, Indicator, Observation } from '../types.js';
import type { Place, ResolveContext } from './context.js';

/**
 * Every figure a directive shows is recorded while resolving, so the disclose stage can
 * decide on the whole document at once; what is built afterwards asks here for each
 * figure as published. Only the public export applies the decisions: the preview and
 * the exempt export show exact figures, and the disclose stage warns about them.
 */
export function recordObservation(
  ctx: ResolveContext,
  indicator: Indicator,
  observation: Observation | undefined,
  place: Place,
): void {
  if (!observation) return;
  ctx.figures.push({
    kind: 'observation',
    indicator: indicator.id,
    period: observation.period.key,
    place,
  });
}

export function recordBenchmark(
  ctx: ResolveContext,
  indicator: Indicator,
  benchmark: BenchmarkValue | undefined,
  place: Place,
): void {
  if (!benchmark) return;
  ctx.figures.push({
    kind: 'benchmark',
    indicator: indicator.id,
    comparator: benchmark.comparator,
    period: benchmark.period.key,
    place,
  });
}

/** Records the figures a directive built from `facts` shows. */
export function recordFacts(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  shows: {
    readonly value: boolean;
    readonly change: boolean;
    readonly benchmarks: readonly BenchmarkValue[];
  },
  place: Place,
): void {
  if (shows.value || shows.change)
    recordObservation(ctx, facts.indicator, facts.observation, place);
  if (shows.change) recordObservation(ctx, facts.indicator, facts.previous, place);
  for (const benchmark of shows.benchmarks) recordBenchmark(ctx, facts.indicator, benchmark, place);
}

/** The observation as this render publishes it. */
export function published(
  ctx: ResolveContext,
  indicator: Indicator,
  observation: Observation,
): Observation {
  if (ctx.mode !== 'public') return observation;
  const decided = ctx.decisions.observations.get(
    observationKey(indicator.id, observation.period.key),
  );
  if (!decided) return observation;
  ctx.suppressedShown.add(decided.observation);
  return decided.observation;
}

export function publishedBenchmark(
  ctx: ResolveContext,
  indicator: Indicator,
  benchmark: BenchmarkValue,
): BenchmarkValue {
  if (ctx.mode !== 'public') return benchmark;
  const decided = ctx.decisions.benchmarks.get(
    benchmarkKey(indicator.id, benchmark.comparator, benchmark.period.key),
  );
  if (!decided) return benchmark;
  ctx.suppressedShown.add(decided.benchmark);
  return decided.benchmark;
}

/**
 * Facts as published: suppressed figures replaced before anything is judged on them, so
 * a suppressed figure is never rated, compared or quoted in words elsewhere.
 */
export function publishedFacts(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  compare: Compare,
): IndicatorFacts {
  if (ctx.mode !== 'public') return facts;
  const { indicator } = facts;
  const asInData = indicatorFacts(indicator, facts.requested, compare, ctx.catalogue.comparators);
  // Most figures are published as they are: when neither observation the facts are
  // judged on was decided on, publishing changes nothing and the facts need no new work.
  const decided = (observation: Observation | undefined) =>
    observation !== undefined &&
    ctx.decisions.observations.has(observationKey(indicator.id, observation.period.key));
  const disclosed =
    decided(asInData.observation) || decided(asInData.previous)
      ? indicatorFacts(
          indicator,
          facts.requested,
          compare,
          ctx.catalogue.comparators,
          (observation) => published(ctx, indicator, observation),
        )
      : asInData;
  return {
    ...disclosed,
    benchmarks: disclosed.benchmarks.map((b) => publishedBenchmark(ctx, indicator, b)),
  };
}
