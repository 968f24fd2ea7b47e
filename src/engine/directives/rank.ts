import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { IndicatorFacts } from '../facts.js';
import { RULES } from '../messages.js';
import { periodShortLabel } from '../periods.js';
import { ordinal, quartileWords, rankAmong, type RankResult } from '../semantics/rank.js';
import { symbolWords } from '../semantics/symbols.js';
import type { Place, ResolveContext } from './context.js';
import { recordRank } from './record-figure.js';

export type RankKind = 'rank' | 'quartile';

/**
 * The rank (or quartile) of the figure the facts show, among `vs`. The period ranked is
 * the one the value comes from (an annual DfE figure in a quarterly report), and it is
 * named when it is not the period asked for.
 */
export function rankOf(facts: IndicatorFacts, vs: string): RankResult {
  const { indicator, observation } = facts;
  const period = observation?.period ?? facts.requested;
  if (!period) return { ok: false, reason: `${indicator.id} has no rank: it has no value to rank` };
  if (observation && observation.value === undefined && indicator.peers)
    return {
      ok: false,
      reason: `${indicator.id} has no rank for ${periodShortLabel(period)}: its figure is ${symbolWords(observation.symbol ?? 'x', indicator, { short: true })} (${observation.symbol ?? 'x'})`,
    };
  return rankAmong(indicator, period, vs);
}

/** `59th= of 153 local authorities in England`, `second quartile (B) of 33 London authorities`. */
export function rankWords(result: Extract<RankResult, { ok: true }>, kind: RankKind): string {
  const of = `of ${result.of} ${result.group.words}`;
  if (kind === 'quartile') return `${quartileWords(result.quartile)} ${of}`;
  return `${ordinal(result.rank)}${result.tied ? '=' : ''} ${of}`;
}

/** `:rank` and `:quartile`: the words, or `no rank` with a `no-rank` warning saying why. */
export function rankContent(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  kind: RankKind,
  vs: string,
  place: Place,
): ElementContent[] {
  const result = rankOf(facts, vs);
  if (!result.ok) {
    ctx.report(RULES.noRank, result.reason, place, {
      ...(result.suggestions ? { suggestions: result.suggestions } : {}),
    });
    return [h(`span.sc-${kind}.sc-value--missing`, `no ${kind}`)];
  }
  return [
    recordRank(ctx, facts, [kind], vs, result, h(`span.sc-${kind}`, rankWords(result, kind))),
    ...periodNote(facts),
  ];
}

function periodNote(facts: IndicatorFacts): ElementContent[] {
  const period = facts.observation?.period;
  if (!period || !facts.requested || period.key === facts.requested.key) return [];
  return [{ type: 'text', value: ` (${periodShortLabel(period)})` }];
}

/**
 * A rank and quartile for a scorecard cell or a card line (`rank="London"`): the author
 * asked for the column, so an indicator that cannot be ranked says so in place, and the
 * reason is reported once per directive.
 */
export function rankCell(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  vs: string,
  place: Place,
): Element {
  const result = rankOf(facts, vs);
  if (!result.ok) {
    ctx.report(RULES.noRank, result.reason, place, {
      severity: 'info',
      ...(result.suggestions ? { suggestions: result.suggestions } : {}),
    });
    return h('span.sc-rank.sc-value--missing', 'not ranked');
  }
  return recordRank(
    ctx,
    facts,
    ['rank', 'quartile'],
    vs,
    result,
    h('span.sc-rank', [
      `${ordinal(result.rank)}${result.tied ? '=' : ''} of ${result.of}, ${quartileWords(result.quartile)}`,
      ...periodNote(facts),
    ]),
  );
}

/** The column heading or card term: `Rank among London`. */
export function rankHeading(vs: string): string {
  return `Rank among ${vs.trim()}`;
}
