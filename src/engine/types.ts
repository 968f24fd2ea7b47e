/**
 * The data model shared by every stage of the engine. Plain data only: no classes,
 * so catalogues can be cached, compared and passed to the extension as they are.
 */

/** Where a datum was written: a data file (YAML, JSON, CSV, EES) or a report, 1-based. */
export interface SourcePlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'date';

/**
 * A reporting period. `key` is the canonical written form (`2023/24 Q4`, `2024-05`,
 * `2024-03-31`) and is what values, targets and benchmarks are matched on.
 */
export interface Period {
  readonly kind: PeriodKind;
  readonly key: string;
  /** First day, ISO `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day, ISO `YYYY-MM-DD`. */
  readonly end: string;
  /** The financial year the period falls in, by the year it starts (2023 for 2023/24). */
  readonly fiscalYear: number;
}

export type Unit = 'percent' | 'count' | 'rate_per_10000' | 'days' | 'number' | 'currency';
export type Polarity = 'higher' | 'lower' | 'band' | 'none';

/** DfE / EES symbols that stand in place of a number. */
export type StatSymbol = 'c' | 'k' | 'u' | 'x' | 'z' | 'low' | ':';

export interface Observation {
  readonly period: Period;
  readonly value?: number;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly symbol?: StatSymbol;
  readonly note?: string;
  /** For a breakdown indicator: the category this value is for. */
  readonly category?: string;
  readonly source: SourcePlace;
}

/** One authority's published figure in a period, for ranks and quartiles. */
export interface PeerFigure {
  /** old_la_code (`309`). */
  readonly code: string;
  readonly name: string;
  /** Its region for ranking: London boroughs' Inner/Outer sub-region is London (E12000007). */
  readonly regionCode: string;
  readonly value?: number;
  readonly symbol?: StatSymbol;
  readonly source: SourcePlace;
}

/**
 * Every authority's figures of a published-statistics (EES) indicator, so the authority
 * can be ranked among England, its region or its statistical neighbours.
 */
export interface PeerFigures {
  /** The authority's own old_la_code and name. */
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
  /** `London`, `North West`: what `vs=` names for the region. */
  readonly regionName: string;
  /** The ten statistical neighbours' old_la_codes, when the source names a neighbours file. */
  readonly neighbours?: readonly string[];
  /** By period key, every authority with a row for that period. */
  readonly byPeriod: ReadonlyMap<string, readonly PeerFigure[]>;
}

export interface Target {
  readonly period: Period;
  readonly value: number;
  /** Amber when within this distance of the target (in the indicator's unit). */
  readonly tolerance?: number;
  readonly source: SourcePlace;
}

export interface BenchmarkValue {
  readonly comparator: string;
  readonly period: Period;
  readonly value?: number;
  readonly symbol?: StatSymbol;
  /** How the figure was derived, e.g. "mean of 9 of 10 statistical neighbours". */
  readonly note?: string;
  readonly source: SourcePlace;
}

export interface Indicator {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly title: string;
  readonly definition?: string;
  readonly unit: Unit;
  readonly decimals: number;
  /** ISO 4217 code for unit `currency` (default GBP): `£7,214`. */
  readonly currency?: string;
  readonly polarity: Polarity;
  /** The good range, for polarity `band`. */
  readonly band?: readonly [number, number];
  /** What one counts: children, assessments, incidents... */
  readonly countingUnit?: string;
  /**
   * The id of the count this one is a part of (a breakdown of a total). A scorecard that
   * shows both suppresses a second part when one is suppressed, since the total minus
   * the others would reveal it.
   */
  readonly partOf?: string;
  readonly tags: readonly string[];
  /** For a breakdown indicator: the name of the dimension (`category of need`). */
  readonly breakdown?: string;
  /** Its categories in the order first written. */
  readonly categories?: readonly string[];
  /** Its per-category values (each with `category`), sorted oldest first. */
  readonly breakdownValues?: readonly Observation[];
  /** Every authority's figures, for an indicator read from a published-statistics source. */
  readonly peers?: PeerFigures;
  /** Sorted oldest first. */
  readonly values: readonly Observation[];
  readonly targets: readonly Target[];
  readonly benchmarks: readonly BenchmarkValue[];
  /** The indicator's own entry in its data file, for go-to-definition. */
  readonly source: SourcePlace;
}

export interface Catalogue {
  /** Indicators by id. */
  readonly indicators: ReadonlyMap<string, Indicator>;
  /** Alias or id (upper-cased) to the indicator's id. */
  readonly lookup: ReadonlyMap<string, string>;
  /** Display order of comparators (declared order first, then first seen). */
  readonly comparators: readonly string[];
  /** Counts from 1 to this number are small numbers (disclosure control). */
  readonly smallNumberThreshold: number;
  /** Every file read to build the catalogue (absolute paths), for watching. */
  readonly files: readonly string[];
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found anywhere on the way; faces only translate these. */
export interface Message {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly reason: string;
  /** Absolute path of the file the problem is in (report or data file). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Replacement texts offered as quick fixes (e.g. nearest ids, `{id=OP148}`). */
  readonly suggestions?: readonly string[];
}
