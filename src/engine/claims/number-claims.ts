/**
 * Which typed numbers are claims about an indicator, and whether a figure of the
 * indicator bears them out. A number is a claim only in the indicator's own unit: `%`
 * for a percentage, `per 10,000` for a rate, `days` for days, `£` for money, and for a
 * count a number of its counting unit ("15 children") or one the sentence says the
 * figure stood at ("rose to 15"). "12 workshops", "3 vacancies", "within 45 working
 * days" and "aged 19 to 21" are about other things.
 */
import { roundHalfUp } from '../semantics/index.js';
import type { Indicator } from '../types.js';
import { namesIndicator } from './attribution.js';
import type { Figure } from './figures.js';
import type { NumberMention } from './numbers.js';

/** Words that may follow a figure without making it a figure of something else. */
const FOLLOWERS = new Set(
  `of against in at for compared with this last the and or to from which was were is are has have had
  had up down higher lower above below on by over under during across among between than when where
  after before since points point pp target targets a an while whilst but remained remains remain
  rose fell increased decreased stood meaning representing overall respectively as so that who now
  nationally locally regionally compared previously then this year quarter month period`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Words of what a percentage may be "of" without being the indicator's. */
const FOREIGN_HEADS =
  /\b(?:staff|team|teams|workforce|workers?|budget|budgets|posts?|vacanc(?:y|ies)|spend|spending|funding|caseloads?|schools?|managers?|practitioners?|agency|hours?|time|calls?|emails?|members?|councillors?)\b/i;

const STRONG_BEFORE =
  /(?:\bstood\s+at|\bwas|\bwere|\bis|\bare|\bat|\bto|\bfrom|\breached|\btotall?ed|\btotal\s+of|\bfigure\s+of|\brate\s+of|\baverage\s+of|\bcount\s+of|\bnumber\s+of|\bremains?\s+at|\bremained\s+at)\s*$/i;
/** Words that make the number after them a change: "a rise of 9", "fell by 12", "up 4". */
const CHANGE_BEFORE =
  /\b(?:rises?|increases?|falls?|drops?|decreases?|reductions?|growth|rose|fell|increased|decreased|dropped|grew|reduced|went\s+(?:up|down)|up|down)\s+(?:(?:of|by)\s+)?(?:(?:about|around|some|nearly|almost|roughly|approximately|over|under|more\s+than|fewer\s+than|less\s+than)\s+)?$/i;
const BOUNDARY_AFTER =
  /^\s*(?:$|[.,;:)]|(?:in|this|last|at|during|compared|against|for|over|by|as|and|but|which|from|to|while|whilst|when|with)\b)/i;
const NOT_A_FIGURE_BEFORE =
  /(?:\b(?:within|statutory|timescales?|limit|deadline|every|each|per|past|next|first|after|before|least|aged?|ages|under|over\s+the\s+last|in\s+the\s+last|for\s+the\s+last|the\s+last|top|bottom|phase|stage|step|page|paragraph|section|appendix|table|chart|figure|item|version|tier|year|years|key\s+stage)\s*$)|(?:\b(?:aged?|ages|between)\s+\d+\s*(?:to|and|-|\u2013)\s*$)/i;

