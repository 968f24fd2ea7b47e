import type {
  BenchmarkValue,
  Message,
  Observation,
  Polarity,
  SourcePlace,
  StatSymbol,
  Target,
  Unit,
} from '../types.js';
import type { RowFilter } from './ees/types.js';

/**
 * What one data file contributes before files are merged into the catalogue. Plain data,
 * so a parsed file can be cached and reused while another file changes.
 */

/** An indicator's request to read its figures from a `sources:` entry (EES). */
export interface EesRequest {
  readonly sourceName: string;
  readonly value: string;
  readonly numerator?: string;
  readonly denominator?: string;
  readonly where?: RowFilter;
  readonly numeratorWhere?: RowFilter;
  readonly denominatorWhere?: RowFilter;
  /** A breakdown read from the file: the column holding the categories, and which ones. */
  readonly categoryColumn?: string;
  readonly categories?: readonly string[];
  /** The indicator's `source:` entry. */
  readonly place: SourcePlace;
}

export interface IndicatorDraft {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly title: string;
  readonly definition?: string;
  readonly unit: Unit;
  readonly decimals: number;
  readonly currency?: string;
  readonly polarity: Polarity;
  readonly band?: readonly [number, number];
  readonly countingUnit?: string;
  readonly partOf?: string;
  readonly breakdown?: string;
  readonly tags: readonly string[];
  readonly values: readonly Observation[];
  readonly targets: readonly Target[];
  readonly benchmarks: readonly BenchmarkValue[];
  readonly source: SourcePlace;
  readonly ees?: EesRequest;
}

/** A path written in a file, with where it was written (for missing-file messages). */
export interface PathRef {
  readonly path: string;
  readonly place: SourcePlace;
}

export interface SourceDraft {
  readonly name: string;
  readonly ees: PathRef;
  readonly la: string;
  readonly neighbours?: PathRef;
  readonly neighbourAverage: 'mean' | 'median';
  readonly place: SourcePlace;
}

export interface DataFileContent {
  readonly kind: 'structured';
  readonly file: string;
  readonly indicators: readonly IndicatorDraft[];
  readonly comparators: readonly string[];
  /** As written, valid or not (the catalogue takes the strictest valid one). */
  readonly smallNumberThreshold?: number;
  readonly smallNumberThresholdPlace?: SourcePlace;
  readonly includes: readonly PathRef[];
  readonly sources: readonly SourceDraft[];
  readonly messages: readonly Message[];
}

/** A CSV row aimed at an indicator by id or alias. */
export interface RowFor<T> {
  readonly indicator: string;
  readonly indicatorPlace: SourcePlace;
  readonly item: T;
}

export type CsvKind = 'values' | 'targets' | 'benchmarks';

export interface CsvContent {
  readonly kind: 'csv';
  readonly file: string;
  readonly csvKind?: CsvKind;
  readonly values: readonly RowFor<Observation>[];
  readonly targets: readonly RowFor<Target>[];
  readonly benchmarks: readonly RowFor<BenchmarkValue>[];
  readonly messages: readonly Message[];
}

export type FileContent = DataFileContent | CsvContent;

export const STAT_SYMBOLS: ReadonlySet<string> = new Set<StatSymbol>([
  'c',
  'k',
  'u',
  'x',
  'z',
  'low',
  ':',
]);

export function isStatSymbol(text: string): text is StatSymbol {
  return STAT_SYMBOLS.has(text);
}
