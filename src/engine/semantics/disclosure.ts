/**
 * Disclosure control as DfE applies it to children in need and looked-after children
 * statistics: counts from 1 to the threshold (5) are replaced by `c`; so is anything
 * from which such a count can be worked out (a percentage of a small numerator, a
 * figure that subtraction would reveal). True zeros are shown: they identify no one.
 */
import type { Indicator, Observation } from '../types.js';

export type SuppressedPart = 'value' | 'numerator' | 'denominator';

export interface DisclosureResult {
  /** The observation safe to publish: suppressed numbers removed, symbol `c` where the value was. */
  readonly observation: Observation;
  readonly suppressed: readonly SuppressedPart[];
  /** Why, for the author (never the numbers themselves: these may be shown beside the output). */
  readonly reasons: readonly string[];
}

/** A count a person could be picked out by: 1 to `threshold`. */
function isSmall(n: number | undefined, threshold: number): boolean {
  return n !== undefined && n > 0 && n <= threshold;
}

const SCALE: Partial<Record<Indicator['unit'], number>> = { percent: 100, rate_per_10000: 10_000 };

/**
 * A percentage or rate with its denominator gives its numerator away even when the
 * numerator is not in the data, so the numerator is worked out to be checked too.
 */
function impliedNumerator(
  indicator: Pick<Indicator, 'unit'>,
  obs: Observation,
): number | undefined {
  if (obs.numerator !== undefined) return obs.numerator;
  const scale = SCALE[indicator.unit];
  if (scale === undefined || obs.value === undefined || obs.denominator === undefined)
    return undefined;
  return Math.round((obs.value * obs.denominator) / scale);
}

/**
 * Applies primary and secondary suppression to one observation:
 * - a count-unit value from 1 to `threshold` is itself suppressed;
 * - a small numerator is suppressed, and the value made from it;
 * - a small denominator is suppressed with the numerator and value (a 2 of 3 would
 *   otherwise tell readers about three children);
 * - a small complement (denominator - numerator, e.g. the 2 of 100 care leavers NOT in
 *   education) is revealed by subtracting the numerator from the denominator, so the
 *   numerator and value are suppressed too; the denominator alone reveals nothing.
 * An observation already carrying a symbol and no numbers is returned as it is.
 */
export function applyDisclosureControl(
  indicator: Pick<Indicator, 'unit'>,
  obs: Observation,
  threshold: number,
): DisclosureResult {
  const parts = new Set<SuppressedPart>();
  const reasons: string[] = [];
  const range = `1 to ${threshold}`;
  const numerator = impliedNumerator(indicator, obs);

  if (indicator.unit === 'count' && isSmall(obs.value, threshold)) {
    parts.add('value');
    reasons.push(`the count is a small number (${range})`);
  }
  if (isSmall(obs.denominator, threshold)) {
    parts.add('denominator').add('numerator').add('value');
    reasons.push(
      `the denominator is a small number (${range}), so it, the numerator and the value are suppressed`,
    );
  } else if (isSmall(numerator, threshold)) {
    parts.add('numerator').add('value');
    reasons.push(
      `the numerator is a small number (${range}), so it and the value made from it are suppressed`,
    );
  } else if (
    numerator !== undefined &&
    obs.denominator !== undefined &&
    isSmall(obs.denominator - numerator, threshold)
  ) {
    parts.add('numerator').add('value');
    reasons.push(
      `the denominator minus the numerator is a small number (${range}) that subtraction would reveal, so the numerator and the value are suppressed`,
    );
  }

  if (parts.size === 0) return { observation: obs, suppressed: [], reasons: [] };
  const { value, numerator: ownNumerator, denominator, symbol, ...rest } = obs;
  const observation: Observation = {
    ...rest,
    ...(parts.has('value')
      ? { symbol: 'c' as const }
      : { ...(value !== undefined ? { value } : {}), ...(symbol !== undefined ? { symbol } : {}) }),
    ...(!parts.has('numerator') && ownNumerator !== undefined ? { numerator: ownNumerator } : {}),
    ...(!parts.has('denominator') && denominator !== undefined ? { denominator } : {}),
  };
  // Only parts that held a number count as suppressed (a missing denominator hides nothing).
  const held: Record<SuppressedPart, number | undefined> = { value, numerator, denominator };
  const order: SuppressedPart[] = ['value', 'numerator', 'denominator'];
  const suppressed = order.filter((p) => parts.has(p) && held[p] !== undefined);
  return { observation, suppressed, reasons };
}

export interface PartsSuppression {
  /** The parts as publishable: undefined where suppressed (shown as `c`). */
  readonly parts: readonly (number | undefined)[];
  /** Indexes of the suppressed parts, ascending. */
  readonly suppressedIndexes: readonly number[];
  /** True when the total itself must be suppressed. */
  readonly totalSuppressed: boolean;
}

/**
 * Suppression of the parts of a total in a table (a breakdown by age, placement
 * type...). Primary: parts from 1 to `threshold`. Secondary: a single suppressed part
 * is the total minus the others, so the next smallest part is suppressed with it;
 * if there is no other part, the total goes instead. A small total suppresses
 * everything that is not a true zero.
 */
export function suppressParts(
  parts: readonly number[],
  total: number | undefined,
  threshold: number,
): PartsSuppression {
  const totalSuppressed = isSmall(total, threshold);
  const hidden = new Set<number>();
  parts.forEach((n, i) => {
    if (isSmall(n, threshold) || (totalSuppressed && n !== 0)) hidden.add(i);
  });
  let suppressTotal = totalSuppressed;
  if (hidden.size === 1 && total !== undefined && !totalSuppressed) {
    let next: number | undefined;
    parts.forEach((n, i) => {
      if (!hidden.has(i) && (next === undefined || n < parts[next]!)) next = i;
    });
    if (next === undefined) suppressTotal = true;
    else hidden.add(next);
  }
  const suppressedIndexes = [...hidden].sort((a, b) => a - b);
  return {
    parts: parts.map((n, i) => (hidden.has(i) ? undefined : n)),
    suppressedIndexes,
    totalSuppressed: suppressTotal,
  };
}
