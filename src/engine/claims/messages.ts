/**
 * What a `narrative-claim` message says and offers. The message says what the data says
 * ("stood at 64%, but OP148's Q4 2023/24 value is 67%"); a figure that disclosure
 * control would hide is never printed, only that the typed one is not it.
 */
import { periodShortLabel } from '../periods.js';
import { formatAmount } from '../semantics/index.js';
import type { Indicator, Period } from '../types.js';

/** `{id=OP148 period="2022/23 Q4"}`: attribute values quoted when they hold a space. */
export function directiveText(
  name: string,
  indicator: Indicator,
  attributes: Readonly<Record<string, string | undefined>> = {},
): string {
  const parts = [`id=${indicator.id}`];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    parts.push(/^[\w./-]+$/.test(value) ? `${key}=${value}` : `${key}="${value}"`);
  }
  return `:${name}{${parts.join(' ')}}`;
}

export function amount(indicator: Indicator, value: number): string {
  return formatAmount(indicator, value);
}

export function label(period: Period): string {
  return periodShortLabel(period);
}

/** Swaps the claim's first word for its opposite, keeping its capital: `rose` -> `fell`. */
const OPPOSITES: Readonly<Record<string, string>> = {
  rose: 'fell',
  risen: 'fallen',
  rising: 'falling',
  rise: 'fall',
  rises: 'falls',
  increased: 'decreased',
  increase: 'decrease',
  increases: 'decreases',
  increasing: 'decreasing',
  grew: 'fell',
  up: 'down',
  fell: 'rose',
  fallen: 'risen',
  falling: 'rising',
  fall: 'rise',
  falls: 'rises',
  decreased: 'increased',
  decrease: 'increase',
  decreases: 'increases',
  decreasing: 'increasing',
  reduced: 'increased',
  reduction: 'increase',
  dropped: 'rose',
  down: 'up',
  improved: 'worsened',
  improving: 'worsening',
  improvement: 'deterioration',
  worsened: 'improved',
  worsening: 'improving',
  deteriorated: 'improved',
  deteriorating: 'improving',
  deterioration: 'improvement',
  above: 'below',
  below: 'above',
  over: 'under',
  under: 'over',
  higher: 'lower',
  lower: 'higher',
  better: 'worse',
  worse: 'better',
  met: 'missed',
  missed: 'met',
};

export function oppositeWording(written: string): string | undefined {
  const m = /^([A-Za-z]+)([\s\S]*)$/.exec(written);
  if (!m) return undefined;
  const word = m[1]!;
  const opposite = OPPOSITES[word.toLowerCase()];
  if (!opposite) return undefined;
  const cased =
    word[0] === word[0]!.toUpperCase() ? opposite[0]!.toUpperCase() + opposite.slice(1) : opposite;
  return cased + m[2]!;
}

/** The claim as quoted in a message: one line, at most a few words. */
export function quote(written: string): string {
  const flat = written
    .replace(/\uFFFC/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
