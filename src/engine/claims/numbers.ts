/**
 * Numbers typed in a sentence, each with what is written around it: its unit (`%`,
 * `pp`, `per 10,000`, `days`, `£`), a qualifier ("about", "over"), and the words before
 * and after, from which the claim rules decide whether it is a figure of the indicator
 * at all ("12 workshops" is not).
 */
import type { Span } from './sentences.js';

export type NumberUnit =
  'percent' | 'points' | 'rate' | 'days' | 'money' | 'ordinal' | 'other-time' | 'bare';

export type Qualifier = 'exact' | 'approx' | 'over' | 'under';

export interface NumberMention extends Span {
  readonly value: number;
  /** Digits written after the decimal point: the precision the officer typed. */
  readonly decimals: number;
  readonly unit: NumberUnit;
  readonly qualifier: Qualifier;
  /** Where the number itself (without unit) starts and ends. */
  readonly digits: Span;
}

const NUMBER =
  /(?<![\w.,/:\-\u2013])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:(?=(?:st|nd|rd|th|pp|ppts?|pts?)\b)|(?![\w/]|[.,]\d|[-\u2013]\d))/g;

const UNIT_AFTER: ReadonlyArray<readonly [RegExp, NumberUnit]> = [
  [/^\s?(?:%|per\s?cent\b|percent\b)(?:\s*points?\b|\s+pts?\b)?/i, 'percent'],
  [/^\s?(?:pp\b|ppts?\b|pts?\b|percentage\s+points?\b|points?\b)/i, 'points'],
  [/^\s?(?:per|\/)\s?10,?000\b(?:\s+(?:children|population|of\s+the\s+population))?/i, 'rate'],
  [/^\s?(?:(?:working|calendar)\s+)?days?\b/i, 'days'],
  [/^\s?(?:weeks?|months?|years?|hours?|minutes?|mins?|yrs?)\b/i, 'other-time'],
  [/^(?:st|nd|rd|th)\b/i, 'ordinal'],
  [/^\s?(?:k|m|bn|million|billion|thousand)\b/i, 'bare'],
];

const APPROX_BEFORE =
  /\b(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|close\s+to|circa|c\.|in\s+the\s+region\s+of|just\s+(?:under|over|below|above)|an?\s+estimated)\s*$/i;
const OVER_BEFORE =
  /\b(?:over|more\s+than|above|at\s+least|exceeding|in\s+excess\s+of|upwards\s+of|greater\s+than|higher\s+than)\s*$/i;
const UNDER_BEFORE =
  /\b(?:under|less\s+than|fewer\s+than|below|at\s+most|up\s+to|lower\s+than|no\s+more\s+than)\s*$/i;

/** Every typed number in the span, periods and dates (`taken`) left out. */
export function findNumbers(text: string, span: Span, taken: readonly Span[]): NumberMention[] {
  const found: NumberMention[] = [];
  const part = text.slice(span.start, span.end);
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(part); m; m = NUMBER.exec(part)) {
    const whole = m[1]!;
    const fraction = m[2] ?? '';
    const digitsStart = span.start + m.index;
    const digitsEnd = digitsStart + m[0].length;
    const pound = /£\s?$/.exec(text.slice(Math.max(span.start, digitsStart - 2), digitsStart));
    if (taken.some((t) => digitsStart < t.end && digitsEnd > t.start)) continue;
    const value = Number(`${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
    if (!Number.isFinite(value)) continue;
    const rest = text.slice(digitsEnd, Math.min(span.end, digitsEnd + 40));
    let unit: NumberUnit = pound ? 'money' : 'bare';
    let end = digitsEnd;
    if (!pound) {
      for (const [re, kind] of UNIT_AFTER) {
        const u = re.exec(rest);
        if (!u) continue;
        unit = kind;
        end = digitsEnd + u[0].length;
        break;
      }
      if (unit === 'bare' && /^\s?(?:k|m|bn|million|billion|thousand)\b/i.test(rest)) continue;
    }
    const moneyStart = digitsStart - (pound?.[0].length ?? 0);
    const before = text.slice(Math.max(span.start, moneyStart - 40), moneyStart);
    const qualifier: Qualifier = APPROX_BEFORE.test(before)
      ? 'approx'
      : OVER_BEFORE.test(before)
        ? 'over'
        : UNDER_BEFORE.test(before)
          ? 'under'
          : 'exact';
    found.push({
      start: moneyStart,
      end,
      value,
      decimals: fraction.length,
      unit,
      qualifier,
      digits: { start: digitsStart, end: digitsEnd },
    });
    // The unit's own digits (`per 10,000`) are not another number.
    NUMBER.lastIndex = end - span.start;
  }
  // "from 63 to 67%": the unit written once stands for both.
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1]!;
    if (a.unit !== 'bare' || (b.unit !== 'percent' && b.unit !== 'rate' && b.unit !== 'days'))
      continue;
    if (!/^\s*(?:to|and|-|\u2013|or)\s*$/i.test(text.slice(a.end, b.start))) continue;
    found[i] = { ...a, unit: b.unit };
  }
  return found;
}
