/**
 * Which observation, target and benchmarks a directive means for a period. Indicators
 * are immutable plain data, so lookups by period key are indexed once per indicator.
 */
import { comparePeriods, periodContains, previousPeriod, yearEarlier } from '../periods.js';
import type { BenchmarkValue, Indicator, Observation, Period, Target } from '../types.js';
import type { CompareWith } from './change.js';

const valueIndex = new WeakMap<Indicator, ReadonlyMap<string, Observation>>();

function valuesByKey(indicator: Indicator): ReadonlyMap<string, Observation> {
  let index = valueIndex.get(indicator);
  if (!index) {
    // Later entries win, as the last value written for a period is the one meant.
    index = new Map(indicator.values.map((obs) => [obs.period.key, obs] as const));
    valueIndex.set(indicator, index);
  }
  return index;
}

/** The observation for exactly this period, if any. */
export function observationFor(indicator: Indicator, period: Period): Observation | undefined {
  return valuesByKey(indicator).get(period.key);
}

/** The newest observation (by period end, then start), symbols included. */
export function latestObservation(indicator: Indicator): Observation | undefined {
  let latest: Observation | undefined;
  for (const obs of indicator.values) {
    if (!latest || comparePeriods(obs.period, latest.period) >= 0) latest = obs;
  }
  return latest;
}

/**
 * The target for a period: one set for exactly that period, else the one of the
 * shortest period containing it (a half's target before the year's), since councils
 * set targets for a year and report against them each quarter.
 */
export function targetFor(indicator: Indicator, period: Period): Target | undefined {
  let best: Target | undefined;
  for (const target of indicator.targets) {
    if (target.period.key === period.key) return target;
    if (!periodContains(target.period, period)) continue;
    if (!best || periodContains(best.period, target.period)) best = target;
  }
  return best;
}

/** Comparators in display order: the catalogue's order first, then as first seen. */
function comparatorOrder(indicator: Indicator, order: readonly string[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of [...order, ...indicator.benchmarks.map((b) => b.comparator)]) {
    if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}

/**
 * The benchmark of one comparator for a period. Benchmarks lag local data by a year or
 * more, so it is the newest one that does not end after the period; if only later ones
 * exist (a report about an old period), the oldest of those, whose own period the
 * reader is always shown. Comparator names match case-insensitively (`vs=london`).
 */
export function benchmarkFor(
  indicator: Indicator,
  period: Period,
  comparator: string,
): BenchmarkValue | undefined {
  const wanted = comparator.trim().toLowerCase();
  let onOrBefore: BenchmarkValue | undefined;
  let after: BenchmarkValue | undefined;
  for (const b of indicator.benchmarks) {
    if (b.comparator.toLowerCase() !== wanted) continue;
    if (b.period.end <= period.end) {
      if (!onOrBefore || comparePeriods(b.period, onOrBefore.period) > 0) onOrBefore = b;
    } else if (!after || comparePeriods(b.period, after.period) < 0) {
      after = b;
    }
  }
  return onOrBefore ?? after;
}

/** One benchmark per comparator for a period (see `benchmarkFor`), in display order. */
export function benchmarksFor(
  indicator: Indicator,
  period: Period,
  comparators: readonly string[] = [],
): BenchmarkValue[] {
  const chosen: BenchmarkValue[] = [];
  for (const name of comparatorOrder(indicator, comparators)) {
    const b = benchmarkFor(indicator, period, name);
    if (b) chosen.push(b);
  }
  return chosen;
}

/**
 * The observation to compare a period's with. `year`: the same period a year earlier.
 * `previous`: the period before; for snapshot dates, which are taken at irregular
 * intervals (often once a year, at 31 March), the newest earlier snapshot instead.
 */
export function previousObservation(
  indicator: Indicator,
  period: Period,
  compare: CompareWith,
): Observation | undefined {
  if (compare === 'year') return observationFor(indicator, yearEarlier(period));
  if (period.kind !== 'date') return observationFor(indicator, previousPeriod(period));
  let best: Observation | undefined;
  for (const obs of indicator.values) {
    if (obs.period.kind !== 'date' || obs.period.end >= period.end) continue;
    if (!best || obs.period.end > best.period.end) best = obs;
  }
  return best;
}
