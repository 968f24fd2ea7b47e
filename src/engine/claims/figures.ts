/**
 * The figures of an indicator a sentence may quote for a period, each as printed: the
 * value, its numerator and denominator, the target (and band), every benchmark, the
 * change and the gaps, the rank. A typed number that is none of these is a claim the data
 * contradicts. Figures that disclosure control would hide are marked, so no message
 * ever prints them.
 */
import { unrecorded } from '../catalogue-reads.js';
import { indicatorFacts } from '../facts.js';
import type { Compare, IndicatorFacts } from '../facts.js';
import { applyDisclosureControl, benchmarksFor, roundHalfUp } from '../semantics/index.js';
import { rankAmong, rankComparators } from '../semantics/rank.js';
import type { BenchmarkValue, Catalogue, Indicator, Observation, Period } from '../types.js';

export type FigureKind =
  'value' | 'numerator' | 'denominator' | 'target' | 'band' | 'benchmark' | 'difference' | 'rank';

export interface Figure {
  readonly kind: FigureKind;
  readonly value: number;
  /** The printed figure a disclosure rule would hide, or one that holds a symbol. */
  readonly sensitive: boolean;
  /**
   * The figure is itself a small number (or made from one) that the public export
   * suppresses: typed in prose, it would publish what the directive hides.
   */
  readonly small?: true;
  /** For a benchmark, its comparator. */
  readonly comparator?: string;
}

/** Whether an observation's numbers may be printed in a message. */
export function isSensitive(catalogue: Catalogue, indicator: Indicator, obs: Observation): boolean {
  if (obs.symbol !== undefined && obs.symbol !== 'u') return true;
  if (indicator.partOf !== undefined || partsOf(catalogue).has(indicator.id)) {
    // A part or a total of parts: subtraction may reveal a small part elsewhere.
    return indicator.unit === 'count' || indicator.unit === 'number';
  }
  const control = applyDisclosureControl(indicator, obs, catalogue.smallNumberThreshold);
  return control.suppressed.length > 0;
}

const partsCache = new WeakMap<Catalogue, ReadonlySet<string>>();
function partsOf(catalogue: Catalogue): ReadonlySet<string> {
  let parts = partsCache.get(catalogue);
  if (!parts) {
    parts = new Set(
      // The part-of structure is in the block cache's environment key, not a block's reads.
      [...unrecorded(catalogue.indicators).values()].flatMap((i) => (i.partOf ? [i.partOf] : [])),
    );
    partsCache.set(catalogue, parts);
  }
  return parts;
}

function benchmarkSensitive(indicator: Indicator, benchmark: BenchmarkValue): boolean {
  return benchmark.symbol !== undefined && benchmark.symbol !== 'u';
}

const factsCache = new WeakMap<Indicator, Map<string, IndicatorFacts>>();

/**
 * Facts for a period, compared with the previous period or the year before. Indicators
 * are immutable, so each answer is kept with the indicator (sentences ask again and again).
 */
export function factsFor(
  catalogue: Catalogue,
  indicator: Indicator,
  period: Period | undefined,
  compare: Compare,
): IndicatorFacts {
  let byKey = factsCache.get(indicator);
  if (!byKey) {
    byKey = new Map();
    factsCache.set(indicator, byKey);
  }
  const key = `${period?.key ?? ''}\u0000${compare}\u0000${catalogue.comparators.join('\u0001')}`;
  let facts = byKey.get(key);
  if (!facts) {
    facts = indicatorFacts(indicator, period, compare, catalogue.comparators);
    byKey.set(key, facts);
  }
  return facts;
}

