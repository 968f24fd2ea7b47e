/**
 * Rounding as UK official statistics do it: half away from zero, on the decimal
 * number the author wrote. `2.675 * 100` is 267.49999... in binary floating point, so
 * scaling and `Math.round` would print 2.67; working on the shortest decimal string
 * that round-trips the double (what JavaScript prints, and what the data file held)
 * gives 2.68.
 */

const DECIMAL_RE = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * Rounds `value` to `decimals` places (negative `decimals` round to tens, hundreds...),
 * halves away from zero: 2.675 -> 2.68, 1.005 -> 1.01, -2.5 -> -3.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const places = Math.trunc(decimals);
  const match = DECIMAL_RE.exec(Math.abs(value).toString());
  if (!match) return value;
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  const digits = whole + fraction;
  // The decimal point sits after this many digits of `digits`.
  const point = whole.length + Number(match[3] ?? 0);
  const keep = point + places;
  if (keep >= digits.length) return value;
  if (keep < 0) return 0;
  let kept = BigInt(digits.slice(0, keep) || '0');
  if (digits.charCodeAt(keep) >= '5'.charCodeAt(0)) kept += 1n;
  if (kept === 0n) return 0;
  const magnitude = Number(`${kept}e${point - keep}`);
  return value < 0 ? -magnitude : magnitude;
}
