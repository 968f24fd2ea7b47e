import type { StatSymbol } from '../../types.js';

export type CellReading =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'symbol'; readonly symbol: StatSymbol; readonly blank: boolean }
  | { readonly kind: 'invalid'; readonly text: string };

const SYMBOLS: ReadonlyMap<string, StatSymbol> = new Map<string, StatSymbol>([
  ['c', 'c'],
  ['k', 'k'],
  ['u', 'u'],
  ['x', 'x'],
  ['z', 'z'],
  ['low', 'low'],
  [':', ':'],
]);

// Plain decimal numbers only: EES tidy files never use thousands separators, so `1,204`
// (or `12%`) is a mistake worth reporting rather than guessing at.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads one EES cell. A blank cell is read as `x` (not available): EES guidance asks
 * publishers to write `x` for a missing figure, and a blank must never become a zero.
 */
export function readCell(raw: string): CellReading {
  const text = raw.trim();
  if (text === '') return { kind: 'symbol', symbol: 'x', blank: true };
  if (NUMBER.test(text)) return { kind: 'number', value: Number(text) };
  const symbol = SYMBOLS.get(text.toLowerCase());
  if (symbol) return { kind: 'symbol', symbol, blank: false };
  return { kind: 'invalid', text };
}
