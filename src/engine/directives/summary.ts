import type { Element } from 'hast';
import { h } from 'hastscript';
import type { IndicatorFacts } from '../facts.js';
import { periodShortLabel } from '../periods.js';
import type { Period } from '../types.js';
import type { Place, ResolveContext } from './context.js';
import { compareOf, factsAt } from './indicator-facts.js';
import { publishedFacts, recordFacts } from './disclosure-gate.js';
import { scorecardIndicators } from './scorecard.js';

interface Tally {
  readonly key: string;
  readonly shape: string;
  readonly word: string;
  readonly count: number;
}

/**
 * `::summary{ids=… | tag=…}`: the one-glance line a committee reads first. Each count
 * has its word and its shape (`▼ 4 Red`), never colour alone, and every status is
 * counted even at 0, so "no Red" is said rather than left to be inferred.
 */
export function summaryBlock(
  ctx: ResolveContext,
  attributes: Readonly<Record<string, string>>,
  period: Period | undefined,
  place: Place,
): () => Element {
  const indicators = scorecardIndicators(ctx, attributes, place);
  const compare = compareOf(attributes);
  const resolved = indicators.map((indicator) => factsAt(ctx, indicator, period, compare, place));
  // Statuses and directions are read from the figures, so they count as showing them: a
  // status is told only of a figure that is published.
  for (const facts of resolved) {
    recordFacts(ctx, facts, { value: true, change: true, benchmarks: [] }, place);
  }
  const titleId = ctx.nextId('sc-summary');
  return () => {
    const shown = resolved.map((facts) => publishedFacts(ctx, facts, compare));
    const summary = summaryOf(shown, compare, period, titleId);
    return summary;
  };
}

function summaryOf(
  facts: readonly IndicatorFacts[],
  compare: ReturnType<typeof compareOf>,
  period: Period | undefined,
  titleId: string,
): Element {
  const periods = new Set(facts.map((f) => f.observation?.period.key ?? ''));
  const shown = periods.size === 1 ? facts[0]?.observation?.period : period;
  const title = `Summary of ${facts.length} ${facts.length === 1 ? 'indicator' : 'indicators'}${shown ? `, ${periodShortLabel(shown)}` : ''}`;
  const statuses = ragTallies(facts);
  const changes = changeTallies(facts, compare);
  return h('section.sc-summary', { ariaLabelledBy: titleId }, [
    h('p.sc-summary__title', { id: titleId }, title),
    list('Status', 'sc-summary__status', statuses),
    list(
      compare === 'year' ? 'Change on a year earlier' : 'Change on the previous period',
      'sc-summary__change',
      changes,
    ),
  ]);
}

function list(label: string, className: string, tallies: readonly Tally[]): Element {
  return h('div', { className: ['sc-summary__group', className] }, [
    h('span.sc-summary__label', `${label}:`),
    ' ',
    h(
      'ul.sc-summary__list',
      tallies.map((tally) =>
        h('li', { className: ['sc-summary__item', `sc-summary__item--${tally.key}`] }, [
          h('span.sc-shape', { ariaHidden: 'true' }, tally.shape),
          `\u00a0${tally.count}\u00a0${tally.word}`,
        ]),
      ),
    ),
  ]);
}

/** Green, Amber, Red and not rated (polarity none, no target or no value), in that order. */
export function ragTallies(facts: readonly IndicatorFacts[]): Tally[] {
  const count = (status: string | undefined): number =>
    facts.filter((f) => (f.indicator.polarity === 'none' ? undefined : f.rag?.status) === status)
      .length;
  return [
    { key: 'red', shape: '▼', word: 'Red', count: count('red') },
    { key: 'amber', shape: '●', word: 'Amber', count: count('amber') },
    { key: 'green', shape: '▲', word: 'Green', count: count('green') },
    { key: 'none', shape: '○', word: 'not rated', count: count(undefined) },
  ];
}

/**
 * Better, worse and no change come from each indicator's polarity; an indicator with
 * none, or with nothing to compare with, is counted as "not judged" when there is one.
 */
export function changeTallies(
  facts: readonly IndicatorFacts[],
  compare: 'previous' | 'year',
): Tally[] {
  const count = (judgement: string | undefined): number =>
    facts.filter((f) => f.change?.judgement === judgement).length;
  const unjudged = count(undefined);
  const since = compare === 'year' ? 'on a year earlier' : '';
  return [
    {
      key: 'better',
      shape: '+',
      word: since ? `better ${since}` : 'better',
      count: count('better'),
    },
    { key: 'worse', shape: '−', word: since ? `worse ${since}` : 'worse', count: count('worse') },
    { key: 'same', shape: '=', word: 'no change', count: count('no change') },
    ...(unjudged > 0 ? [{ key: 'unjudged', shape: '–', word: 'not judged', count: unjudged }] : []),
  ];
}
