/**
 * Lines an indicator's data up with the periods of a chart, for the `::chart` directive.
 */
import { periodContains } from '../periods.js';
import { observationFor, targetFor } from '../semantics/select.js';
import type { BenchmarkValue, Indicator, Period } from '../types.js';
import type { BenchmarkSeries, TrendChartInput } from './types.js';

/**
 * The benchmark of a comparator that stands for a chart period: one for exactly that
 * period, else the shortest one containing it (a national year's figure spans its
 * quarters). Periods after the newest benchmark get it carried forward separately
 * (`carryForward`), marked as such, so last year's England is never passed off as
 * this year's.
 */
function benchmarkCovering(
  benchmarks: readonly BenchmarkValue[],
  comparator: string,
  period: Period,
): BenchmarkValue | undefined {
  const wanted = comparator.trim().toLowerCase();
  let best: BenchmarkValue | undefined;
  for (const b of benchmarks) {
    if (b.comparator.trim().toLowerCase() !== wanted) continue;
    if (b.period.key === period.key) return b;
    if (!periodContains(b.period, period)) continue;
    if (!best || periodContains(best.period, b.period)) best = b;
  }
  return best;
}

/**
 * The latest figure of a comparator published for a period that ended before `period`
 * began, when it is later than every figure covering an earlier chart period: the
 * "latest published" England line GOV.UK guidance draws on to the latest period.
 */
function latestBefore(
  benchmarks: readonly BenchmarkValue[],
  comparator: string,
  period: Period,
): BenchmarkValue | undefined {
  let best: BenchmarkValue | undefined;
  for (const b of benchmarks) {
    if (b.comparator.trim().toLowerCase() !== comparator) continue;
    if (b.period.end >= period.start) continue;
    if (b.value === undefined && b.symbol === undefined) continue;
    if (!best || b.period.end > best.period.end) best = b;
  }
  return best;
}

/**
 * Chart input for an indicator over `periods` (oldest first) with the named comparators,
 * matched case-insensitively and named as the data spells them. A comparator the data
 * does not hold gives no series (the directive reports `no-benchmark`).
 */
export function trendChartInput(
  indicator: Indicator,
  periods: readonly Period[],
  comparators: readonly string[] = [],
): TrendChartInput {
  const benchmarks: BenchmarkSeries[] = [];
  const seen = new Set<string>();
  for (const wanted of comparators) {
    const key = wanted.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const spelled = indicator.benchmarks.find((b) => b.comparator.trim().toLowerCase() === key);
    if (!spelled) continue;
    const covering = periods.map((p) => benchmarkCovering(indicator.benchmarks, key, p));
    const carried = periods.map((p, i) =>
      covering[i] ? undefined : latestBefore(indicator.benchmarks, key, p),
    );
    benchmarks.push({
      comparator: spelled.comparator,
      values: covering.map((b, i) => b ?? carried[i]),
      carried: carried.map((b) => b !== undefined),
    });
  }
  return {
    indicator,
    periods,
    observations: periods.map((p) => observationFor(indicator, p)),
    targets: periods.map((p) => targetFor(indicator, p)),
    benchmarks,
  };
}
