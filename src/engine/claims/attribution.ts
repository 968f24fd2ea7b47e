/**
 * Which indicator a sentence, and a word in it, is about. A sentence is about the
 * indicators whose directives (or codes: "HY650/OP660") it holds, else about its
 * `:::indicator` container's. A direction or comparison word is about the indicator only
 * when its subject is: a directive in the same clause, or words that name it ("care
 * leavers", "timeliness", "performance", "this"). "Referrals rose" beside an assessment
 * figure says nothing about assessments.
 */
import { stemmer } from 'stemmer';
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

/**
 * A word's stem, for matching the words officers write with the words of a title:
 * "assessments" and "assessed" are both "assess" (the Porter stemmer). A possessive is
 * dropped first: "children's" names what "children" does.
 */
const stem = (word: string): string => stemmer(word.toLowerCase().replace(/['\u2019]s$/, ''));

/**
 * Stems this long that begin one another are taken as the same word: the stemmer leaves
 * "placement" and "place" (from "placed") apart, as it does "adoption" and "adopt".
 */
const SHARED_PREFIX = 5;

/** Whether `word`'s stem is among `stems`, or begins one of them or is begun by one. */
function hasStem(stems: ReadonlySet<string>, word: string): boolean {
  const own = stem(word);
  if (stems.has(own) || stems.has(word)) return true;
  if (own.length < SHARED_PREFIX || !/^[a-z]+$/.test(own)) return false;
  for (const other of stems) {
    const shared = other.length >= SHARED_PREFIX && /^[a-z]+$/.test(other);
    if (shared && (other.startsWith(own) || own.startsWith(other))) return true;
  }
  return false;
}

interface Vocabulary {
  /** Stems of the title's telling words and the indicator's codes. */
  readonly title: ReadonlySet<string>;
  /** Stems of its counting unit: what is counted, however common the word. */
  readonly unit: ReadonlySet<string>;
}

const vocabularyCache = new WeakMap<Indicator, Vocabulary>();

const WORDS = /[a-z][a-z'\u2019-]{3,}/g;

/** The stems of the words that name an indicator: its title, counting unit and codes. */
function vocabulary(indicator: Indicator): Vocabulary {
  let words = vocabularyCache.get(indicator);
  if (!words) {
    const long = (w: string): boolean => w.length >= 4;
    words = {
      title: new Set([
        ...(indicator.title.toLowerCase().match(WORDS) ?? [])
          .filter((w) => !COMMON.has(w))
          .map(stem)
          .filter(long),
        ...[indicator.id, ...indicator.aliases].map((code) => code.toLowerCase()).filter(long),
      ]),
      unit: new Set(
        (indicator.countingUnit?.toLowerCase().match(WORDS) ?? []).map(stem).filter(long),
      ),
    };
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
    if (GENERIC_NOUNS.has(word) || hasStem(vocab.title, word) || hasStem(vocab.unit, word))
      return true;
    if (indicator.unit === 'days' && TIME_NOUNS.has(word)) return true;
    if (as === 'subject' ? PRONOUNS.has(word) : COMPARISON_WORDS.has(word)) return true;
  }
  return false;
}

/** Whether the sentence names the indicator by a word of its own title (not its counting unit). */
export function namesByTitle(words: string, indicator: Indicator): boolean {
  const vocab = vocabulary(indicator);
  for (const word of words.toLowerCase().match(/[a-z0-9][a-z0-9'\u2019-]*/g) ?? []) {
    if (hasStem(vocab.title, word) && !vocab.unit.has(stem(word))) return true;
  }
  return false;
}

/**
 * Whether the subject of the words before `at` in its clause names the indicator, a
 * pronoun included: "It stood at 64%", "This is a rise of 9 children".
 */
export function subjectNames(
  text: string,
  clause: Span,
  at: number,
  indicator: Indicator,
): boolean {
  return namesIndicator(subjectBefore(text, clause, at), indicator);
}

/** The words before `at` in its clause, after the last conjunction or comma: its subject. */
function subjectBefore(text: string, clause: Span, at: number): string {
  const before = text.slice(clause.start, at);
  const cut = SUBJECT_BREAK.exec(before);
  return cut ? before.slice(cut.index + cut[0].length) : before;
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
  const subject = subjectBefore(text, clause, claim.start);
  if (
    subject.trim() === '' ||
    /^\s*(?:has|have|had|is|are|was|were|also|then|again)\b/i.test(subject)
  )
    return true;
  return namesIndicator(subject, indicator);
}
