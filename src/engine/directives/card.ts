import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Child } from 'hastscript';
import type { IndicatorFacts } from '../facts.js';
import { periodLabel, periodShortLabel, periodsEndingAt } from '../periods.js';
import {
  countingUnitFor,
  formatAmount,
  formatNumber,
  roundHalfUp,
  symbolWords,
} from '../semantics/index.js';
import { sparklineSvg } from '../charts/index.js';
import type { BenchmarkValue, Observation, Period } from '../types.js';
import type { PrintedCounts } from '../figures/figure-log.js';
import type { Place, ResolveContext } from './context.js';
import { published } from './disclosure-gate.js';
import { benchmarkText, figureWithPeriod } from './figure.js';
import { changeText, ragText, targetText } from './inline.js';
import { splitList } from './lookup.js';
import { rankCardLines } from './rank-column.js';

/**
 * A figure card: what the committee asked for in one place — value with its counting
 * unit, target and status, direction of travel, benchmarks with their own periods, and
 * the trend. `commentary` is the author's narrative (container form), already sanitized.
 */
export function indicatorCard(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  attributes: Readonly<Record<string, string>>,
  place: Place,
  commentary: ElementContent[] | undefined,
): Element {
  const { indicator, observation } = facts;
  const titleId = ctx.nextId('sc-card', [indicator.id]);
  const period = observation?.period ?? facts.requested;
  // Built in reading order, so the figure list is too: the headline, then the lines below.
  const headline = figureWithPeriod(ctx, facts, {
    place: 'card',
    counts: printedCounts(observation),
  });
  const meta: Element[] = [
    row('Target', [
      targetText(ctx, facts, place),
      facts.target ? ` (${periodShortLabel(facts.target.period)})` : '',
    ]),
    row('Status', [ragText(ctx, facts, place)]),
    row('Change', [changeText(ctx, facts)]),
    ...selectBenchmarks(facts.benchmarks, attributes['benchmarks']).map((b) =>
      row(b.comparator, [
        ...benchmarkText(ctx, indicator, b),
        ...(b.note ? [h('span.sc-note', ` — ${b.note}`)] : []),
      ]),
    ),
    ...rankCardLines(ctx, facts, attributes, place),
  ];
  return h(
    'section',
    { className: ['sc-card', `sc-card--${facts.rag?.status ?? 'none'}`], ariaLabelledBy: titleId },
    [
      h('h3.sc-card__title', { id: titleId }, [
        h('span.sc-card__id', indicator.id),
        ' ',
        indicator.title,
      ]),
      h('p.sc-card__figure', [
        ...headline,
        headlineUnit(facts),
        period ? h('span.sc-card__period', ` ${periodLabel(period)}`) : undefined,
      ]),
      countingLine(facts),
      indicator.definition ? h('p.sc-card__definition', indicator.definition) : undefined,
      h('dl.sc-card__meta', meta),
      trend(ctx, facts),
      ...(commentary && commentary.length > 0 ? [h('div.sc-card__commentary', commentary)] : []),
    ],
  );
}

/**
 * What the big figure counts, beside it and smaller: `11 children`, `58% of care
 * leavers`; for a symbol, what it means in a word or two (`[c] suppressed`).
 */
function headlineUnit(facts: IndicatorFacts): Element | undefined {
  const { indicator, observation } = facts;
  if (!observation || facts.status === 'missing') return undefined;
  if (observation.symbol !== undefined && observation.value === undefined) {
    return h(
      'span.sc-card__unit',
      ` ${symbolWords(observation.symbol, indicator, { short: true })}`,
    );
  }
  const counted = indicator.countingUnit?.trim();
  if (!counted || observation.value === undefined) return undefined;
  if (indicator.unit === 'count' || indicator.unit === 'number') {
    return h(
      'span.sc-card__unit',
      ` ${countingUnitFor(counted, roundHalfUp(observation.value, indicator.decimals))}`,
    );
  }
  if (indicator.unit === 'percent') return h('span.sc-card__unit', ` of ${counted}`);
  return undefined;
}

/** "Counting unit: care leavers — 120 of 207": members asked what a figure counts. */
function countingLine(facts: IndicatorFacts): Element | undefined {
  const { indicator, observation } = facts;
  const parts: string[] = [];
  if (indicator.countingUnit) parts.push(`Counting unit: ${indicator.countingUnit}`);
  const counts = printedCounts(observation);
  if (counts) {
    parts.push(
      `${formatNumber(counts.numerator, 0)} of ${formatNumber(counts.denominator, 0)}${indicator.countingUnit ? ` ${indicator.countingUnit}` : ''}`,
    );
  }
  return parts.length > 0 ? h('p.sc-card__unit', parts.join(' — ')) : undefined;
}

/**
 * The numerator and denominator a card prints beside its value: only beside a printed
 * value ("50 of 100" beside "suppressed" gives it away).
 */
function printedCounts(observation: Observation | undefined): PrintedCounts | undefined {
  const printed = observation?.symbol === undefined || observation.symbol === 'u';
  if (!printed || observation?.numerator === undefined || observation.denominator === undefined)
    return undefined;
  // Whole, as printed: a record carries no more precision than the page.
  return {
    numerator: roundHalfUp(observation.numerator, 0),
    denominator: roundHalfUp(observation.denominator, 0),
  };
}

/** The periods and observations of the card's sparkline (the figures its description quotes). */
export function sparkObservations(facts: IndicatorFacts): {
  readonly periods: readonly Period[];
  readonly observations: readonly (Observation | undefined)[];
} {
  const end = facts.observation?.period;
  if (!end) return { periods: [], observations: [] };
  const byKey = new Map(facts.indicator.values.map((v) => [v.period.key, v]));
  const periods = periodsEndingAt(end, 8).filter((p) => byKey.has(p.key) || p.key === end.key);
  return { periods, observations: periods.map((p) => byKey.get(p.key)) };
}

function trend(ctx: ResolveContext, facts: IndicatorFacts): Element | undefined {
  const { periods, observations } = sparkObservations(facts);
  const shown = observations.map(
    (observation) => observation && published(ctx, facts.indicator, observation),
  );
  const values = shown.map((observation) =>
    observation?.symbol === undefined || observation.symbol === 'u'
      ? observation?.value
      : undefined,
  );
  if (values.filter((v) => v !== undefined).length < 2) return undefined;
  return h('div.sc-card__spark', [
    sparklineSvg(values, {
      symbols: shown.map((observation) => observation?.symbol),
      labels: periods.map(periodShortLabel),
      format: (value: number) => formatAmount(facts.indicator, value),
    }),
  ]);
}

function row(term: string, details: Child[]): Element {
  return h('div', [h('dt', term), h('dd', {}, ...details)]);
}

/** The comparators named by `benchmarks=`, or all of them in the catalogue's order. */
export function selectBenchmarks(
  benchmarks: readonly BenchmarkValue[],
  wanted: string | undefined,
): BenchmarkValue[] {
  const names = splitList(wanted).map((name) => name.toLowerCase());
  if (names.length === 0) return [...benchmarks];
  return names.flatMap((name) => benchmarks.filter((b) => b.comparator.toLowerCase() === name));
}
