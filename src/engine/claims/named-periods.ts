/**
 * Periods an officer names in a sentence ("In Q4 2022/23 the figure was 74%", "up from
 * 63% in Q3", "on the same quarter last year"), read with the engine's period parser.
 * A period after "from", "since", "compared with", "than" or "on" is what the figure is
 * compared with; any other names the period the sentence is about.
 */
import { parsePeriod, previousPeriod, stepPeriod, yearEarlier } from '../periods.js';
import type { Period } from '../types.js';
import type { Span } from './sentences.js';

export type PeriodRole = 'main' | 'comparison';

export interface NamedPeriod extends Span {
  /** One period, or two when a bare `Q3` could be of this financial year or the last. */
  readonly periods: readonly Period[];
  readonly role: PeriodRole;
  /** Written as a period relative to the sentence's own (`last year`, `last quarter`). */
  readonly relative?: 'previous' | 'year';
  /** After "since": the claim spans every period from it on. */
  readonly since: boolean;
}

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?`;
const FY = String.raw`(?:fy\s*)?(\d{4}\s*[/\-\u2013]\s*(?:\d{4}|\d{2}))(?![\d/])`;
const PART = String.raw`(q[1-4]|h[12]|quarter\s+[1-4]|(?:first|second|third|fourth)\s+quarter)`;

interface Pattern {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray, base: Period) => Period[] | undefined;
  readonly relative?: 'previous' | 'year';
}

const ORDINAL_QUARTER: Readonly<Record<string, string>> = {
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
};

function partKey(part: string): string {
  const p = part.toLowerCase().replace(/\s+/g, ' ');
  const ordinal = /^(first|second|third|fourth) quarter$/.exec(p);
  if (ordinal) return `Q${ORDINAL_QUARTER[ordinal[1]!]!}`;
  return p.replace(/^quarter /, 'q').toUpperCase();
}

function one(period: Period | undefined): Period[] | undefined {
  return period ? [period] : undefined;
}

function monthNumber(name: string): number {
  return MONTH_NAMES.indexOf(name.toLowerCase().slice(0, 3) as (typeof MONTH_NAMES)[number]) + 1;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A bare quarter (`Q3`) is of the sentence's financial year, or the one before. */
function bareQuarter(part: string, base: Period): Period[] | undefined {
  const key = partKey(part);
  const fy = `${base.fiscalYear}/${pad((base.fiscalYear + 1) % 100)}`;
  const here = parsePeriod(`${fy} ${key}`);
  if (!here) return undefined;
  const before = stepPeriod(here, key.startsWith('Q') ? -4 : -2);
  return here.end <= base.end ? [here, before] : [before];
}

// Longest forms first: a span once read is not read again by a shorter pattern.
const PATTERNS: readonly Pattern[] = [
  {
    re: new RegExp(String.raw`\b${PART}\s*(?:of\s+)?,?\s*${FY}`, 'gi'),
    read: (m) => one(parsePeriod(`${m[2]!} ${partKey(m[1]!)}`)),
  },
  {
    // "Q4 last year": that quarter a year before the sentence's.
    re: new RegExp(
      String.raw`\b${PART}\s+(?:of\s+)?(?:last\s+year|the\s+previous\s+year|the\s+year\s+before|a\s+year\s+(?:ago|earlier))`,
      'gi',
    ),
    read: (m, base) => {
      const here = bareQuarter(m[1]!, base)?.[0];
      return here ? [yearEarlier(here)] : undefined;
    },
  },
  {
    re: new RegExp(String.raw`\b${FY}\s*,?\s*${PART}\b`, 'gi'),
    read: (m) => one(parsePeriod(`${m[1]!} ${partKey(m[2]!)}`)),
  },
  {
    re: new RegExp(String.raw`\b(first|second)\s+half\s+of\s+${FY}`, 'gi'),
    read: (m) => one(parsePeriod(`${m[2]!} H${m[1]!.toLowerCase() === 'first' ? 1 : 2}`)),
  },
  {
    re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s+(\d{4})\b`, 'gi'),
    read: (m) => one(parsePeriod(`${m[3]!}-${pad(monthNumber(m[2]!))}-${pad(Number(m[1]))}`)),
  },
  {
    re: new RegExp(String.raw`\b${MONTH}\s+(\d{4})\b`, 'gi'),
    read: (m) => one(parsePeriod(`${m[2]!}-${pad(monthNumber(m[1]!))}`)),
  },
  { re: new RegExp(String.raw`\b${FY}`, 'gi'), read: (m) => one(parsePeriod(m[1]!)) },
  {
    // "in February": the latest February up to the end of the sentence's period. "May" is
    // too often a verb to be read alone.
    re: /\b(January|February|March|April|June|July|August|September|October|November|December)\b(?!\s+\d)/g,
    read: (m, base) => one(latestMonth(monthNumber(m[1]!), base)),
  },
  {
    // Not "for the third quarter running": a count of quarters, not a period.
    re: new RegExp(
      String.raw`(?<!\bfor\s+(?:the|a)\s+)\b${PART}(?![\w/])(?!\s+(?:running|in\s+a\s+row|consecutively))`,
      'gi',
    ),
    read: (m, base) => bareQuarter(m[1]!, base),
  },
  {
    re: /\b(?:the\s+)?same\s+(?:quarter|period|month|time|point)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)|in\s+the\s+previous\s+year)/gi,
    read: (_, base) => [yearEarlier(base)],
    relative: 'year',
  },
  {
    re: /\b(?:last\s+year|a\s+year\s+(?:ago|earlier)|(?:the\s+)?previous\s+year|(?:the\s+)?year\s+before|twelve\s+months\s+ago|12\s+months\s+ago|year[-\s]on[-\s]year)/gi,
    read: (_, base) => yearsBefore(base),
    relative: 'year',
  },
  {
    re: /\b(?:last|(?:the\s+)?previous|(?:the\s+)?prior|the\s+preceding)\s+(?:quarter|month|period|reporting\s+period)/gi,
    read: (_, base) => [previousPeriod(base)],
    relative: 'previous',
  },
];

