/**
 * Disclosure control as DfE applies it to children in need and looked-after children
 * statistics: counts from 1 to the threshold (5) are replaced by `c`; so is anything
 * from which such a count can be worked out (a percentage of a small numerator, a
 * figure that subtraction would reveal). True zeros are shown: they identify no one.
 */
import type { Indicator, Observation } from '../types.js';
import { roundHalfUp } from './round.js';

export type SuppressedPart = 'value' | 'numerator' | 'denominator';

export interface DisclosureResult {
  /** The observation safe to publish: suppressed numbers removed, symbol `c` where the value was. */
  readonly observation: Observation;
  readonly suppressed: readonly SuppressedPart[];
  /** Why, for the author (never the numbers themselves: these may be shown beside the output). */
  readonly reasons: readonly string[];
}

/**
 * A count a person could be picked out by: 1 to `threshold` as printed. A count of 5.4
 * printed as 5 is small; so is 0.3 printed as 0, which is not a true zero.
 */
export function isSmallPrinted(
  n: number | undefined,
  decimals: number,
  threshold: number,
): boolean {
  return n !== undefined && n > 0 && roundHalfUp(n, decimals) <= threshold;
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
  return (obs.value * obs.denominator) / scale;
}

/** Whether the value is printed as a number (a low-reliability `u` still is). */
function valueShown(obs: Observation): boolean {
  return obs.value !== undefined && (obs.symbol === undefined || obs.symbol === 'u');
}

/**
 * Primary suppression of one observation, judged on the numbers as printed (a value at
 * the indicator's decimals, numerators and denominators as whole numbers):
 * - a count-unit value from 1 to `threshold` is itself suppressed;
 * - a small numerator is suppressed, and the value made from it;
 * - a small denominator is suppressed with the numerator and value (a 2 of 3 would
 *   otherwise tell readers about three children);
 * - a small complement (denominator - numerator, e.g. the 2 of 100 care leavers NOT in
 *   education) is revealed by subtracting the numerator from the denominator;
 * - a value that is not printed (`c` at source, or any symbol but `u`) is never printed
 *   with its numerator and denominator: "50 of 100" beside "suppressed" gives it away.
 * Whatever is suppressed, the value goes with its numerator and denominator: no count is
 * ever printed beside a suppressed value.
 */
export function applyDisclosureControl(
  indicator: Pick<Indicator, 'unit' | 'decimals'>,
  obs: Observation,
  threshold: number,
): DisclosureResult {
  const reasons: string[] = [];
  const range = `1 to ${threshold}`;
  const numerator = impliedNumerator(indicator, obs);
  const { denominator } = obs;

  // `u` withholds a number as unreliable, not to protect anyone: its counts give nothing
  // away, and are judged as any counts are.
  const withheld = !valueShown(obs) && obs.symbol !== 'u';
  if (withheld) {
    if (obs.numerator !== undefined || obs.denominator !== undefined) {
      reasons.push(
        `the value is not published (${obs.symbol ?? 'no value'}), so its numerator and denominator are not shown either`,
      );
    }
  } else if (
    indicator.unit === 'count' &&
    isSmallPrinted(obs.value, indicator.decimals, threshold)
  ) {
    reasons.push(`the count is a small number (${range}) as printed`);
  } else if (isSmallPrinted(denominator, 0, threshold)) {
    reasons.push(
      `the denominator is a small number (${range}), so it, the numerator and the value are suppressed`,
    );
  } else if (isSmallPrinted(numerator, 0, threshold)) {
    reasons.push(
      `the numerator is a small number (${range}), so it and the value made from it are suppressed`,
    );
  } else if (
    numerator !== undefined &&
    denominator !== undefined &&
    isSmallPrinted(roundHalfUp(denominator, 0) - roundHalfUp(numerator, 0), 0, threshold)
  ) {
    reasons.push(
      `the denominator minus the numerator is a small number (${range}) that subtraction would reveal, so the numerator and the value are suppressed`,
    );
  }

  if (reasons.length === 0) return { observation: obs, suppressed: [], reasons: [] };
  // Only parts that held a number count as suppressed (a missing denominator hides nothing).
  const held: Record<SuppressedPart, number | undefined> = {
    value: valueShown(obs) ? obs.value : undefined,
    numerator,
    denominator,
  };
  const order: SuppressedPart[] = ['value', 'numerator', 'denominator'];
  const suppressed = order.filter((p) => held[p] !== undefined);
  return { observation: suppressedObservation(obs), suppressed, reasons };
}

/**
 * The observation as published once suppressed: its period, category, source and note,
 * `c` for the value (a source symbol other than `u` stays as it is), and no numbers at all.
 */
export function suppressedObservation(obs: Observation): Observation {
  const symbol = obs.symbol !== undefined && obs.symbol !== 'u' ? obs.symbol : 'c';
  return {
    period: obs.period,
    ...(obs.category !== undefined ? { category: obs.category } : {}),
    symbol,
    source: obs.source,
    ...(obs.note !== undefined ? { note: obs.note } : {}),
  };
}