function followingWord(text: string, end: number, limit: number): string {
  return /^\s*([A-Za-z'\u2019-]+)/.exec(text.slice(end, limit))?.[1]?.toLowerCase() ?? '';
}

/** Title words that never say what is counted ("within", "month"). */
const NOT_COUNTED =
  /^(?:with|within|without|their|from|after|before|during|that|which|whose|were|went|into|than|more|less|last|over|under|about|month|months|year|years|period|quarter|days|weeks|time|working|aged|average|total|number|rate|percentage|proportion)$/;

function singularOf(word: string): string {
  return word === 'children' ? 'child' : word.replace(/ies$/, 'y').replace(/s$/, '');
}

/**
 * The words a count's number is followed by when it counts the indicator: its counting
 * unit's last word ("15 children"), or, with no counting unit, a word of its title
 * ("9 children" for "Children placed out of area").
 */
function countingWords(indicator: Indicator): string[] {
  const unit = indicator.countingUnit?.trim().toLowerCase();
  if (!unit) {
    if (indicator.unit !== 'count' && indicator.unit !== 'number') return [];
    const words = (indicator.title.toLowerCase().match(/[a-z][a-z'\u2019-]{3,}/g) ?? []).filter(
      (w) => !NOT_COUNTED.test(w),
    );
    return [...new Set(words.flatMap((w) => [w, singularOf(w)]))];
  }
  const last = unit.split(/\s+/).at(-1) ?? unit;
  return [last, singularOf(last), ...(last === 'children' ? ['young'] : [])];
}

/** A count's number is followed, at most two adjectives later, by its counting unit. */
function countedNumber(
  text: string,
  mention: NumberMention,
  indicator: Indicator,
  limit: number,
): boolean {
  const words = countingWords(indicator);
  if (words.length === 0) return false;
  const after = text.slice(mention.end, limit).toLowerCase();
  const next = /^\s*([a-z'\u2019-]+)(?:\s+([a-z'\u2019-]+))?(?:\s+([a-z'\u2019-]+))?/.exec(after);
  if (!next) return false;
  for (const word of next.slice(1)) {
    if (word === undefined) return false;
    if (words.includes(word)) return true;
    if (
      /^(?:of|these|those|them|whom|the|which|were|was|are|is|had|have|and|or|in|at|to)$/.test(word)
    )
      return false;
  }
  return false;
}

/** The claim a mention makes about an indicator: what it must match, or undefined. */
export function claimKind(
  text: string,
  mention: NumberMention,
  indicator: Indicator,
  limit: number,
): 'figure' | 'difference' | 'relative' | 'rank' | undefined {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  if (NOT_A_FIGURE_BEFORE.test(before) && mention.qualifier === 'exact') return undefined;
  const next = followingWord(text, mention.end, limit);
  switch (mention.unit) {
    case 'percent': {
      if (indicator.unit !== 'percent') {
        return /\b(?:by|of)\s*$/i.test(before) ||
          /^(?:rise|increase|reduction|decrease|fall|drop|up|down|higher|lower)$/.test(next) ||
          /\b(?:up|down)\s*$/i.test(before)
          ? 'relative'
          : undefined;
      }
      if (next === 'of') {
        const of =
          /^\s*of\s+((?:[\w'\u2019-]+\s*){1,5})/i.exec(text.slice(mention.end, limit))?.[1] ?? '';
        if (
          FOREIGN_HEADS.test(of) ||
          !namesIndicator(of.replace(/\b(?:the|our|all|its|this|these|those)\b/gi, ''), indicator)
        )
          return undefined;
        return 'figure';
      }
      if (next !== '' && !FOLLOWERS.has(next) && !countingWords(indicator).includes(next))
        return undefined;
      return 'figure';
    }
    case 'points':
      return indicator.unit === 'percent' ? 'difference' : undefined;
    case 'rate':
      return indicator.unit === 'rate_per_10000' ? figureOrChange(before) : undefined;
    case 'days':
      return indicator.unit === 'days' ? figureOrChange(before) : undefined;
    case 'money':
      return indicator.unit === 'currency' ? figureOrChange(before) : undefined;
    case 'ordinal':
      return indicator.peers &&
        /^\s*(?:=\s*)?(?:of|out\s+of|in|among|amongst|nationally|place|position|best|highest|lowest)\b/i.test(
          text.slice(mention.end, limit),
        )
        ? 'rank'
        : undefined;
    case 'bare': {
      if (indicator.unit === 'percent')
        return numeratorOrDenominator(text, mention, indicator, before, limit);
      if (indicator.unit === 'currency') return undefined;
      const isYear = mention.decimals === 0 && /^(?:19|20)\d\d$/.test(String(mention.value));
      const counted =
        (indicator.unit === 'count' || indicator.unit === 'number') &&
        countedNumber(text, mention, indicator, limit);
      const alone = !isYear && BOUNDARY_AFTER.test(text.slice(mention.end, limit));
      if ((counted || alone) && CHANGE_BEFORE.test(before)) return 'difference';
      if (counted) return 'figure';
      if (alone && STRONG_BEFORE.test(before)) return 'figure';
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A number in the indicator's own unit: the figure, or its change after "a rise of". */
function figureOrChange(before: string): 'figure' | 'difference' {
  return CHANGE_BEFORE.test(before) ? 'difference' : 'figure';
}

/** "201 of the 300 care leavers": a percentage's numerator and denominator, typed. */
function numeratorOrDenominator(
  text: string,
  mention: NumberMention,
  indicator: Indicator,
  before: string,
  limit: number,
): 'figure' | undefined {
  const words = countingWords(indicator);
  if (words.length === 0) return undefined;
  const after = text.slice(mention.end, limit).toLowerCase();
  const of =
    /^\s*(?:out\s+)?of\s+(?:the\s+|our\s+|all\s+)?\d[\d,]*\s+((?:[a-z'\u2019-]+\s+){0,2}?)([a-z'\u2019-]+)/.exec(
      after,
    );
  if (of && words.includes(of[2]!)) return 'figure';
  if (
    /\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+|our\s+|all\s+)?$/i.test(before) &&
    countedNumber(text, mention, indicator, limit)
  )
    return 'figure';
  return undefined;
}

const EPSILON = 1e-9;
const same = (a: number, b: number): boolean => Math.abs(a - b) < EPSILON;

/** Whether a figure, printed as the officer printed it, is the typed number. */
export function figureMatches(
  mention: NumberMention,
  figure: number,
  indicator: Indicator,
): boolean {
  const typed = mention.value;
  const places = mention.decimals;
  switch (mention.qualifier) {
    case 'approx': {
      const slack = Math.max(Math.abs(typed) * 0.1, 10 ** -places);
      return Math.abs(figure - typed) <= slack + EPSILON;
    }
    case 'over':
      return figure >= typed - EPSILON;
    case 'under':
      return figure <= typed + EPSILON;
    case 'exact':
      break;
  }
  if (same(roundHalfUp(figure, places), typed)) return true;
  if (same(roundHalfUp(roundHalfUp(figure, indicator.decimals), places), typed)) return true;
  return (
    places > indicator.decimals &&
    same(roundHalfUp(typed, indicator.decimals), roundHalfUp(figure, indicator.decimals))
  );
}

/** The figures a claim of this kind may match. */
export function candidates(
  kind: 'figure' | 'difference' | 'relative' | 'rank',
  figures: readonly Figure[],
): Figure[] {
  switch (kind) {
    case 'figure':
      return figures.filter((f) => f.kind !== 'rank');
    case 'difference':
      return figures.filter((f) => f.kind === 'difference');
    case 'relative':
      return figures.filter((f) => f.kind === 'difference');
    case 'rank':
      return figures.filter((f) => f.kind === 'rank');
  }
}