function latestMonth(month: number, base: Period): Period | undefined {
  const endYear = Number(base.end.slice(0, 4));
  const endMonth = Number(base.end.slice(5, 7));
  const year = month <= endMonth ? endYear : endYear - 1;
  return parsePeriod(`${year}-${pad(month)}`);
}

/** "Last year" of a quarter is the quarter a year earlier, or the whole financial year before. */
function yearsBefore(base: Period): Period[] {
  const periods = [yearEarlier(base)];
  if (base.kind !== 'year') {
    const year = parsePeriod(`${base.fiscalYear - 1}/${pad(base.fiscalYear % 100)}`);
    if (year) periods.push(year);
  }
  return periods;
}

const COMPARISON_BEFORE =
  /(?:\bfrom|\bsince|\bcompared\s+(?:with|to)|\bcompares?\s+(?:with|to)|\bcomparison\s+(?:with|to)|\bthan|\bon|\bagainst|\bversus|\bvs\.?)\s+(?:(?:the|a|an|in|at|during|its|our|their|that|those|last|previous|same|[\d£\uFFFC][\w.,%£\uFFFC]*)\s+(?:(?!(?:to|and|but|then|while|whilst|before|after)\b)[\w£%.,\uFFFC'\u2019-]+\s+){0,4})?$/i;
const SINCE_BEFORE = /\bsince\s+(?:(?:the|in|at|end|of|start)\s+){0,3}$/i;

const MAY_NAME_A_PERIOD =
  /\d|january|february|march|april|june|july|august|september|october|november|december|year|quarter|month|period|\bq[1-4]\b|\bh[12]\b|half/i;

/** Every period named in `text` within `span`, in order. */
export function namedPeriods(text: string, span: Span, base: Period): NamedPeriod[] {
  const found: NamedPeriod[] = [];
  const part = text.slice(span.start, span.end);
  if (!MAY_NAME_A_PERIOD.test(part)) return found;
  const taken = (start: number, end: number): boolean =>
    found.some((f) => start < f.end && end > f.start);
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(part); m; m = pattern.re.exec(part)) {
      const start = span.start + m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const periods = pattern.read(m, base);
      if (!periods || periods.length === 0) continue;
      const before = text.slice(Math.max(span.start, start - 60), start);
      const since = SINCE_BEFORE.test(before);
      const role: PeriodRole =
        COMPARISON_BEFORE.test(before) || pattern.relative ? 'comparison' : 'main';
      found.push({
        start,
        end,
        periods,
        role,
        since,
        ...(pattern.relative ? { relative: pattern.relative } : {}),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
