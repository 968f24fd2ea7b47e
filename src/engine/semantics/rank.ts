/**
 * Rank and quartile of the authority among a comparator group, as DfE's Local Authority
 * Interactive Tool (LAIT) computes them:
 * - rank: best first by polarity (highest first for `higher`, lowest first for `lower`);
 *   authorities with the same figure share the best rank among them (R's
 *   `rank(ties.method = "min")`), shown `59th=`; authorities with a symbol (`c`, `x`...)
 *   or no row are not ranked and not counted;
 * - quartile: the group's figures are cut at their 25th, 50th and 75th percentiles
 *   (R's `quantile()`, type 7: linear interpolation between order statistics, so
 *   groups whose size is not a multiple of 4 need no special case, and tied figures
 *   always share a band); A is the best quarter by polarity. For `lower`, A is up to
 *   and including the 25th percentile, B up to the 50th, C up to the 75th, D above.
 *   For `higher`, A is above the 75th percentile, B above the 50th, C above the 25th,
 *   D the rest. LAIT cuts at national percentiles; here the cut is among the group
 *   asked for (England, the region or the statistical neighbours).
 * Figures are ranked as published in the file, without rounding.
 */
import { periodShortLabel } from '../periods.js';
import type { Indicator, PeerFigure, Period } from '../types.js';
import { symbolWords } from './symbols.js';

export type RankGroupKind = 'england' | 'region' | 'neighbours';

export interface RankGroup {
  readonly kind: RankGroupKind;
  /** `local authorities in England`, `London authorities`, `Haringey's statistical neighbour group`. */
  readonly words: string;
}

export type Quartile = 'A' | 'B' | 'C' | 'D';

export type RankResult =
  | {
      readonly ok: true;
      readonly rank: number;
      readonly tied: boolean;
      readonly of: number;
      readonly quartile: Quartile;
      readonly group: RankGroup;
      readonly figure: PeerFigure;
    }
  | { readonly ok: false; readonly reason: string; readonly suggestions?: readonly string[] };

const NEIGHBOUR_NAMES = new Set(['statistical neighbours', 'statistical neighbors', 'sn']);

/** What `vs=` may name for this indicator, for completion and messages. */
export function rankComparators(indicator: Indicator): string[] {
  const peers = indicator.peers;
  if (!peers) return [];
  return [
    'England',
    ...(peers.regionName ? [peers.regionName] : []),
    ...(peers.neighbours ? ['Statistical neighbours'] : []),
  ];
}

export function rankAmong(indicator: Indicator, period: Period, vs: string): RankResult {
  const peers = indicator.peers;
  if (!peers)
    return {
      ok: false,
      reason: `${indicator.id} has no rank: ranks need every authority's figures, which come from a published-statistics source (sources: in the data file)`,
    };
  if (indicator.polarity === 'none' || indicator.polarity === 'band')
    return {
      ok: false,
      reason: `${indicator.id} has no rank: its polarity is ${indicator.polarity}, so no figure is better than another`,
    };
  const wanted = vs.trim().toLowerCase();
  let group: RankGroup;
  let inGroup: (figure: PeerFigure) => boolean;
  if (wanted === 'england') {
    group = { kind: 'england', words: 'local authorities in England' };
    inGroup = () => true;
  } else if (wanted !== '' && wanted === peers.regionName.toLowerCase()) {
    group = { kind: 'region', words: `${peers.regionName} authorities` };
    inGroup = (figure) => figure.regionCode === peers.regionCode;
  } else if (NEIGHBOUR_NAMES.has(wanted) && peers.neighbours) {
    const members = new Set([peers.code, ...peers.neighbours]);
    group = {
      kind: 'neighbours',
      words: `authorities in ${peers.name}'s statistical neighbour group`,
    };
    inGroup = (figure) => members.has(figure.code);
  } else {
    const choices = rankComparators(indicator);
    const why = NEIGHBOUR_NAMES.has(wanted)
      ? ' (its source names no neighbours file)'
      : `; ${peers.name} is ranked among ${choices.join(', ')}`;
    return {
      ok: false,
      reason: `${indicator.id} has no rank among ${vs}${why}`,
      suggestions: choices,
    };
  }
  const figures = (peers.byPeriod.get(period.key) ?? []).filter(inGroup);
  const own = figures.find((figure) => figure.code === peers.code);
  if (!own)
    return {
      ok: false,
      reason: `${indicator.id} has no rank for ${periodShortLabel(period)}: the published file has no figure for ${peers.name} then`,
    };
  if (own.value === undefined)
    return {
      ok: false,
      reason: `${indicator.id} has no rank for ${periodShortLabel(period)}: ${peers.name}'s published figure is ${symbolWords(own.symbol ?? 'x', indicator, { short: true })} (${own.symbol ?? 'x'})`,
    };
  const mine = own.value;
  const numbers = figures.flatMap((figure) => (figure.value === undefined ? [] : [figure.value]));
  const better = (v: number): boolean => (indicator.polarity === 'higher' ? v > mine : v < mine);
  const rank = 1 + numbers.filter(better).length;
  const tied = numbers.filter((v) => v === mine).length > 1;
  return {
    ok: true,
    rank,
    tied,
    of: numbers.length,
    quartile: quartileBand(mine, numbers, indicator.polarity),
    group,
    figure: own,
  };
}

/** R's default `quantile()` (type 7) of sorted numbers at probability p. */
export function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo] ?? 0;
  const high = sorted[Math.min(lo + 1, sorted.length - 1)] ?? low;
  return low + (h - lo) * (high - low);
}

export function quartileBand(
  value: number,
  numbers: readonly number[],
  polarity: 'higher' | 'lower',
): Quartile {
  const sorted = [...numbers].sort((a, b) => a - b);
  const q1 = quantile7(sorted, 0.25);
  const q2 = quantile7(sorted, 0.5);
  const q3 = quantile7(sorted, 0.75);
  if (polarity === 'lower') return value <= q1 ? 'A' : value <= q2 ? 'B' : value <= q3 ? 'C' : 'D';
  return value > q3 ? 'A' : value > q2 ? 'B' : value > q1 ? 'C' : 'D';
}

/** `1st`, `2nd`, `3rd`, `11th`, `59th`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const QUARTILE_WORDS: Readonly<Record<Quartile, string>> = {
  A: 'first quartile (A)',
  B: 'second quartile (B)',
  C: 'third quartile (C)',
  D: 'fourth quartile (D)',
};

export function quartileWords(quartile: Quartile): string {
  return QUARTILE_WORDS[quartile];
}
