import { symbolLegend } from '../semantics/symbols.js';
import type { StatSymbol } from '../types.js';

export interface LegendEntry {
  readonly symbol: string;
  readonly meaning: string;
}

/**
 * The legend's entries: the caller's own entries first (they may word a symbol for the
 * report, or explain RAG and change shapes), then every symbol used that they did not
 * cover, with DfE's meaning in DfE's order. Each symbol appears once, so a reader never
 * has to guess what `c` or `z` stands for and never reads two answers.
 */
export function legendEntries(
  symbolsUsed: readonly StatSymbol[],
  legend: readonly LegendEntry[],
): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const seen = new Set<string>();
  for (const entry of [...legend, ...symbolLegend(symbolsUsed)]) {
    if (seen.has(entry.symbol)) continue;
    seen.add(entry.symbol);
    entries.push(entry);
  }
  return entries;
}
