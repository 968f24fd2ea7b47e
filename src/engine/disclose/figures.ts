/**
 * The figures a document shows, as plain data: what the resolve walk collects from every
 * directive (a sentence's value, a card's value, change and sparkline, a scorecard row,
 * every point of a chart and its table) and what the disclose stage decides on.
 */
import type { Place } from '../directives/context.js';
import type { BenchmarkValue, Observation } from '../types.js';

/** An indicator's observation for one period, shown at `place`. */
export interface ShownObservation {
  readonly kind: 'observation';
  /** The indicator's id (never an alias). */
  readonly indicator: string;
  /** The observation's own period key. */
  readonly period: string;
  readonly place: Place;
}

/** A comparator's benchmark of an indicator for one period, shown at `place`. */
export interface ShownBenchmark {
  readonly kind: 'benchmark';
  readonly indicator: string;
  /** As the data spells it. */
  readonly comparator: string;
  readonly period: string;
  readonly place: Place;
}

export type ShownFigure = ShownObservation | ShownBenchmark;

/** What the disclose stage decided for one figure it suppresses. */
export interface ObservationSuppression {
  /** The observation as published: `c`, no numbers. */
  readonly observation: Observation;
  /** Why, for the author's message (never the numbers themselves). */
  readonly reasons: readonly string[];
  /** Suppressed because another figure would give a small one away, not for itself. */
  readonly complementary?: true;
}

export interface BenchmarkSuppression {
  readonly benchmark: BenchmarkValue;
  readonly reasons: readonly string[];
}

/**
 * The disclose stage's decisions for a whole document: only the figures it suppresses
 * are listed; every other figure is published as it is.
 */
export interface Decisions {
  /** By `observationKey`. */
  readonly observations: ReadonlyMap<string, ObservationSuppression>;
  /** By `benchmarkKey`. */
  readonly benchmarks: ReadonlyMap<string, BenchmarkSuppression>;
}

export const NO_DECISIONS: Decisions = { observations: new Map(), benchmarks: new Map() };

export function observationKey(indicator: string, period: string): string {
  return `${indicator}\u0000${period}`;
}

export function benchmarkKey(indicator: string, comparator: string, period: string): string {
  return `${indicator}\u0000${comparator}\u0000${period}`;
}

export function figureKey(figure: ShownFigure): string {
  return figure.kind === 'observation'
    ? observationKey(figure.indicator, figure.period)
    : benchmarkKey(figure.indicator, figure.comparator, figure.period);
}

/** The decision for a figure, if the disclose stage suppressed it. */
export function suppressionOf(
  decisions: Decisions,
  figure: ShownFigure,
): ObservationSuppression | BenchmarkSuppression | undefined {
  return figure.kind === 'observation'
    ? decisions.observations.get(figureKey(figure))
    : decisions.benchmarks.get(figureKey(figure));
}
