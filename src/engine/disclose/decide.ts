/**
 * The disclose stage: every figure the document shows, decided at once. A figure hidden
 * in one place and shown in another is no secret, and a total with all but one of its
 * parts gives the last one away wherever they are printed, so suppression is decided for
 * the whole document and applied everywhere alike. A pure function of plain data.
 */
import { findCategoryIndicator } from '../breakdown-categories.js';
import { applyDisclosureControl, isSmallPrinted } from '../semantics/disclosure.js';
import type { BenchmarkValue, Catalogue, Indicator, Observation } from '../types.js';
import { complementarySuppression, inPartsFamily } from './parts.js';
import type {
  BenchmarkSuppression,
  Decisions,
  ObservationSuppression,
  ShownFigure,
} from './figures.js';
import { benchmarkKey, observationKey } from './figures.js';

export interface DiscloseInput {
  readonly figures: readonly ShownFigure[];
  readonly catalogue: Pick<Catalogue, 'indicators' | 'lookup'>;
  /** Counts from 1 to this number, as printed, are small. */
  readonly threshold: number;
}

/** An indicator's observations by period key, built once per indicator per call. */
export class ObservationIndex {
  private readonly byIndicator = new Map<string, Map<string, Observation>>();
  constructor(readonly catalogue: Pick<Catalogue, 'indicators' | 'lookup'>) {}

  indicator(id: string): Indicator | undefined {
    return this.catalogue.indicators.get(id) ?? findCategoryIndicator(this.catalogue, id);
  }

  observation(id: string, period: string): Observation | undefined {
    const values = this.indicator(id)?.values ?? [];
    // Most indicators hold a few periods: a scan costs less than a map for each.
    if (values.length <= 16) return values.find((v) => v.period.key === period);
    let periods = this.byIndicator.get(id);
    if (!periods) {
      periods = new Map(values.map((v) => [v.period.key, v]));
      this.byIndicator.set(id, periods);
    }
    return periods.get(period);
  }
}

/** Primary, benchmark and complementary suppression over the document's figures. */
export function discloseFigures(input: DiscloseInput): Decisions {
  const index = new ObservationIndex(input.catalogue);
  const observations = new Map<string, ObservationSuppression>();
  const benchmarks = new Map<string, BenchmarkSuppression>();
  const shown = new Set<string>();
  for (const figure of input.figures) {
    const indicator = index.indicator(figure.indicator);
    if (!indicator) continue;
    if (figure.kind === 'benchmark') {
      const key = benchmarkKey(figure.indicator, figure.comparator, figure.period);
      if (benchmarks.has(key)) continue;
      const found = indicator.benchmarks.find(
        (b) => b.comparator === figure.comparator && b.period.key === figure.period,
      );
      const decided = found && benchmarkSuppression(indicator, found, input.threshold);
      if (decided) benchmarks.set(key, decided);
      continue;
    }
    const key = observationKey(figure.indicator, figure.period);
    if (shown.has(key)) continue;
    shown.add(key);
    const observation = index.observation(figure.indicator, figure.period);
    if (!observation) continue;
    const result = applyDisclosureControl(indicator, observation, input.threshold);
    if (result.reasons.length > 0) {
      observations.set(key, { observation: result.observation, reasons: result.reasons });
    }
  }
  complementarySuppression({ index, shown, suppressed: observations, threshold: input.threshold });
  return { observations, benchmarks };
}

/** A benchmark of a count from 1 to the threshold names as few children as a local one. */
function benchmarkSuppression(
  indicator: Indicator,
  benchmark: BenchmarkValue,
  threshold: number,
): BenchmarkSuppression | undefined {
  const printed = benchmark.symbol === undefined || benchmark.symbol === 'u';
  if (indicator.unit !== 'count' || !printed) return undefined;
  if (!isSmallPrinted(benchmark.value, indicator.decimals, threshold)) return undefined;
  return {
    benchmark: {
      comparator: benchmark.comparator,
      period: benchmark.period,
      symbol: 'c',
      source: benchmark.source,
      ...(benchmark.note !== undefined ? { note: benchmark.note } : {}),
    },
    reasons: [`the ${benchmark.comparator} count is a small number (1 to ${threshold}) as printed`],
  };
}

/**
 * True when no decision of the disclose stage can touch these figures, whatever else the
 * document shows: none is suppressed for itself, and the indicator is in no family of
 * totals and parts (the only way another figure makes one disclosive). A chart of such
 * figures can be drawn before the decisions are made, as its published figures are its
 * data's.
 */
export function cannotBeSuppressed(
  input: Omit<DiscloseInput, 'figures'>,
  indicator: Indicator,
  observations: readonly (Observation | undefined)[],
  benchmarks: readonly (BenchmarkValue | undefined)[],
): boolean {
  if (inPartsFamily(input.catalogue, indicator.id)) return false;
  return (
    observations.every(
      (observation) =>
        !observation ||
        applyDisclosureControl(indicator, observation, input.threshold).reasons.length === 0,
    ) &&
    benchmarks.every(
      (benchmark) => !benchmark || !benchmarkSuppression(indicator, benchmark, input.threshold),
    )
  );
}
