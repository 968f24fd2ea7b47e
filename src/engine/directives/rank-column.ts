/**
 * `rank="London"` on `::scorecard` and `::indicator`: a rank-and-quartile column or card
 * line. Kept apart from the scorecard and card builders, which call these in one line.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { IndicatorFacts } from '../facts.js';
import type { Place, ResolveContext } from './context.js';
import { rankCell, rankHeading } from './rank.js';
import { splitList } from './lookup.js';

/** The groups asked for: `rank="London"`, or several, `rank="England,London"`. */
function groups(attributes: Readonly<Record<string, string>>): string[] {
  return splitList(attributes['rank']);
}

export function rankHeadings(attributes: Readonly<Record<string, string>>): string[] {
  return groups(attributes).map(rankHeading);
}

export function rankCells(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  attributes: Readonly<Record<string, string>>,
  place: Place,
): Element[] {
  return groups(attributes).map((vs) => h('td', [rankCell(ctx, facts, vs, place)]));
}

export function rankCardLines(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  attributes: Readonly<Record<string, string>>,
  place: Place,
): Element[] {
  return groups(attributes).map((vs) =>
    h('div', [h('dt', rankHeading(vs)), h('dd', [rankCell(ctx, facts, vs, place)])]),
  );
}
