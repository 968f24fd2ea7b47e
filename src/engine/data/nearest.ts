import { distance } from 'fastest-levenshtein';

/**
 * The candidates closest to `word` (case-insensitive), nearest first, for "did you mean"
 * suggestions. Far-off candidates are left out so a typo never suggests nonsense.
 */
export function nearest(word: string, candidates: Iterable<string>, count = 3): string[] {
  const target = word.toUpperCase();
  const limit = Math.max(2, Math.ceil(target.length / 2));
  const scored: { candidate: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const score = distance(target, candidate.toUpperCase());
    if (score <= limit) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, count).map((entry) => entry.candidate);
}

/** ` Did you mean A or B?` or the empty string. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const head = suggestions.slice(0, -1);
  const last = suggestions[suggestions.length - 1] ?? '';
  return head.length > 0
    ? `, did you mean ${head.join(', ')} or ${last}?`
    : `, did you mean ${last}?`;
}
