/**
 * Which indicator a sentence, and a word in it, is about. A sentence is about the
 * indicators whose directives (or codes: "HY650/OP660") it holds, else about its
 * `:::indicator` container's. A direction or comparison word is about the indicator only
 * when its subject is: a directive in the same clause, or words that name it ("care
 * leavers", "timeliness", "performance", "this"). "Referrals rose" beside an assessment
 * figure says nothing about assessments.
 */
import type { Indicator } from '../types.js';
import type { Span } from './sentences.js';

/** Nouns that stand for whatever indicator the passage is about. */
const GENERIC_NOUNS = new Set([
  'performance',
  'figure',
  'figures',
  'proportion',
  'percentage',
  'rate',
  'number',
  'level',
  'levels',
  'result',
  'results',
  'outcome',
  'outcomes',
  'timeliness',
  'indicator',
  'measure',
  'total',
  'count',
]);

/** For an indicator in days: how officers name a wait. */
const TIME_NOUNS = new Set([
  'wait',
  'waits',
  'waiting',
  'time',
  'times',
  'delay',
  'delays',
  'duration',
  'timescale',
  'timescales',
]);

/** Words that refer back to it, as a subject. */
const PRONOUNS = new Set([
  'this',
  'it',
  'which',
  'that',
  'we',
  'our',
  'council',
  'authority',
  'borough',
]);

/** Words that put a number beside the indicator's target or benchmarks. */
const COMPARISON_WORDS = new Set([
  'target',
  'targets',
  'average',
  'england',
  'national',
  'nationally',
  'london',
  'regional',
  'neighbours',
  'neighbors',
]);

/** Title words too common to tell one indicator from another. */
const COMMON = new Set([
  'children',
  'child',
  'young',
  'people',
  'looked',
  'after',
  'with',
  'within',
  'their',
  'from',
  'more',
  'last',
  'month',
  'months',
  'year',
  'years',
  'three',
  'care',
  'social',
  'period',
  'days',
  'working',
  'time',
  'aged',
  'that',
  'were',
  'which',
  'whose',
  'during',
  'average',
  'children\u2019s',
  "children's",
]);

const stem = (word: string): string =>
  word
    .toLowerCase()
    .replace(/['\u2019]s$/, '')
    .replace(/(?:ies)$/, 'y')
    .replace(/(?:s|es)$/, '');

const vocabularyCache = new WeakMap<Indicator, ReadonlySet<string>>();

/** The stems of the words that name an indicator: its title, counting unit and codes. */
export function vocabulary(indicator: Indicator): ReadonlySet<string> {
  let words = vocabularyCache.get(indicator);
  if (!words) {
    words = new Set(
      [
        ...(indicator.title.toLowerCase().match(/[a-z][a-z'\u2019-]{3,}/g) ?? [])
          .filter((w) => !COMMON.has(w))
          .map(stem),
        // The counting unit names what is counted, however common the word.
        ...(indicator.countingUnit?.toLowerCase().match(/[a-z][a-z'\u2019-]{3,}/g) ?? []).map(stem),
        ...[indicator.id, ...indicator.aliases].map((code) => code.toLowerCase()),
      ].filter((w) => w.length >= 4),
    );
    vocabularyCache.set(indicator, words);
  }
  return words;
}

/** Where the subject of a word before it starts: after the last conjunction or comma. */
const SUBJECT_BREAK =
  /(?:,(?=\s)|\band\b|\bbut\b|\bas\b|\bbecause\b|\bwhile\b|\bwhilst\b|\bwhen\b|\bwhich\b|\bafter\b|\bsince\b|\bso\b|\bdespite\b|\bwith\b)(?![\s\S]*(?:,(?=\s)|\band\b|\bbut\b|\bas\b|\bbecause\b|\bwhile\b|\bwhilst\b|\bwhen\b|\bwhich\b|\bafter\b|\bsince\b|\bso\b|\bdespite\b|\bwith\b))/i;

/**
 * True when `words` name the indicator or are generic ("performance", "this"). As a
 * subject a pronoun refers back to it; in a whole sentence it may refer to anything.
 */
export function namesIndicator(
  words: string,
  indicator: Indicator,
  as: 'subject' | 'sentence' = 'subject',
): boolean {
  const vocab = vocabulary(indicator);
  for (const word of words.toLowerCase().match(/[a-z0-9][a-z0-9'\u2019-]*/g) ?? []) {
    if (GENERIC_NOUNS.has(word) || vocab.has(stem(word)) || vocab.has(word)) return true;
    if (indicator.unit === 'days' && TIME_NOUNS.has(word)) return true;
    if (as === 'subject' ? PRONOUNS.has(word) : COMPARISON_WORDS.has(word)) return true;
  }
  return false;
}

/** Whether the sentence names the indicator by a word of its own title (not its counting unit). */
export function namesByTitle(words: string, indicator: Indicator): boolean {
  const vocab = vocabulary(indicator);
  const unit = new Set((indicator.countingUnit ?? '').toLowerCase().split(/\s+/).map(stem));
  for (const word of words.toLowerCase().match(/[a-z0-9][a-z0-9'\u2019-]*/g) ?? []) {
    const s = stem(word);
    if ((vocab.has(s) || vocab.has(word)) && !unit.has(s)) return true;
  }
  return false;
}

/**
 * Whether the claim word at `claim` is about `indicator`: its clause holds the
 * indicator's directive, or its subject names it, or it has no subject of its own
 * ("..., which is an improvement"). A noun claim's subject may follow it: "a rise in
 * referrals".
 */
export function claimIsAbout(
  text: string,
  clause: Span,
  claim: Span,
  indicator: Indicator,
  directiveInClause: boolean,
): boolean {
  const after = /^\s+(?:in|of)\s+((?:[\w'\u2019-]+\s*){1,4})/i.exec(
    text.slice(claim.end, clause.end),
  );
  if (after) {
    const subject = after[1]!.replace(/\b(?:the|our|all|its|their|this|last|previous)\b/gi, '');
    const isPeriodish =
      /^\s*(?:q[1-4]|h[12]|\d|(?:the\s+)?(?:quarter|year|month|period)|last|this|previous|same|january|february|march|april|may|june|july|august|september|october|november|december|performance|timeliness)/i.test(
        subject,
      );
    if (!isPeriodish && /[a-z]/i.test(subject) && !namesIndicator(subject, indicator)) return false;
  }
  if (directiveInClause) return true;
  const before = text.slice(clause.start, claim.start);
  const cut = SUBJECT_BREAK.exec(before);
  const subject = cut ? before.slice(cut.index + cut[0].length) : before;
  if (
    subject.trim() === '' ||
    /^\s*(?:has|have|had|is|are|was|were|also|then|again)\b/i.test(subject)
  )
    return true;
  return namesIndicator(subject, indicator);
}
