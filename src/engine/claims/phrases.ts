/**
 * Words that claim something the data can contradict: a direction of travel ("rose",
 * "improved"), a position against the target ("below target", "met the target"), against
 * a comparator ("above the England average") or against the indicator's own history
 * ("the highest since 2019/20"). Negated, hoped-for and planned words ("did not improve",
 * "we expect to meet the target", "the improvement plan") are no claims.
 */
import type { Span } from './sentences.js';

export type Direction = 'up' | 'down' | 'same';
export type Judgement = 'better' | 'worse';

export type PhraseClaim = Span &
  (
    | { readonly kind: 'direction'; readonly direction: Direction }
    | { readonly kind: 'judgement'; readonly judgement: Judgement }
    /** "declined": worse, or down; contradicted only when it is neither. */
    | { readonly kind: 'decline' }
    | {
        readonly kind: 'target';
        readonly position:
          | 'above'
          | 'below'
          | 'met'
          | 'missed'
          | 'in-band'
          | 'out-band'
          | 'above-band'
          | 'below-band';
      }
    | {
        readonly kind: 'benchmark';
        readonly comparators: readonly string[];
        readonly position: 'above' | 'below' | 'better' | 'worse';
      }
    | { readonly kind: 'extreme'; readonly extreme: 'highest' | 'lowest'; readonly since: Span }
  );

