/**
 * Sentences and clauses of a passage, as index ranges. A claim belongs to the indicator
 * its sentence names (by directive), and a direction or comparison word to the clause it
 * stands in: "Referrals rose; timeliness fell to 67%" makes two claims about two things.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'eg',
  'ie',
  'etc',
  'no',
  'nos',
  'approx',
  'c',
  'ca',
  'cf',
  'dr',
  'mr',
  'mrs',
  'ms',
  'cllr',
  'st',
  'vs',
  'v',
  'fig',
  'para',
  'incl',
]);

const SENTENCE_END = /[.!?]+["'\u2019\u201d)]*(?=\s+|$)/g;

/** Splits at `.`, `!` or `?` followed by space, unless the word before is an abbreviation. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const at = match.index;
    const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(start, at - 8), at))?.[1] ?? '';
    if (match[0].startsWith('.') && ABBREVIATIONS.has(word.toLowerCase())) continue;
    const next = text.slice(at + match[0].length).trimStart();
    // "42 vs. 40", "the 3 p.m. meeting": a sentence goes on when a lower-case word follows.
    if (next !== '' && /^[a-z]/.test(next)) continue;
    const end = at + match[0].length;
    if (text.slice(start, end).trim() !== '') spans.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim() !== '') spans.push({ start, end: text.length });
  return spans;
}

/** Where one clause stops and another, about something else, may begin. */
const CLAUSE_BREAK =
  /;|:\s|\s[-\u2013\u2014]\s|,?\s+(?:but|while|whilst|whereas|although|though|however|yet)\b|,\s+(?:and|which)\s/gi;

export function splitClauses(text: string, sentence: Span): Span[] {
  const spans: Span[] = [];
  let start = sentence.start;
  const part = text.slice(sentence.start, sentence.end);
  for (const match of part.matchAll(CLAUSE_BREAK)) {
    const at = sentence.start + match.index;
    if (at > start) spans.push({ start, end: at });
    start = at + match[0].length;
  }
  if (sentence.end > start) spans.push({ start, end: sentence.end });
  return spans;
}

export function within(span: Span, index: number): boolean {
  return index >= span.start && index < span.end;
}
