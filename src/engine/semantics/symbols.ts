/**
 * DfE / EES symbols that stand where a number would be. They are always shown as
 * words (a `c` read as a figure, or a blank read as zero, misleads a committee), and
 * the document lists the ones it used in a legend.
 */
import type { Indicator, StatSymbol } from '../types.js';

export interface SymbolWordsOptions {
  /** The brief form for table cells and running text: `suppressed` rather than the full reason. */
  readonly short?: boolean;
}

const PER_10000 = 'per 10,000 children';

/**
 * `k` means "rounds to 0 but is not 0" at the precision published, so it is less than
 * half of the last digit shown: 0.5 at 0 decimals, 0.05 at 1.
 */
function belowHalf(indicator: Pick<Indicator, 'unit' | 'decimals'>): string {
  const places = Math.max(0, Math.trunc(indicator.decimals));
  const half = (0.5 / 10 ** places).toFixed(places + 1);
  switch (indicator.unit) {
    case 'percent':
      return `less than ${half}%`;
    case 'rate_per_10000':
      return `less than ${half} ${PER_10000}`;
    case 'days':
      return `less than ${half} days`;
    case 'count':
      return `fewer than ${half}`;
    case 'number':
    case 'currency':
      return `less than ${half}`;
  }
}

/** A symbol's meaning in words, for the place where the figure would be. */
export function symbolWords(
  symbol: StatSymbol,
  indicator: Pick<Indicator, 'unit' | 'decimals'>,
  options: Readonly<SymbolWordsOptions> = {},
): string {
  switch (symbol) {
    case 'c':
      return options.short ? 'suppressed' : 'suppressed to protect confidentiality';
    case 'k':
    case 'low':
      return belowHalf(indicator);
    case 'u':
      return 'low reliability';
    case 'x':
    case ':':
      return 'not available';
    case 'z':
      return 'not applicable';
  }
}

export interface SymbolLegendEntry {
  readonly symbol: StatSymbol;
  readonly meaning: string;
}

/** Legend order follows DfE's own symbol key. */
const LEGEND: readonly SymbolLegendEntry[] = [
  {
    symbol: 'c',
    meaning: 'suppressed to protect confidentiality (a small number, or one that would reveal one)',
  },
  { symbol: 'k', meaning: 'rounds to 0 but is not 0' },
  { symbol: 'low', meaning: 'rounds to 0 but is not 0' },
  { symbol: 'u', meaning: 'low reliability' },
  { symbol: 'x', meaning: 'not available' },
  { symbol: ':', meaning: 'not available' },
  { symbol: 'z', meaning: 'not applicable' },
];

/** The legend entries for the symbols a document used, each once, in DfE's order. */
export function symbolLegend(symbolsUsed: Iterable<StatSymbol>): SymbolLegendEntry[] {
  const used = new Set(symbolsUsed);
  return LEGEND.filter((entry) => used.has(entry.symbol));
}
