import { scanAttributes } from './attribute-scan.js';

/** A replacement inside the text a diagnostic covers (offsets into that text). */
export interface FixEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const UNKNOWN_ID = /^Unknown indicator (\S+?)(?:,|\s|$)/;

/**
 * Where a suggestion goes. `attribute-syntax` covers exactly the sketch, and
 * `narrative-claim` exactly the typed claim ("64%", "improved"), so the whole range is
 * replaced (by the directive that prints the figure, or by the word the data bears out); `unknown-indicator` covers the whole directive (a container may span
 * many lines), so only the mistyped id inside its attributes is replaced.
 */
export function quickFixEdit(
  ruleId: string,
  rangeText: string,
  reason: string,
  suggestion: string,
): FixEdit | undefined {
  if (ruleId === 'attribute-syntax' || ruleId === 'narrative-claim')
    return { start: 0, end: rangeText.length, text: suggestion };
  if (ruleId !== 'unknown-indicator') return undefined;
  const wrong = UNKNOWN_ID.exec(reason)?.[1];
  const open = rangeText.indexOf('{');
  if (open === -1) return undefined;
  const close = rangeText.indexOf('}', open);
  const inner = rangeText.slice(open + 1, close === -1 ? undefined : close);
  const candidates: FixEdit[] = [];
  for (const token of scanAttributes(inner)) {
    if ((token.name !== 'id' && token.name !== 'ids') || token.value === undefined) continue;
    const base = open + 1 + (token.valueStart ?? 0);
    let offset = 0;
    for (const raw of token.value.split(',')) {
      const lead = raw.length - raw.trimStart().length;
      const item = raw.trim();
      if (item !== '') {
        candidates.push({
          start: base + offset + lead,
          end: base + offset + lead + item.length,
          text: item,
        });
      }
      offset += raw.length + 1;
    }
  }
  const match =
    candidates.find((c) => wrong !== undefined && c.text.toUpperCase() === wrong.toUpperCase()) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  return match && { start: match.start, end: match.end, text: suggestion };
}

/** The quick fix's title: a claim is replaced by the directive that prints the data's figure. */
export function quickFixTitle(ruleId: string, suggestion: string): string {
  if (ruleId === 'narrative-claim') {
    return suggestion.startsWith(':')
      ? `Print the figure from the data: ${suggestion}`
      : `Change to "${suggestion}" (as the data says)`;
  }
  return `Change to ${suggestion}`;
}
