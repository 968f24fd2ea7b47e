/**
 * What a trend chart is drawn from. Arrays run alongside `periods` (oldest first), so a
 * missing figure is a hole in its place rather than a shorter list that would shift
 * every later value into the wrong period.
 */
import type {
  BenchmarkValue,
  Indicator,
  Observation,
  Period,
  StatSymbol,
  Target,
} from '../types.js';

export interface BenchmarkSeries {
  readonly comparator: string;
  /** One entry per chart period: the benchmark that stands for it, if any. */
  readonly values: readonly (BenchmarkValue | undefined)[];
  /**
   * Per period: true where no figure covers the period and the latest one published
   * before it is carried forward as a reference line (benchmarks lag local data).
   */
  readonly carried?: readonly boolean[];
}

/** Another indicator of the same unit drawn on the same chart (`::chart{ids=…}`). */
export interface ExtraValueSeries {
  readonly indicator: Indicator;
  /** One entry per period, as `observations`. */
  readonly observations: readonly (Observation | undefined)[];
}

export interface TrendChartInput {
  readonly indicator: Indicator;
  /** The periods on the x axis, oldest first. */
  readonly periods: readonly Period[];
  /** One entry per period; undefined or a symbol leaves a gap in the line. */
  readonly observations: readonly (Observation | undefined)[];
  /** One entry per period; the target line. */
  readonly targets: readonly (Target | undefined)[];
  readonly benchmarks: readonly BenchmarkSeries[];
  /** Legend name of the authority's own figures; `Actual` unless given. */
  readonly valueLabel?: string;
  /** Further indicators' own figures, each a line of its own (`::chart{ids=…}`). */
  readonly extraValues?: readonly ExtraValueSeries[];
}

export type SeriesKind = 'value' | 'target' | 'benchmark';

/** How a series is told apart: colour, and also dash and marker so colour is never the only cue. */
export interface SeriesStyle {
  readonly colour: string;
  /** SVG stroke-dasharray lengths; empty for a solid line. */
  readonly dash: readonly number[];
  /** A Vega symbol shape: a name (`circle`, `square`...) or an SVG path in the unit square. */
  readonly shape: string;
}

/** One figure as the chart plots it and the table prints it. */
export interface ChartPoint {
  readonly period: Period;
  /** The plotted number, already rounded to the indicator's decimals; absent means a gap. */
  readonly value?: number;
  readonly symbol?: StatSymbol;
  /** The period the figure belongs to when it differs from the column (a lagging benchmark). */
  readonly ownPeriod?: Period;
  /** A benchmark carried forward past its own period: the latest published figure. */
  readonly carried?: boolean;
}

export interface ChartSeries {
  /** The legend name, unique within the chart. */
  readonly name: string;
  readonly kind: SeriesKind;
  /** The short label written at the line's end, in place of a legend. */
  readonly label: string;
  /** The indicator the series' own figures belong to (several on a multi-indicator chart). */
  readonly indicator?: Indicator;
  readonly style: SeriesStyle;
  /** One per chart period, in order. */
  readonly points: readonly ChartPoint[];
}
