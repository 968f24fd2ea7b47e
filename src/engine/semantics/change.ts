/**
 * Direction of travel: what moved, by how much, from what and when, and (from the
 * declared polarity only) whether that is better or worse. Worked on the printed
 * (rounded) figures so the words agree with the numbers beside them.
 */
import { periodIn, periodShortLabel, previousPeriod, yearEarlier } from '../periods.js';
import type { Indicator, Observation } from '../types.js';
import { formatAmount, formatDifference, formatNumber } from './format.js';
import { roundHalfUp } from './round.js';
import { symbolWords } from './symbols.js';

/** A rate's difference without its long unit (`1.2`): the value beside it names the unit. */
function shortDifference(indicator: ChangeIndicator, diff: number): string {
  return indicator.unit === 'rate_per_10000'
    ? formatNumber(Math.abs(diff), indicator.decimals)
    : formatDifference(indicator, diff);
}

/** `none`: nothing to compare (no earlier figure, or a symbol on either side). */
export type ChangeDirection = 'up' | 'down' | 'same' | 'none';
export type ChangeJudgement = 'better' | 'worse' | 'no change';
export type CompareWith = 'previous' | 'year';

export interface ChangeResult {
  readonly direction: ChangeDirection;
  readonly judgement?: ChangeJudgement;
  /** `up 4 pp from 63% in Q3 2023/24, better`. */
  readonly text: string;
  /**
   * The same in a scorecard cell's few words, after the arrow: `4 pp, worse`, `no change`,
   * `2` (polarity none), `not comparable`. The direction is in the arrow (and, for
   * assistive technology, in words beside it).
   */
  readonly short: string;
}

type ChangeIndicator = Pick<Indicator, 'unit' | 'decimals' | 'polarity' | 'band'>;

/** A value that can be compared: a number, or a `u` (low reliability) that still has one. */
function comparableValue(obs: Observation): number | undefined {
  if (obs.symbol !== undefined && obs.symbol !== 'u') return undefined;
  return obs.value;
}

function whyNot(indicator: ChangeIndicator, obs: Observation): string {
  const what = obs.symbol ? symbolWords(obs.symbol, indicator, { short: true }) : 'no value';
  return `not comparable: ${periodShortLabel(obs.period)} ${what}`;
}

/** How far outside the band a value lies (0 inside it). */
function distanceFromBand(value: number, band: readonly [number, number]): number {
  const low = Math.min(band[0], band[1]);
  const high = Math.max(band[0], band[1]);
  return value < low ? low - value : value > high ? value - high : 0;
}

/**
 * Band rule: better when the value moved into the band or closer to it, worse when it
 * left the band or moved further away; a move within the band, or to the same
 * distance on its other side, is no judgement at all (the band says both are alike).
 */
function bandJudgement(
  indicator: ChangeIndicator,
  now: number,
  before: number,
): { judgement?: ChangeJudgement; note?: string } {
  if (!indicator.band) return {};
  const dNow = roundHalfUp(distanceFromBand(now, indicator.band), indicator.decimals);
  const dBefore = roundHalfUp(distanceFromBand(before, indicator.band), indicator.decimals);
  if (dNow < dBefore) return { judgement: 'better' };
  if (dNow > dBefore) return { judgement: 'worse' };
  return dNow === 0 ? { note: 'still within the target band' } : {};
}

/**
 * Describes the change from `previous` (the previous period, or the same period a year
 * earlier: `compare` only names what was asked for when `previous` is missing) to
 * `current`. Polarity `higher` / `lower` judge better / worse; `none` gives direction
 * only; `band` as `bandJudgement` says.
 */
export function describeChange(
  indicator: ChangeIndicator,
  current: Observation,
  previous: Observation | undefined,
  compare: CompareWith,
): ChangeResult {
  const now = comparableValue(current);
  if (now === undefined)
    return { direction: 'none', text: whyNot(indicator, current), short: 'not comparable' };
  if (!previous) {
    const wanted =
      compare === 'year' ? yearEarlier(current.period) : previousPeriod(current.period);
    return {
      direction: 'none',
      text: `no figure for ${periodShortLabel(wanted)} to compare with`,
      short: 'no earlier figure',
    };
  }
  const before = comparableValue(previous);
  if (before === undefined)
    return { direction: 'none', text: whyNot(indicator, previous), short: 'not comparable' };

  const places = indicator.decimals;
  const shownNow = roundHalfUp(now, places);
  const shownBefore = roundHalfUp(before, places);
  const diff = roundHalfUp(shownNow - shownBefore, places);
  const from = `from ${formatAmount(indicator, shownBefore)} ${periodIn(previous.period)}`;
  const direction: ChangeDirection = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  const movement =
    direction === 'same'
      ? `no change ${from}`
      : `${direction} ${formatDifference(indicator, diff)} ${from}`;

  let judgement: ChangeJudgement | undefined;
  let note: string | undefined;
  if (indicator.polarity === 'higher' || indicator.polarity === 'lower') {
    const good = indicator.polarity === 'higher' ? 'up' : 'down';
    judgement = direction === 'same' ? 'no change' : direction === good ? 'better' : 'worse';
  } else if (indicator.polarity === 'band') {
    ({ judgement, note } = bandJudgement(indicator, shownNow, shownBefore));
    if (direction === 'same') judgement = 'no change';
  }
  // "no change from 67% ..., no change" says it twice; the judgement stays in the data.
  const suffix =
    judgement && judgement !== 'no change' ? `, ${judgement}` : note ? `, ${note}` : '';
  const text = `${movement}${direction === 'same' ? '' : suffix}`;
  const short =
    direction === 'same'
      ? 'no change'
      : `${shortDifference(indicator, diff)}${judgement && judgement !== 'no change' ? `, ${judgement}` : ''}`;
  return judgement ? { direction, judgement, text, short } : { direction, text, short };
}