const NEGATION =
  /\b(?:not|no|never|nor|neither|without|failed\s+to|fail\s+to|yet\s+to)\s+(?:\w+\s+){0,2}$|n['\u2019]t\s+(?:\w+\s+){0,2}$/i;
const HOPED =
  /\b(?:to|will|would|should|could|may|might|must|shall|expect(?:s|ed)?|likely|projected|forecast|anticipated?|if|unless|whether)\s+(?:\w+\s+){0,2}$/i;
/** "continued to improve" is a claim, "expected to improve" is not. */
const ONGOING =
  /\b(?:continued?|continues|continuing|began|begun|started|starting|begins)\s+to\s+$/i;

function guarded(text: string, start: number, from: number): 'negated' | 'hoped' | undefined {
  const before = text.slice(Math.max(from, start - 40), start);
  if (NEGATION.test(before)) return 'negated';
  if (HOPED.test(before) && !ONGOING.test(before)) return 'hoped';
  return undefined;
}

/** A claim before it is placed: the union member without its span. */
type ClaimBody = PhraseClaim extends infer T
  ? T extends unknown
    ? Omit<T, 'start' | 'end'>
    : never
  : never;

interface Rule {
  readonly re: RegExp;
  /** A cheap test a clause must pass before `re` runs (the rules run on every clause). */
  readonly hint?: RegExp;
  readonly make: (m: RegExpExecArray) => ClaimBody | undefined;
  /** A negated claim of this rule says the opposite (for met / missed only). */
  readonly negate?: (claim: ClaimBody) => ClaimBody;
}

const NOUN_BEFORE = String.raw`(?:\b(?:a|an|the|this|further|continued|significant|slight|small|marked|notable|steady|sharp|large|big|modest|real|clear|overall|showing|shows|showed|represents|represented|saw|seen|see|sustained)\s+)`;
const NOUN_AFTER = String.raw`(?=\s+(?:on|in|of|from|since|compared|over|against|this|last|to|when|for)\b|\s*[,.;:)\uFFFC]|\s*$)`;
/** After a verb of movement: what keeps "increased demand" (an adjective) from being a claim. */
const MOVE_AFTER = String.raw`(?=\s+(?:by|from|to|on|in|of|compared|against|this|last|since|over|between|during|year|quarter|month|slightly|sharply|significantly|considerably|markedly|steadily|again|further|well|substantially|modestly|somewhat|noticeably|dramatically|overall|and|but|while|whilst|which|although|though|as|after|following|with|for|at|a\s+little)\b|\s*[\d£,.;:)\uFFFC]|\s*$)`;

const COMPARATOR = String.raw`(?:(?:that\s+of|those\s+of|the|our|both|its|their)\s+)*(?:england(?:['\u2019]s)?(?:\s+(?:averages?|figures?|rates?|levels?|mean))?|national(?:ly)?(?:\s+(?:averages?|figures?|rates?|levels?|mean))?|london(?:['\u2019]s)?(?:\s+(?:averages?|figures?|rates?|levels?|boroughs|mean))?|(?:inner|outer)\s+london(?:\s+averages?)?|(?:the\s+)?region(?:al)?(?:\s+(?:averages?|figures?|rates?|levels?|mean))?|statistical\s+(?:neighbou?rs?|comparators?|comparator\s+(?:boroughs|authorities|group))(?:['\u2019]?\s*(?:averages?|figures?|rates?|mean))?|(?:comparator|similar|neighbouring|neighboring)\s+(?:authorities|boroughs|councils|las)|neighbou?rs(?:['\u2019]?\s*(?:averages?|figures?|rates?))?|sn\s+averages?)`;

function comparatorName(written: string): string | undefined {
  const w = written.toLowerCase();
  if (/england|national/.test(w)) return 'England';
  if (/statistical|comparator|similar|neighbou?r|\bsn\b/.test(w)) return 'Statistical neighbours';
  if (/london/.test(w)) return 'London';
  if (/region/.test(w)) return 'region';
  return undefined;
}

const COMPARATOR_RE = new RegExp(COMPARATOR, 'gi');

function comparatorsIn(written: string): string[] {
  const names: string[] = [];
  for (const m of written.matchAll(COMPARATOR_RE)) {
    const name = comparatorName(m[0]);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

const TARGET_WORD = String.raw`(?:\s+(?:the|our|its|their|this\s+year['\u2019]s|the\s+annual|annual|agreed|local|stretch|\d{4}/\d{2}|[\d.]+\s*%?|\uFFFC)){0,3}\s+targets?\b`;

const RULES: readonly Rule[] = [
  // Against the target.
  {
    hint: /target/i,
    re: new RegExp(
      String.raw`\b(above|over|below|under|exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|beat(?:en|s|ing)?|met|meet(?:s|ing)?|achieved?|achieving|hit(?:s|ting)?|missed|miss(?:es|ing)?|short\s+of|ahead\s+of|behind|on|off|at|within)${TARGET_WORD}`,
      'gi',
    ),
    make: (m) => {
      const w = m[1]!.toLowerCase();
      if (/^(above|over)$/.test(w)) return { kind: 'target', position: 'above' };
      if (/^(below|under)$/.test(w)) return { kind: 'target', position: 'below' };
      if (/^(missed|miss|short|behind|off)/.test(w)) return { kind: 'target', position: 'missed' };
      if (/^exceed/.test(w)) return { kind: 'target', position: 'above' };
      return { kind: 'target', position: 'met' };
    },
    negate: (claim) =>
      claim.kind === 'target' && claim.position === 'met'
        ? { kind: 'target', position: 'missed' }
        : claim,
  },
  {
    hint: /range|band/i,
    re: /\b(within|inside|outside|above|below|over|under)\s+(?:of\s+)?(?:the|our|its)?\s*(?:expected|target|agreed|acceptable|normal)\s+(?:range|band)\b/gi,
    make: (m) => {
      const w = m[1]!.toLowerCase();
      const position =
        w === 'outside'
          ? 'out-band'
          : w === 'above' || w === 'over'
            ? 'above-band'
            : w === 'below' || w === 'under'
              ? 'below-band'
              : 'in-band';
      return { kind: 'target', position };
    },
  },
  // Against a comparator.
  {
    hint: /england|national|london|region|neighbo|comparator|similar|\bsn\b/i,
    re: new RegExp(
      String.raw`\b(above|over|below|under|higher\s+than|lower\s+than|better\s+than|worse\s+than|ahead\s+of|behind|outperform(?:ed|s|ing)?|exceed(?:ed|s|ing)?)\s+(${COMPARATOR}(?:\s*(?:,|and|or|&)\s*${COMPARATOR})*)`,
      'gi',
    ),
    make: (m) => {
      const w = m[1]!.toLowerCase();
      const comparators = comparatorsIn(m[2]!);
      if (comparators.length === 0) return undefined;
      const position = /^(above|over|higher|exceed)/.test(w)
        ? 'above'
        : /^(below|under|lower)/.test(w)
          ? 'below'
          : /^(better|ahead|outperform)/.test(w)
            ? 'better'
            : 'worse';
      return { kind: 'benchmark', comparators, position };
    },
  },
  // Against the indicator's own history.
  {
    hint: /since/i,
    re: /\b(highest|lowest|best|worst)\s+(?:(?:level|figure|rate|point|position|value|performance|proportion|number)\s+)?since\s+/gi,
    make: (m) => {
      const w = m[1]!.toLowerCase();
      const extreme = w === 'highest' ? 'highest' : w === 'lowest' ? 'lowest' : undefined;
      return extreme ? { kind: 'extreme', extreme, since: { start: 0, end: 0 } } : undefined;
    },
  },
  // Direction of travel, by the polarity.
  {
    re: new RegExp(
      String.raw`\b(?:improved|improving|improves|recovered|strengthened)${MOVE_AFTER}|${NOUN_BEFORE}(?:improvements?)${NOUN_AFTER}|\bbetter\s+than\s+(?:(?:in|at|the|a|last|previous|previously|before)\b)`,
      'gi',
    ),
    make: () => ({ kind: 'judgement', judgement: 'better' }),
  },
  {
    re: new RegExp(
      String.raw`\b(?:worsened|worsening|deteriorated|deteriorating|deteriorates|slipped|weakened)${MOVE_AFTER}|${NOUN_BEFORE}(?:deterioration|worsening)${NOUN_AFTER}|\bworse\s+than\s+(?:(?:in|at|the|a|last|previous|previously|before)\b)`,
      'gi',
    ),
    make: () => ({ kind: 'judgement', judgement: 'worse' }),
  },
  {
    re: new RegExp(
      String.raw`\b(?:declined|declining)${MOVE_AFTER}|${NOUN_BEFORE}declines?${NOUN_AFTER}`,
      'gi',
    ),
    make: () => ({ kind: 'decline' }),
  },
  // Direction of travel, by the numbers.
  {
    re: new RegExp(
      String.raw`\b(?:rose|risen|grew|grown|climbed|went\s+up|gone\s+up|going\s+up)\b|\b(?:rise|rises|rising|increases?|increased|increasing|growing|climbing)${MOVE_AFTER}|\bup(?=\s+(?:by\s+)?[\d£]|\s+(?:from|on|compared|against|slightly|again)\b)|${NOUN_BEFORE}(?:rise|increase|growth)${NOUN_AFTER}|\bhigher\s+than\s+(?:(?:in|at|a|last|previous|previously|before)\b)`,
      'gi',
    ),
    make: () => ({ kind: 'direction', direction: 'up' }),
  },
  {
    re: new RegExp(
      String.raw`\b(?:fell|fallen|went\s+down|gone\s+down|going\s+down)\b|\b(?:falls?|falling|decreases?|decreased|decreasing|reduced|dropped|dropping|drops?|dipped|dipping)${MOVE_AFTER}|\bdown(?=\s+(?:by\s+)?[\d£]|\s+(?:from|on|compared|against|slightly|again)\b)|${NOUN_BEFORE}(?:fall|decrease|reduction|drop)${NOUN_AFTER}|\blower\s+than\s+(?:(?:in|at|a|last|previous|previously|before)\b)`,
      'gi',
    ),
    make: () => ({ kind: 'direction', direction: 'down' }),
  },
  {
    // "More children went missing this quarter than last": a count's direction.
    re: /\b(more|fewer|less)\b(?=[^.;]{0,80}?\bthan\s+(?:in\s+(?:q[1-4]|the\s+previous|the\s+last|\d)|last|the\s+previous|previously|before|a\s+year|the\s+same))/gi,
    make: (m) => ({ kind: 'direction', direction: m[1]!.toLowerCase() === 'more' ? 'up' : 'down' }),
  },
  {
    re: /\b(?:unchanged|(?:remained|stayed|remains|stays|was|is)\s+the\s+same|no\s+change)\b/gi,
    make: () => ({ kind: 'direction', direction: 'same' }),
  },
];

/** Every claim word starts with one of these: most clauses are passed over at once. */
const ANY_CLAIM =
  /improv|recover|strength|wors|deterior|slipp|weaken|declin|ris|rose|increas|grew|grow|climb|went|gone|going|\bup\b|fell|fall|decreas|reduc|drop|dipp|\bdown\b|higher|lower|better|unchang|same|no\s+change|more|fewer|less|target|range|band|above|below|over|under|ahead|behind|outperform|exceed|highest|lowest|best|worst/i;

/** The claims a clause makes in words, negated and hoped-for ones left out. */
export function findPhrases(text: string, clause: Span): PhraseClaim[] {
  const found: PhraseClaim[] = [];
  const part = text.slice(clause.start, clause.end);
  if (!ANY_CLAIM.test(part)) return found;
  for (const rule of RULES) {
    if (rule.hint && !rule.hint.test(part)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(part); m; m = rule.re.exec(part)) {
      // Leading filler ("a ", "the ") is not part of the claim's place.
      const lead =
        /^(?:\s*\b(?:a|an|the|this|further|continued|significant|slight|small|marked|notable|steady|sharp|large|big|modest|real|clear|overall|showing|shows|showed|represents|represented|saw|seen|see|sustained)\s+)*/i.exec(
          m[0],
        )?.[0].length ?? 0;
      const start = clause.start + m.index + lead;
      const end = clause.start + m.index + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      let claim = rule.make(m);
      if (!claim) continue;
      const guard = guarded(text, start, clause.start);
      if (guard === 'hoped') continue;
      if (guard === 'negated') {
        if (!rule.negate) continue;
        const negated = rule.negate(claim);
        if (negated === claim) continue;
        claim = negated;
      }
      found.push({ ...claim, start, end } as PhraseClaim);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
