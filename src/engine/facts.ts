import { periodContains, previousPeriod, yearEarlier } from './periods.js';
import {
  assessRag,
  benchmarksFor,
  describeChange,
  latestObservation,
  previousObservation,
  targetFor,
} from './semantics/index.js';
import type { ChangeResult, RagResult } from './semantics/index.js';
import type { BenchmarkValue, Indicator, Observation, Period, Target } from './types.js';

export type Compare = 'previous' | 'year';

/** Whether the figure shown is the one asked for. */
export type FigureStatus = 'current' | 'stale' | 'missing';

/** Everything known about one indicator at one period: what cards, tables and hovers show. */
export interface IndicatorFacts {
  readonly indicator: Indicator;
  /** The period asked for (directive or front matter); undefined means "latest". */
  readonly requested: Period | undefined;
  readonly status: FigureStatus;
  /** The observation shown: the requested one, or the newest when stale. */
  readonly observation: Observation | undefined;
  readonly previous: Observation | undefined;
  readonly target: Target | undefined;
  readonly rag: RagResult | undefined;
  readonly change: ChangeResult | undefined;
  readonly benchmarks: readonly BenchmarkValue[];
}

/**
 * The facts as in the data, by indicator object and question: a card, its chart, its
 * sentences and the claims checked in them ask the same questions of one indicator
 * (judging a RAG and a change formats a dozen numbers), and an indicator object never
 * changes once read (a changed data file gives new objects).
 */
const known = new WeakMap<Indicator, Map<string, IndicatorFacts>>();

/**
 * `disclose` is applied to every observation before it is judged or shown, so a figure
 * suppressed for publication is never compared, rated or quoted in words elsewhere.
 */
export function indicatorFacts(
  indicator: Indicator,
  requested: Period | undefined,
  compare: Compare,
  comparatorOrder: readonly string[],
  disclose?: (observation: Observation) => Observation,
): IndicatorFacts {
  // What `disclose` does depends on the document's decisions: worked out each time.
  if (disclose) return factsOf(indicator, requested, compare, comparatorOrder, disclose);
  let byQuestion = known.get(indicator);
  if (!byQuestion) known.set(indicator, (byQuestion = new Map()));
  const question = `${requested?.key ?? ''}\u0000${compare}\u0000${comparatorOrder.join('\u0001')}`;
  let facts = byQuestion.get(question);
  if (!facts) {
    facts = factsOf(indicator, requested, compare, comparatorOrder, (observation) => observation);
    byQuestion.set(question, facts);
  }
  return facts;
}

function factsOf(
  indicator: Indicator,
  requested: Period | undefined,
  compare: Compare,
  comparatorOrder: readonly string[],
  disclose: (observation: Observation) => Observation,
): IndicatorFacts {
  const { observation: found, status } = findObservation(indicator, requested);
  const observation = found && disclose(found);
  const previousRaw =
    observation &&
    ((requested && isWithin(observation, requested)
      ? latestWithin(
          indicator,
          compare === 'year' ? yearEarlier(requested) : previousPeriod(requested),
        )
      : undefined) ??
      previousObservation(indicator, observation.period, compare));
  const previous = previousRaw && disclose(previousRaw);
  const target = observation
    ? targetFor(indicator, observation.period)
    : requested && targetFor(indicator, requested);
  const rag =
    observation?.value !== undefined && (target || indicator.polarity === 'band')
      ? assessRag(indicator, observation.value, target)
      : undefined;
  const change = observation
    ? describeChange(indicator, observation, previous, compare)
    : undefined;
  const benchmarkPeriod = observation?.period ?? requested;
  const benchmarks = benchmarkPeriod
    ? benchmarksFor(indicator, benchmarkPeriod, comparatorOrder)
    : indicator.benchmarks;
  return { indicator, requested, status, observation, previous, target, rag, change, benchmarks };
}

/**
 * The requested period's value, or one of a coarser period ending on the same day
 * (a year's value answers for its Q4). Failing that, the newest value older than the
 * request is "stale"; a gap between older and newer values is "missing".
 */
export function findObservation(
  indicator: Indicator,
  requested: Period | undefined,
): { observation: Observation | undefined; status: FigureStatus } {
  const latest = latestObservation(indicator);
  if (!requested) return { observation: latest, status: latest ? 'current' : 'missing' };
  const exact =
    indicator.values.find((value) => value.period.key === requested.key) ??
    indicator.values.find(
      (value) => value.period.end === requested.end && periodContains(value.period, requested),
    );
  if (exact) return { observation: exact, status: 'current' };
  const within = latestWithin(indicator, requested);
  if (within) return { observation: within, status: 'current' };
  if (latest && latest.period.end < requested.end) {
    return { observation: latest, status: 'stale' };
  }
  return { observation: undefined, status: 'missing' };
}

/**
 * Monthly figures (and snapshots) in a quarterly or yearly report: the latest month or
 * snapshot date inside the period stands for it (OP419 counts children missing at any
 * time in the month, so Q4 is March's figure). Undefined when none lies inside.
 */
export function latestWithin(indicator: Indicator, period: Period): Observation | undefined {
  let best: Observation | undefined;
  for (const value of indicator.values) {
    if (value.period.kind !== 'month' && value.period.kind !== 'date') continue;
    if (value.period.key === period.key || !periodContains(period, value.period)) continue;
    if (!best || value.period.end > best.period.end) best = value;
  }
  return best;
}

/** True when the figure shown is a month or snapshot standing for a longer period. */
export function isWithin(observation: Observation, requested: Period): boolean {
  return (
    (observation.period.kind === 'month' || observation.period.kind === 'date') &&
    observation.period.key !== requested.key &&
    periodContains(requested, observation.period)
  );
}
