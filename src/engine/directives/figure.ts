import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';
import { periodLabel, periodShortLabel } from '../periods.js';
import {
  formatAmount,
  formatAmountWithUnit,
  formatNumber,
  symbolWords,
} from '../semantics/index.js';
import type { BenchmarkValue, Indicator, Observation, Period, StatSymbol } from '../types.js';
import { isWithin, type IndicatorFacts } from '../facts.js';
import type { ResolveContext } from './context.js';
import type { PrintedCounts } from '../figures/figure-log.js';
import { recordDatum } from './record-figure.js';

/** Where a figure stands decides how a symbol in its place reads. */
export type FigurePlace = 'prose' | 'table' | 'card';

export interface FigureOptions {
  /** In a sentence, symbols read as English; in a table or card, as `[c]` (see the legend). */
  readonly place?: FigurePlace;
  /** Print the counting unit beside the number (`11 children`). */
  readonly unit?: boolean;
  /**
   * The number without a long unit (`51.5` for a rate, `414` for days; `%` stays), for
   * a comparator column beside a value that already says its unit.
   */
  readonly bare?: boolean;
  /** The counts printed beside the figure (a card's `120 of 207`), for its record. */
  readonly counts?: PrintedCounts | undefined;
}

/**
 * One figure as the reader sees it. A symbol is never shown as a number: in a sentence
 * it reads as English ("a suppressed number of children"), in a table or on a card as
 * its letter in brackets, explained in the document's legend.
 */
export function figure(
  ctx: ResolveContext,
  indicator: Indicator,
  datum: Observation | BenchmarkValue | undefined,
  options: Readonly<FigureOptions> = {},
): Element {
  if (!datum) return h('span.sc-value.sc-value--missing', 'no value');
  if (datum.symbol !== undefined) {
    ctx.symbolsUsed.add(datum.symbol);
    const suppressed = ctx.suppressedShown.has(datum);
    const classes = ['sc-value', 'sc-symbol', ...(suppressed ? ['sc-suppressed'] : [])];
    const meaning = symbolWords(datum.symbol, indicator);
    const mark = h('abbr', { title: meaning }, `[${datum.symbol}]`);
    if ((options.place ?? 'prose') !== 'prose')
      return recordDatum(
        ctx,
        indicator,
        datum,
        h('span', { className: classes }, [mark]),
        options.counts,
      );
    return recordDatum(
      ctx,
      indicator,
      datum,
      h('span', { className: classes }, proseSymbol(indicator, datum.symbol, options)),
      options.counts,
    );
  }
  if (datum.value === undefined) return h('span.sc-value.sc-value--missing', 'no value');
  const amount = options.unit
    ? formatAmountWithUnit(indicator, datum.value)
    : options.bare && (indicator.unit === 'rate_per_10000' || indicator.unit === 'days')
      ? formatNumber(datum.value, indicator.decimals)
      : formatAmount(indicator, datum.value);
  // A table column is narrow: a long unit may wrap there, after its number.
  return recordDatum(
    ctx,
    indicator,
    datum,
    h('span.sc-value', options.place === 'table' ? cellBreaks(amount) : noBreak(amount)),
    options.counts,
  );
}

/**
 * A symbol in a sentence, as English: `a suppressed number of children`. Which figures
 * are suppressed, and why, the legend says once for the whole document.
 */
function proseSymbol(
  indicator: Indicator,
  symbol: StatSymbol,
  options: Readonly<FigureOptions>,
): ElementContent[] {
  if (symbol !== 'c') {
    const words = symbolWords(symbol, indicator);
    return [text(`${words} `), h('abbr', { title: words }, `[${symbol}]`)];
  }
  const counted = indicator.countingUnit?.trim();
  const isCount = indicator.unit === 'count' || indicator.unit === 'number';
  const wording = isCount ? 'a suppressed number' : 'a suppressed figure';
  const ofUnit = options.unit && isCount && counted ? ` of ${counted}` : '';
  return [text(`${wording}${ofUnit}`)];
}

/**
 * `52.3 per 10,000 children` may wrap in a narrow cell, but never leaves the number or
 * the last word alone: `52.3 per` / `10,000 children`.
 */
export function cellBreaks(words: string): string {
  const parts = words.split(' ');
  if (parts.length <= 2) return parts.join('\u00a0');
  if (parts.length === 3) return `${parts[0]!} ${parts[1]!}\u00a0${parts[2]!}`;
  const middle = parts.slice(2, -1).join(' ');
  return `${parts[0]!}\u00a0${parts[1]!} ${middle}\u00a0${parts.at(-1)!}`;
}

/**
 * Joins a figure's parts with no-break spaces, so `11 children` or `52.3 per 10,000
 * children` never splits over a line (a sentence still wraps around it).
 */
export function noBreak(words: string): string {
  return words.replace(/ /g, '\u00a0');
}

/** The value with, when it is not the period asked for, the period it is from. */
export function figureWithPeriod(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  options: Readonly<FigureOptions> = {},
): ElementContent[] {
  const shown = figure(ctx, facts.indicator, facts.observation, options);
  if (facts.status === 'stale' && facts.observation) {
    return [shown, text(` (${periodShortLabel(facts.observation.period)}, latest available)`)];
  }
  if (facts.status === 'missing' && facts.requested) {
    return [
      h('span.sc-value.sc-value--missing', `no value for ${periodShortLabel(facts.requested)}`),
    ];
  }
  const { observation, requested } = facts;
  if (observation && requested && isOtherPeriod(observation, requested)) {
    // `(March 2024)`, `(at 31 March 2024)`; a quarter or year by its short name.
    const fine = observation.period.kind === 'month' || observation.period.kind === 'date';
    const label = fine ? periodLabel(observation.period) : periodShortLabel(observation.period);
    return [shown, text(` (${label})`)];
  }
  return [shown];
}

/**
 * Whether the figure shown is another period's than the one asked for, in a way the
 * reader must be told: a month's figure standing for its quarter, or a quarter's or
 * year's answering for its last month or day (`period=2024-03` on quarterly data). A
 * year's figure in a quarter's report is the indicator's own rhythm, said by its card
 * and the scorecard's caption.
 */
function isOtherPeriod(observation: Observation, requested: Period): boolean {
  return (
    isWithin(observation, requested) ||
    ((requested.kind === 'month' || requested.kind === 'date') &&
      observation.period.key !== requested.key)
  );
}

/** `8% (London, 2022/23)`: a benchmark always carries its own period. */
export function benchmarkText(
  ctx: ResolveContext,
  indicator: Indicator,
  benchmark: BenchmarkValue,
): ElementContent[] {
  return [
    figure(ctx, indicator, benchmark),
    text(` (${benchmark.comparator}, ${noBreak(periodShortLabel(benchmark.period))})`),
  ];
}

/**
 * Words plus shape; the shape is decoration for sighted readers, the words carry it.
 * A no-break space ties the shape to its first word, so neither is left at a line end.
 */
export function shaped(className: string, shape: string, words: string): Element {
  return h('span', { className: className.split(' ') }, [
    h('span.sc-shape', { ariaHidden: 'true' }, shape),
    '\u00a0',
    words,
  ]);
}

/** An inline marker in place of something that could not be resolved. */
export function problemMarker(ruleId: string, reason: string): Element {
  return h('span.sc-problem', { role: 'note' }, [
    h('span.sc-shape', { ariaHidden: 'true' }, '⚠'),
    ` ${reason} (${ruleId})`,
  ]);
}

/** A hast text node, for content that is built outside hastscript calls. */
export function text(value: string): Text {
  return { type: 'text', value };
}
