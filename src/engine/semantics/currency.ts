/**
 * Money (`unit: currency`): `£7,214`, `£7,214.50` at 2 decimals. Intl knows every ISO
 * 4217 code's symbol; a code it does not know is printed after the number instead of
 * failing the render (the schema already asks for three capital letters).
 */
import type { Indicator } from '../types.js';
import { formatNumber } from './format.js';
import { roundHalfUp } from './round.js';

const formatters = new Map<string, Intl.NumberFormat | null>();

function formatter(code: string, places: number): Intl.NumberFormat | null {
  const key = `${code}|${places}`;
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency: code,
        minimumFractionDigits: places,
        maximumFractionDigits: places,
      });
    } catch {
      f = null;
    }
    formatters.set(key, f);
  }
  return f;
}

export function currencyAmount(
  indicator: Pick<Indicator, 'decimals' | 'currency'>,
  value: number,
): string {
  const code = indicator.currency ?? 'GBP';
  const places = Math.max(0, Math.min(20, Math.trunc(indicator.decimals)));
  const f = formatter(code, places);
  if (!f) return `${formatNumber(value, places)} ${code}`;
  const rounded = roundHalfUp(value, places);
  return f.format(rounded === 0 ? 0 : rounded);
}
