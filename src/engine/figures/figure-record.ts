/**
 * One figure as the report prints it, at one place: the data team's sign-off list
 * (`scorecard figures`), what an export carries for `scorecard diff`, and what the
 * narrative-claim rule reads. Plain data, JSON as it is.
 */

/** What a figure is of an indicator (../shared/docs/dsl.md, "Figures are data"). */
export type FigureKind = 'value' | 'target' | 'rag' | 'change' | 'benchmark' | 'rank' | 'quartile';

export const FIGURE_KINDS: readonly FigureKind[] = [
  'value',
  'target',
  'rag',
  'change',
  'benchmark',
  'rank',
  'quartile',
];

/** A record's fields before its source and place, in the order every listing gives them. */
export const FIGURE_FIELDS = [
  'indicator',
  'period',
  'kind',
  'comparator',
  'category',
  'text',
  'value',
  'numerator',
  'denominator',
  'state',
  'suppressed',
] as const;

export interface FigureRecord {
  /** The indicator's id (never an alias). */
  readonly indicator: string;
  /** The period the figure is for, as labelled in the report (`2023/24`, `2024/25 Q2`). */
  readonly period: string;
  readonly kind: FigureKind;
  /**
   * Benchmarks, ranks and quartiles: who the figure compares with, as the data spells it
   * (`England`, `Statistical neighbours`); absent for the indicator's own figures.
   */
  readonly comparator?: string;
  /** A breakdown's category (`Male`, `Under 1`), when the figure is one category's. */
  readonly category?: string;
  /**
   * Exactly as printed (`67%`, `[c]`, `▼ Red`, `↓ 4 pp, worse`, `59th= of 153`): the text of
   * the element the page shows, without words only screen readers get, no-break spaces
   * read as spaces.
   */
  readonly text: string;
  /**
   * The number behind the text, rounded as printed (an export carries no more precision
   * than it publishes); null when there is none (a status, a band, a summary's count) or
   * it is suppressed.
   */
  readonly value: number | null;
  /**
   * The counts printed beside the value (`120 of 207 care leavers` on a card), when they
   * are: numbers the data team signs off too. Never beside a suppressed value.
   */
  readonly numerator?: number;
  readonly denominator?: number;
  /**
   * For `rag` the status (`red`, `amber`, `green`), for `change` the direction of travel
   * (`improved`, `worsened`, `unchanged`, or `up`/`down`/`same` where the indicator has no
   * polarity), for `quartile` the quartile band; absent otherwise or when suppressed.
   */
  readonly state?: string;
  /** True when the published figure is suppressed (at source or by the disclose stage). */
  readonly suppressed: boolean;
  /** Where the number came from: the data file (absolute in memory, as given in output) and line. */
  readonly source: { readonly file: string; readonly line: number } | null;
  /** Where the report shows it (1-based). */
  readonly place: { readonly file: string; readonly line: number; readonly column: number };
}

/**
 * One figure without its place: what `scorecard diff` compares. Two records of the same
 * figure shown in two places share a key.
 */
export function figureIdentity(record: FigureRecord): string {
  return [
    record.indicator,
    record.period,
    record.kind,
    record.comparator ?? '',
    record.category ?? '',
  ].join('\u0000');
}
