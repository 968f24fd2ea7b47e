import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';
import { periodLabel, periodShortLabel } from '../periods.js';
import { formatAmount, symbolWords } from '../semantics/index.js';
import type { BenchmarkValue, Indicator, Observation } from '../types.js';
import { isWithin, type IndicatorFacts } from '../facts.js';
import type { ResolveContext } from './context.js';

/**
 * One figure as the reader sees it. A symbol is shown as its meaning with the letter
 * beside it, never as a number; a figure suppressed for publication says so.
 */
export function figure(
  ctx: ResolveContext,
  indicator: Indicator,
  datum: Observation | BenchmarkValue | undefined,
): Element {
  if (!datum) return h('span.sc-value.sc-value--missing', 'no value');
  if (datum.symbol !== undefined) {
    ctx.symbolsUsed.add(datum.symbol);
    const suppressed = ctx.suppressedShown.has(datum);
    const classes = ['sc-value', 'sc-symbol', ...(suppressed ? ['sc-suppressed'] : [])];
    return h('span', { className: classes }, [
      symbolWords(datum.symbol, indicator),
      ' (',
      h('abbr', { title: symbolWords(datum.symbol, indicator) }, datum.symbol),
      ')',
    ]);
  }
  if (datum.value === undefined) return h('span.sc-value.sc-value--missing', 'no value');
  return h('span.sc-value', formatAmount(indicator, datum.value));
}

/** The value with, when it is not the period asked for, the period it is from. */
export function figureWithPeriod(ctx: ResolveContext, facts: IndicatorFacts): ElementContent[] {
  const shown = figure(ctx, facts.indicator, facts.observation);
  if (facts.status === 'stale' && facts.observation) {
    return [shown, text(` (${periodShortLabel(facts.observation.period)}, latest available)`)];
  }
  if (facts.status === 'missing' && facts.requested) {
    return [
      h('span.sc-value.sc-value--missing', `no value for ${periodShortLabel(facts.requested)}`),
    ];
  }
  if (facts.observation && facts.requested && isWithin(facts.observation, facts.requested)) {
    return [shown, text(` (${periodLabel(facts.observation.period)})`)];
  }
  return [shown];
}

/** `8% (London, 2022/23)`: a benchmark always carries its own period. */
export function benchmarkText(
  ctx: ResolveContext,
  indicator: Indicator,
  benchmark: BenchmarkValue,
): ElementContent[] {
  return [
    figure(ctx, indicator, benchmark),
    text(` (${benchmark.comparator}, ${periodShortLabel(benchmark.period)})`),
  ];
}

/** Words plus shape; the shape is decoration for sighted readers, the words carry it. */
export function shaped(className: string, shape: string, words: string): Element {
  return h('span', { className: className.split(' ') }, [
    h('span.sc-shape', { ariaHidden: 'true' }, shape),
    ' ',
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