function observationFigures(
  catalogue: Catalogue,
  indicator: Indicator,
  obs: Observation | undefined,
): Figure[] {
  if (!obs) return [];
  const sensitive = isSensitive(catalogue, indicator, obs);
  const small =
    applyDisclosureControl(indicator, obs, catalogue.smallNumberThreshold).suppressed.length > 0
      ? ({ small: true } as const)
      : {};
  const figures: Figure[] = [];
  if (obs.value !== undefined)
    figures.push({ kind: 'value', value: obs.value, sensitive, ...small });
  if (obs.numerator !== undefined)
    figures.push({ kind: 'numerator', value: obs.numerator, sensitive, ...small });
  if (obs.denominator !== undefined)
    figures.push({ kind: 'denominator', value: obs.denominator, sensitive, ...small });
  return figures;
}

/** Every figure a sentence about `period` may quote (see the file comment). */
export function figuresAt(
  catalogue: Catalogue,
  indicator: Indicator,
  period: Period | undefined,
  withEarlier: boolean,
): Figure[] {
  const now = factsFor(catalogue, indicator, period, 'previous');
  const year = factsFor(catalogue, indicator, period, 'year');
  const obs = now.observation;
  const figures = observationFigures(catalogue, indicator, obs);
  const sensitive = obs ? isSensitive(catalogue, indicator, obs) : true;
  if (now.target) {
    figures.push({ kind: 'target', value: now.target.value, sensitive: false });
    if (now.target.tolerance !== undefined)
      figures.push({ kind: 'difference', value: now.target.tolerance, sensitive: false });
  }
  if (indicator.band) {
    for (const bound of indicator.band)
      figures.push({ kind: 'band', value: bound, sensitive: false });
  }
  const benchmarkPeriod = obs?.period ?? period;
  const benchmarks = benchmarkPeriod
    ? benchmarksFor(indicator, benchmarkPeriod, catalogue.comparators)
    : [...indicator.benchmarks];
  // Benchmarks lag: an officer may quote an earlier year's, never a later one's.
  const quotable = indicator.benchmarks.filter(
    (b) => !benchmarkPeriod || b.period.end <= benchmarkPeriod.end || benchmarks.includes(b),
  );
  for (const b of quotable) {
    if (b.value === undefined) continue;
    figures.push({
      kind: 'benchmark',
      value: b.value,
      sensitive: benchmarkSensitive(indicator, b),
      comparator: b.comparator,
    });
  }
  const value = obs && obs.symbol === undefined ? obs.value : undefined;
  if (value !== undefined) {
    const shown = roundHalfUp(value, indicator.decimals);
    const gaps = [
      now.target?.value,
      ...benchmarks.map((b) => b.value),
      ...[now.previous, year.previous].map((p) =>
        p && p.symbol === undefined ? p.value : undefined,
      ),
    ];
    for (const other of gaps) {
      if (other === undefined) continue;
      const difference = Math.abs(shown - roundHalfUp(other, indicator.decimals));
      figures.push({ kind: 'difference', value: difference, sensitive });
      figures.push({ kind: 'difference', value: Math.abs(value - other), sensitive });
      if (other !== 0 && indicator.unit !== 'percent') {
        // "a 12% rise" in a count: the change as a percentage of where it started.
        figures.push({
          kind: 'difference',
          value: (difference / Math.abs(other)) * 100,
          sensitive,
        });
      }
    }
    if (
      indicator.unit === 'percent' &&
      obs?.denominator !== undefined &&
      obs.numerator !== undefined
    ) {
      figures.push({
        kind: 'difference',
        value: obs.denominator - obs.numerator,
        sensitive,
      });
    }
  }
  if (withEarlier) {
    for (const earlier of [now.previous, year.previous]) {
      figures.push(...observationFigures(catalogue, indicator, earlier));
    }
  }
  if (obs && indicator.peers) {
    for (const vs of rankComparators(indicator)) {
      const rank = rankAmong(indicator, obs.period, vs);
      if (!rank.ok) continue;
      figures.push({ kind: 'rank', value: rank.rank, sensitive: false });
      figures.push({ kind: 'rank', value: rank.of, sensitive: false });
    }
  }
  return figures;
}
