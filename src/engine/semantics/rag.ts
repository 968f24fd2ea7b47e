/**
 * Red / amber / green against a target, always as words plus a shape (WCAG 1.4.1:
 * never colour alone). Judgements are made on the figures as printed, rounded to the
 * indicator's decimals, so "on target" never sits beside 79.6% shown as 80% and
 * a target of 80%.
 */
import type { Indicator, Target } from '../types.js';
import { formatAmount, formatDifference } from './format.js';
import { roundHalfUp } from './round.js';

export type RagStatus = 'green' | 'amber' | 'red';

export interface RagResult {
  readonly status: RagStatus;
  readonly shape: '▲' | '●' | '▼';
  readonly label: 'Green' | 'Amber' | 'Red';
  /** The whole reading: `▲ Green: on target (80%)`. */
  readonly text: string;
  /**
   * The distance from the target in a few characters, for a scorecard cell beside the
   * target column: `−13 pp`, `+2 pp`, `on target`, `in band`, `2 pp above band`.
   */
  readonly gap: string;
}

type RagIndicator = Pick<Indicator, 'unit' | 'decimals' | 'polarity' | 'band'>;

const LOOKS = {
  green: { shape: '▲', label: 'Green' },
  amber: { shape: '●', label: 'Amber' },
  red: { shape: '▼', label: 'Red' },
} as const;

function result(status: RagStatus, detail: string, gap: string): RagResult {
  const { shape, label } = LOOKS[status];
  return { status, shape, label, text: `${shape} ${label}: ${detail}`, gap };
}

/** `+2 pp`, `−13 pp` (a true minus sign), `on target`: the value less the target. */
function signedGap(indicator: RagIndicator, difference: number): string {
  if (difference === 0) return 'on target';
  return `${difference > 0 ? '+' : '\u2212'}${formatDifference(indicator, difference)}`;
}

/** Tolerance 0 (or none) means there is no amber: a miss is red. */
function isAmber(shortfall: number, tolerance: number | undefined): boolean {
  return tolerance !== undefined && tolerance > 0 && shortfall <= tolerance;
}

function assessBand(
  indicator: RagIndicator,
  value: number,
  band: readonly [number, number],
  target?: Target,
) {
  const places = indicator.decimals;
  const low = Math.min(band[0], band[1]);
  const high = Math.max(band[0], band[1]);
  const range = `the target band (${formatAmount(indicator, low)} to ${formatAmount(indicator, high)})`;
  if (value >= low && value <= high) return result('green', `within ${range}`, 'in band');
  const below = value < low;
  const distance = roundHalfUp(below ? low - value : value - high, places);
  const tolerance = target?.tolerance;
  const gap = `${formatDifference(indicator, distance)} ${below ? 'below' : 'above'} band`;
  if (isAmber(distance, tolerance)) {
    return result(
      'amber',
      `within ${formatDifference(indicator, tolerance ?? 0)} of ${range}`,
      gap,
    );
  }
  return result(
    'red',
    `${formatDifference(indicator, distance)} ${below ? 'below' : 'above'} ${range}`,
    gap,
  );
}

/**
 * Assesses `value` against `target`. Polarity `higher` / `lower`: green when the target
 * is met or beaten, amber when short by no more than the target's tolerance, red
 * otherwise. Polarity `band`: the indicator's band rules even where a target exists
 * (its tolerance still gives the amber margin). Polarity `none` has no RAG: undefined,
 * and the caller says so; so does a `higher` / `lower` indicator without a target.
 */
export function assessRag(
  indicator: RagIndicator,
  value: number,
  target: Target | undefined,
): RagResult | undefined {
  const places = indicator.decimals;
  const shown = roundHalfUp(value, places);
  if (indicator.polarity === 'none') return undefined;
  if (indicator.polarity === 'band') {
    return indicator.band ? assessBand(indicator, shown, indicator.band, target) : undefined;
  }
  if (!target) return undefined;
  const goal = roundHalfUp(target.value, places);
  const sign = indicator.polarity === 'higher' ? 1 : -1;
  // Positive: better than target, in the indicator's unit.
  const margin = roundHalfUp(sign * (shown - goal), places);
  const better = indicator.polarity === 'higher' ? 'above' : 'below';
  const worse = indicator.polarity === 'higher' ? 'below' : 'above';
  const goalText = formatAmount(indicator, goal);
  const gap = signedGap(indicator, roundHalfUp(shown - goal, places));
  if (margin === 0) return result('green', `on target (${goalText})`, gap);
  if (margin > 0)
    return result(
      'green',
      `${formatDifference(indicator, margin)} ${better} target (${goalText})`,
      gap,
    );
  const shortfall = -margin;
  if (isAmber(shortfall, target.tolerance)) {
    return result(
      'amber',
      `within ${formatDifference(indicator, target.tolerance ?? 0)} of target`,
      gap,
    );
  }
  return result('red', `${formatDifference(indicator, shortfall)} ${worse} target`, gap);
}
