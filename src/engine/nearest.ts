import { distance } from 'fastest-levenshtein';

/**
 * The one "did you mean" helper: unknown ids, aliases, directives, attributes, columns,
 * categories, authorities, keys and source names are all suggested by it, with one limit.
 */

/** Suggestions offered at most. */
export const NEAREST_COUNT = 3;

/**
 * How far a suggestion may be from what was written: half its letters (rounded up), and
 * never fewer than 2 edits, so a swapped pair of letters is always caught (`OP148` for
 * `OP418`), an abbreviation still finds its column (`pct` for `percent`), and a word is
 * not "corrected" into an unrelated one (no `Bristol, City of` for `Harringay`).
 */
export function nearestLimit(word: string): number {
  return Math.max(2, Math.ceil(word.length / 2));
}

/**
 * The candidates closest to `word` (case-insensitive edit distance, within
 * `nearestLimit`), nearest first and alphabetical among equals; a candidate that contains
 * the word whole (a column `rate_percent` for `rate`) counts as near too.
 */
export function nearest(
  word: string,
  candidates: Iterable<string>,
  count = NEAREST_COUNT,
): string[] {
  const target = word.trim().toLowerCase();
  const limit = nearestLimit(target);
  const scored: { candidate: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const lower = candidate.toLowerCase();
    const score = distance(target, lower);
    if (score <= limit || (target.length > 0 && lower.includes(target)))
      scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, count).map((entry) => entry.candidate);
}

/** `, did you mean A or B?` or the empty string. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const head = suggestions.slice(0, -1);
  const last = suggestions[suggestions.length - 1] ?? '';
  return head.length > 0
    ? `, did you mean ${head.join(', ')} or ${last}?`
    : `, did you mean ${last}?`;
}
