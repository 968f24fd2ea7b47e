import type {
  BenchmarkValue,
  Message,
  Observation,
  PeerFigures,
  SourcePlace,
} from '../../types.js';

/** A `sources:` entry of the data file, paths already resolved and allowed. */
export interface EesSourceSpec {
  readonly name: string;
  /** Absolute path of the EES tidy CSV. */
  readonly ees: string;
  /** old_la_code, new_la_code or la_name. */
  readonly la: string;
  /** Absolute path of the statistical-neighbour model CSV, if any. */
  readonly neighbours?: string;
  readonly neighbourAverage: 'mean' | 'median';
  /** The `sources.<name>` entry in the data file, for messages. */
  readonly place: SourcePlace;
}

export type RowFilter = Readonly<Record<string, string>>;

/** What an indicator asks of its source (column names in the EES file). */
export interface EesIndicatorSpec {
  readonly indicatorId: string;
  readonly value: string;
  readonly numerator?: string;
  readonly denominator?: string;
  readonly where?: RowFilter;
  readonly numeratorWhere?: RowFilter;
  readonly denominatorWhere?: RowFilter;
  /** A breakdown: the column holding the categories, and which ones (default all). */
  readonly categoryColumn?: string;
  readonly categories?: readonly string[];
  /** The indicator's `source:` line in the data file, for messages. */
  readonly place: SourcePlace;
}

export interface EesSeries {
  /** Every indicator's values, in the order the indicators were given. */
  readonly values: readonly Observation[];
  readonly benchmarks: readonly BenchmarkValue[];
  /**
   * The same figures by indicator id (added: Observation carries no indicator id, so a
   * call with several indicators needs this to tell their figures apart).
   */
  readonly byIndicator: ReadonlyMap<string, EesIndicatorSeries>;
  readonly messages: readonly Message[];
  /** Files read (absolute), for watching. */
  readonly files: readonly string[];
}

/** One indicator's share of an import. */
export interface EesIndicatorSeries {
  readonly values: readonly Observation[];
  readonly benchmarks: readonly BenchmarkValue[];
  /** Every authority's figures, for ranks and quartiles. */
  readonly peers?: PeerFigures;
}
