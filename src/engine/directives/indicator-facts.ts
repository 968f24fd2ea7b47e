import { indicatorFacts } from '../facts.js';
import type { Compare, IndicatorFacts } from '../facts.js';
import { RULES } from '../messages.js';
import { periodShortLabel } from '../periods.js';
import type { Indicator, Period } from '../types.js';
import type { Place, ResolveContext } from './context.js';

/**
 * Facts for a directive, with the problems a reader would otherwise not see reported
 * at the directive: a missing value, a stale one, a figure that does not add up. These
 * are the figures as in the data: what is published is decided for the whole document
 * afterwards (`publishedFacts`). A directive that does not show the value (`:target`)
 * says nothing of it.
 */
export function factsAt(
  ctx: ResolveContext,
  indicator: Indicator,
  period: Period | undefined,
  compare: Compare,
  place: Place,
  showsValue = true,
): IndicatorFacts {
  const facts = indicatorFacts(indicator, period, compare, ctx.catalogue.comparators);
  if (!showsValue) return facts;
  if (facts.status === 'missing') {
    const when = period ? ` for ${periodShortLabel(period)}` : '';
    ctx.report(RULES.noValue, `${indicator.id} has no value${when}`, place);
  } else if (facts.status === 'stale' && facts.observation && period) {
    ctx.report(
      RULES.staleValue,
      `${indicator.id}: the newest value is for ${periodShortLabel(facts.observation.period)}, older than ${periodShortLabel(period)}`,
      place,
    );
  }
  return facts;
}

export function compareOf(attributes: Readonly<Record<string, string>>): Compare {
  return attributes['compare'] === 'year' ? 'year' : 'previous';
}
