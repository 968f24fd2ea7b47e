/**
 * The narrative-claim rule on one passage (a paragraph of the officer's own words): each
 * sentence's indicators and periods, its typed numbers and its claim words, judged
 * against the data. Precision comes first: whatever cannot be tied to one indicator and
 * one period with confidence is left alone.
 */
import type { Compare, IndicatorFacts } from '../facts.js';
import { findObservation } from '../facts.js';
import { findIndicator } from '../directives/lookup.js';
import { parsePeriod, periodIn } from '../periods.js';
import { assessRag, benchmarkFor, roundHalfUp, unitIsAmbiguous } from '../semantics/index.js';
import type { Catalogue, Indicator, Observation, Period } from '../types.js';
import { claimIsAbout, namesByTitle, namesIndicator, subjectNames } from './attribution.js';
import { factsFor, figuresAt, isSensitive, type Figure } from './figures.js';
import { amount, directiveText, label, oppositeWording, quote } from './messages.js';
import { namedPeriods, type NamedPeriod } from './named-periods.js';
import { candidates, claimKind, figureMatches } from './number-claims.js';
import { findNumbers, type NumberMention } from './numbers.js';
import type { Passage } from './passage.js';
import { findPhrases, type PhraseClaim } from './phrases.js';
import { splitClauses, splitSentences, within, type Span } from './sentences.js';

export interface ClaimScope {
  readonly catalogue: Catalogue;
  readonly reportPeriod: Period | undefined;
}

/** The `:::indicator` a passage stands in. */
export interface ContainerScope {
  readonly indicator: Indicator;
  readonly period: Period | undefined;
}

export interface Finding extends Span {
  readonly reason: string;
  /** Replacements for the claim's text, the directive first. */
  readonly suggestions: readonly string[];
  /**
   * `small-number`: the typed number is right, but it is a small number the public export
   * suppresses wherever a directive prints it; typed in prose it would be published.
   */
  readonly rule?: 'small-number';
}

interface Ref {
  readonly indicator: Indicator;
  readonly at: number;
  readonly period?: Period;
  readonly compare?: Compare;
}

/** Indicator codes as officers type them: OP148, HY650, CIN-REREF. */
const CODE = /\b[A-Z]{1,6}\d*(?:-[A-Z0-9]+)*\d[A-Z]?\b|\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b/g;
/** A clause that names a comparator may quote its benchmark. */
const COMPARATOR_WORDS =
  /\b(?:england|national(?:ly)?|london|region(?:al|ally)?|neighbou?rs?|averages?|comparators?|similar|benchmarks?|other\s+(?:authorities|boroughs|councils))\b/i;
const COMPARISON_CUE =
  /\bfrom\s+(?:[\d£\uFFFC]|(?:q[1-4]|the\s+(?:previous|last|same)|last|a\s+year)\b)|\b(?:compared|compares?|comparison|than|previous(?:ly)?|prior|earlier|before|since|last|ago|versus|vs)\b/i;

/** Whether the text names an indicator of the catalogue by its code (`OP148 stood at 64%`). */
export function namesIndicatorCode(text: string, catalogue: Catalogue): boolean {
  for (const match of text.matchAll(CODE)) if (findIndicator(catalogue, match[0])) return true;
  return false;
}

export function judgePassage(
  passage: Passage,
  container: ContainerScope | undefined,
  scope: ClaimScope,
): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of splitSentences(passage.text)) {
    findings.push(...judgeSentence(passage, sentence, container, scope));
  }
  return findings;
}

function refsIn(
  passage: Passage,
  sentence: Span,
  catalogue: Catalogue,
): { refs: Ref[]; codes: Span[] } {
  const refs: Ref[] = [];
  for (const directive of passage.directives) {
    if (!within(sentence, directive.at)) continue;
    const id = directive.attributes['id'];
    if (id === undefined) continue;
    const indicator = findIndicator(catalogue, id);
    if (!indicator) continue;
    const written = directive.attributes['period'];
    const period = written ? parsePeriod(written) : undefined;
    refs.push({
      indicator,
      at: directive.at,
      ...(period ? { period } : {}),
      ...(directive.name === 'change'
        ? {
            compare:
              directive.attributes['compare'] === 'year'
                ? ('year' as const)
                : ('previous' as const),
          }
        : {}),
    });
  }
  const codes: Span[] = [];
  const text = passage.text.slice(sentence.start, sentence.end);
  for (const m of text.matchAll(CODE)) {
    const indicator = findIndicator(catalogue, m[0]);
    const start = sentence.start + m.index;
    codes.push({ start, end: start + m[0].length });
    if (indicator) refs.push({ indicator, at: start });
  }
  return { refs, codes };
}

function judgeSentence(
  passage: Passage,
  sentence: Span,
  container: ContainerScope | undefined,
  scope: ClaimScope,
): Finding[] {
  const { text } = passage;
  const { catalogue } = scope;
  const { refs, codes } = refsIn(passage, sentence, catalogue);
  const hasDirective = passage.directives.some((d) => within(sentence, d.at));
  let indicators = [...new Set(refs.map((r) => r.indicator))];
  if (indicators.length === 0 && container) indicators = [container.indicator];
  // A breakdown's figures are its categories': not judged here.
  if (indicators.some((i) => i.breakdown !== undefined)) return [];
  if (indicators.length === 0) return [];
  const base =
    refs.find((r) => r.period)?.period ??
    (refs.length === 0 ? container?.period : undefined) ??
    scope.reportPeriod ??
    factsFor(catalogue, indicators[0]!, undefined, 'previous').observation?.period;
  if (!base) return [];
  const named = namedPeriods(text, sentence, base);
  const cue =
    COMPARISON_CUE.test(text.slice(sentence.start, sentence.end)) ||
    named.some((n) => n.role === 'comparison');
  const mains = named.filter((n) => n.role === 'main').flatMap((n) => n.periods);
  const current =
    named.find((n) => n.role === 'main' && n.periods.length === 1)?.periods[0] ?? base;
  // The periods the sentence is about give every figure; those it compares with, their values.
  const periods = new Map<string, { readonly period: Period; readonly full: boolean }>();
  for (const n of named) {
    if (n.role !== 'comparison') continue;
    for (const p of n.periods) periods.set(p.key, { period: p, full: false });
  }
  for (const p of mains.length > 0 ? mains : [base]) periods.set(p.key, { period: p, full: true });
  if (mains.length > 0 && (hasDirective || cue))
    periods.set(base.key, { period: base, full: true });
  const context: SentenceContext = {
    passage,
    sentence,
    scope,
    refs,
    ...(refs.length === 0 && container ? { card: container.indicator } : {}),
    named,
    current,
    base,
    periods: [...periods.values()],
    withEarlier: cue,
  };
  const findings: Finding[] = [];
  const taken: Span[] = [...named, ...codes];
  for (const mention of findNumbers(text, sentence, taken)) {
    const finding = judgeNumber(context, indicators, mention);
    if (finding) findings.push(finding);
  }
  for (const clause of splitClauses(text, sentence)) {
    for (const phrase of findPhrases(text, clause)) {
      if (findings.some((f) => phrase.start < f.end && phrase.end > f.start)) continue;
      const inClause = indicators.filter((i) =>
        refs.some((r) => r.indicator === i && within(clause, r.at)),
      );
      const about = (inClause.length > 0 ? inClause : indicators).filter((i) =>
        claimIsAbout(text, clause, phrase, i, inClause.includes(i)),
      );
      if (about.length !== 1) continue;
      const finding = judgePhrase(context, about[0]!, clause, phrase);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

interface SentenceContext {
  readonly passage: Passage;
  readonly sentence: Span;
  readonly scope: ClaimScope;
  readonly refs: readonly Ref[];
  /** The indicator of the `:::indicator` card the sentence stands in, when it has no directive. */
  readonly card?: Indicator;
  readonly named: readonly NamedPeriod[];
  /** The period the sentence is about. */
  readonly current: Period;
  /** The period its directives (or the report) print. */
  readonly base: Period;
  /** Every period whose figures a number may quote (`full`: not just its values). */
  readonly periods: ReadonlyArray<{ readonly period: Period; readonly full: boolean }>;
  readonly withEarlier: boolean;
}

const figureCache = new WeakMap<Indicator, Map<string, Figure[]>>();

function figuresFor(
  scope: ClaimScope,
  indicator: Indicator,
  period: Period,
  withEarlier: boolean,
): Figure[] {
  let byKey = figureCache.get(indicator);
  if (!byKey) {
    byKey = new Map();
    figureCache.set(indicator, byKey);
  }
  const key = `${period.key}\u0000${withEarlier}\u0000${scope.catalogue.smallNumberThreshold}`;
  let figures = byKey.get(key);
  if (!figures) {
    figures = figuresAt(scope.catalogue, indicator, period, withEarlier);
    byKey.set(key, figures);
  }
  return figures;
}

type Role =
  | { readonly kind: 'value' }
  | { readonly kind: 'target' }
  | { readonly kind: 'benchmark'; readonly comparator: string }
  | { readonly kind: 'previous' }
  | { readonly kind: 'difference' };

const CMP = String.raw`(england|national(?:ly)?|london|regional|region|statistical\s+neighbou?rs|neighbou?rs|comparators?)`;
const CMP_BEFORE = new RegExp(
  String.raw`\b${CMP}(?:['\u2019]s?)?(?:\s+(?:average|figure|rate|mean|level))?\s*(?:of|was|is|at|were|:|\(|stood\s+at|,)?\s*$`,
  'i',
);
const CMP_AFTER = new RegExp(
  String.raw`^\s*\)?\s*(?:(?:in|for|across)\s+(?:the\s+)?(england|london|region)|(nationally|regionally)|(?:for|among|amongst|across)\s+(?:our\s+)?(statistical\s+neighbou?rs|neighbou?rs))`,
  'i',
);

function comparatorOf(written: string): string {
  const w = written.toLowerCase();
  if (/england|national/.test(w)) return 'England';
  if (/london/.test(w)) return 'London';
  if (/region/.test(w)) return 'region';
  return 'Statistical neighbours';
}

function roleOf(text: string, sentence: Span, mention: NumberMention, kind: string): Role {
  if (kind === 'difference' || kind === 'relative') return { kind: 'difference' };
  const before = text.slice(Math.max(sentence.start, mention.start - 40), mention.start);
  const after = text.slice(mention.end, Math.min(sentence.end, mention.end + 40));
  if (
    /\btargets?\s*(?:of|was|is|:|=|set\s+at|of\s+(?:about|around|approximately))?\s*$/i.test(
      before,
    ) ||
    /^\s*targets?\b/i.test(after)
  )
    return { kind: 'target' };
  const cmp = CMP_BEFORE.exec(before) ?? null;
  if (cmp) return { kind: 'benchmark', comparator: comparatorOf(cmp[1]!) };
  const cmpAfter = CMP_AFTER.exec(after);
  if (cmpAfter)
    return {
      kind: 'benchmark',
      comparator: comparatorOf(cmpAfter[1] ?? cmpAfter[2] ?? cmpAfter[3] ?? ''),
    };
  if (
    /\b(?:from|compared\s+(?:with|to)|than|versus|vs\.?)\s*$/i.test(before) ||
    /^\s*(?:in\s+the\s+)?(?:last|previous|prior|a\s+year\s+(?:ago|earlier))\b/i.test(after)
  )
    return { kind: 'previous' };
  return { kind: 'value' };
}

/** The data's comparator a written one stands for: "the region" is London for a London borough. */
export function resolveComparator(
  indicator: Indicator,
  catalogue: Catalogue,
  written: string,
): string | undefined {
  const names = [
    ...new Set([...catalogue.comparators, ...indicator.benchmarks.map((b) => b.comparator)]),
  ];
  const find = (re: RegExp): string | undefined => names.find((n) => re.test(n));
  switch (written) {
    case 'England':
      return find(/^england$/i) ?? find(/england|national/i);
    case 'London':
      return find(/^london$/i);
    case 'Statistical neighbours':
      return find(/statistical|neighbou?r/i);
    default: {
      const region = indicator.peers?.regionName;
      if (region) return find(new RegExp(`^${region.replace(/[^\w\s]/g, '')}$`, 'i'));
      const others = names.filter((n) => !/england|national|statistical|neighbou?r/i.test(n));
      return others.length === 1 ? others[0] : find(/region/i);
    }
  }
}

function periodAttribute(context: SentenceContext, period: Period): string | undefined {
  return period.key === context.base.key && !context.refs.some((r) => r.period)
    ? undefined
    : period.key;
}

/** An aim, a plan or a forecast is no claim about the data: "our ambition is 70% by 2026". */
const ASPIRATION_BEFORE =
  /\b(?:ambitions?|aims?|aiming|aspir\w*|goals?|will|would|should|could|expect\w*|forecast\w*|project(?:ed|ion|ions)|trajector\w*|wants?|hopes?|hoping|intend\w*|seek\w*|striv\w*|commit\w*|if|unless)\b/i;
const ASPIRATION_AFTER =
  /^[^.;]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?(?:\d{4}|march|april|year[-\s]end|next\s+year|the\s+end)/i;

function judgeNumber(
  context: SentenceContext,
  indicators: readonly Indicator[],
  mention: NumberMention,
): Finding | undefined {
  const { passage, sentence, scope } = context;
  const { text } = passage;
  const clauseOf = splitClauses(text, sentence).find((c) => within(c, mention.start)) ?? sentence;
  if (
    ASPIRATION_BEFORE.test(text.slice(clauseOf.start, mention.start)) ||
    ASPIRATION_AFTER.test(text.slice(mention.end, clauseOf.end))
  )
    return undefined;
  let claimed:
    { indicator: Indicator; kind: NonNullable<ReturnType<typeof claimKind>> } | undefined;
  const words = text.slice(sentence.start, sentence.end);
  for (const indicator of indicators) {
    const kind = claimKind(text, mention, indicator, sentence.end);
    if (!kind) continue;
    // Without its directive, a sentence must name the indicator for its numbers to be about it.
    if (!context.refs.some((r) => r.indicator === indicator)) {
      const counted = mention.unit === 'bare' && indicator.unit !== 'percent';
      const named =
        (namesIndicator(words, indicator, 'sentence') &&
          (!counted || namesByTitle(words, indicator))) ||
        // Inside its own card, a subject that refers back to it is enough ("It stood at
        // 64%", "This is a rise of 9 children"); not for a bare count, which may count
        // anything the card's children did ("We placed 3 children with kin").
        (context.card === indicator &&
          (!counted || kind === 'difference') &&
          subjectNames(text, clauseOf, mention.start, indicator));
      if (!named) {
        // Not a claim to judge, but the indicator's own small number typed beside it
        // ("3 children" under a card that suppresses 3) would still be published.
        if (kind === 'figure' && typesSmallFigure(context, indicator, mention))
          return smallNumberFinding(context, indicator, mention);
        continue;
      }
    }
    const facts = factsFor(scope.catalogue, indicator, context.current, 'previous');
    if (facts.status === 'missing') return undefined;
    const role = roleOf(text, sentence, mention, kind);
    let figures = context.periods.flatMap(({ period, full }) =>
      figuresFor(scope, indicator, period, context.withEarlier).filter(
        (f) => full || f.kind === 'value' || f.kind === 'numerator' || f.kind === 'denominator',
      ),
    );
    if (kind === 'difference') figures.push(...changesSinceNamed(context, indicator));
    const clause = splitClauses(text, sentence).find((c) => within(c, mention.start)) ?? sentence;
    if (role.kind === 'value' && !COMPARATOR_WORDS.test(text.slice(clause.start, clause.end)))
      figures = figures.filter((f) => f.kind !== 'benchmark');
    if (role.kind === 'target')
      figures = figures.filter(
        (f) => f.kind === 'target' || f.kind === 'band' || f.kind === 'difference',
      );
    if (role.kind === 'benchmark') {
      const name = resolveComparator(indicator, scope.catalogue, role.comparator);
      if (!name) return undefined;
      figures = figures.filter((f) => f.kind === 'benchmark' && f.comparator === name);
      if (figures.length === 0) return undefined;
    }
    const matched = candidates(kind, figures).filter((f) =>
      figureMatches(mention, f.value, indicator),
    );
    if (matched.length > 0) {
      return mention.qualifier === 'exact' && matched.every((f) => f.small)
        ? smallNumberFinding(context, indicator, mention)
        : undefined;
    }
    claimed ??= { indicator, kind };
  }
  if (!claimed) return undefined;
  return numberFinding(context, claimed.indicator, mention, claimed.kind);
}

/**
 * "A rise of 3 since February": the change from each period the sentence compares with,
 * which for a monthly count in a quarterly report is not the change the card prints.
 */
function changesSinceNamed(context: SentenceContext, indicator: Indicator): Figure[] {
  const { catalogue } = context.scope;
  const now = factsFor(catalogue, indicator, context.current, 'previous').observation;
  if (now?.value === undefined || now.symbol !== undefined) return [];
  const sensitive = isSensitive(catalogue, indicator, now);
  const changes: Figure[] = [];
  for (const { period, full } of context.periods) {
    if (full) continue;
    const then = findObservation(indicator, period).observation;
    if (then?.value === undefined || then.symbol !== undefined || then === now) continue;
    const value = Math.abs(now.value - then.value);
    changes.push({
      kind: 'difference',
      value,
      sensitive: sensitive || isSensitive(catalogue, indicator, then),
    });
  }
  return changes;
}

/** Whether the typed number is exactly a small figure of the indicator for the sentence's period. */
function typesSmallFigure(
  context: SentenceContext,
  indicator: Indicator,
  mention: NumberMention,
): boolean {
  if (mention.qualifier !== 'exact') return false;
  return context.periods.some(({ period }) =>
    figuresFor(context.scope, indicator, period, false).some(
      (f) => f.small === true && figureMatches(mention, f.value, indicator),
    ),
  );
}

/** A typed number that is a suppressed small figure: flagged without repeating it. */
function smallNumberFinding(
  context: SentenceContext,
  indicator: Indicator,
  mention: NumberMention,
): Finding {
  const when = label(context.current);
  return {
    start: mention.start,
    end: mention.end,
    reason: `This typed number is ${indicator.id}'s ${when} figure, a small number that disclosure control suppresses: write the directive instead (the public export prints it as c) or leave the number out`,
    suggestions: [
      directiveText('value', indicator, { period: periodAttribute(context, context.current) }),
    ],
    rule: 'small-number',
  };
}

function quoteBefore(text: string, sentence: Span, span: Span, words = 2): string {
  const before = text.slice(sentence.start, span.start);
  const lead =
    new RegExp(String.raw`(?:[A-Za-z'\u2019-]+\s+){0,${words}}$`).exec(before)?.[0] ?? '';
  return quote(`${lead}${text.slice(span.start, span.end)}`);
}

function numberFinding(
  context: SentenceContext,
  indicator: Indicator,
  mention: NumberMention,
  kind: NonNullable<ReturnType<typeof claimKind>>,
): Finding {
  const { passage, sentence, scope } = context;
  const { text } = passage;
  const { catalogue } = scope;
  const said = `"${quoteBefore(text, sentence, mention)}"`;
  const role = roleOf(text, sentence, mention, kind);
  // "436 days in 2023/24": the period written right after a number is the one it is about.
  const own = context.named.find(
    (n) =>
      n.periods.length === 1 &&
      n.start >= mention.end &&
      /^\s*(?:in|for|at|during)?\s*$/i.test(text.slice(mention.end, n.start)),
  );
  const facts = factsFor(catalogue, indicator, own?.periods[0] ?? context.current, 'previous');
  if (!facts.observation)
    return {
      start: mention.start,
      end: mention.end,
      reason: `"${quoteBefore(text, sentence, mention)}" is not a figure of ${indicator.id}`,
      suggestions: [],
    };
  const obs = facts.observation;
  const when = label(obs.period);
  const hidden = isSensitive(catalogue, indicator, obs);
  const periodKey = periodAttribute(context, own?.periods[0] ?? context.current);
  const place = { start: mention.start, end: mention.end };
  const notShown = (what: string): string =>
    obs.symbol !== undefined && obs.symbol !== 'u'
      ? `${said} quotes a figure, but ${indicator.id}'s ${when} ${what} is suppressed (${obs.symbol}): it must not be quoted`
      : `${said} is not ${indicator.id}'s ${when} ${what} (the figure is not shown here: disclosure control would suppress it)`;
  switch (role.kind) {
    case 'target': {
      const target = facts.target;
      return {
        ...place,
        reason: target
          ? `${said}, but ${indicator.id}'s target for ${label(target.period)} is ${amount(indicator, target.value)}`
          : `${said}, but ${indicator.id} has no target for ${when}`,
        suggestions: target ? [directiveText('target', indicator, { period: periodKey })] : [],
      };
    }
    case 'benchmark': {
      const name = resolveComparator(indicator, catalogue, role.comparator) ?? role.comparator;
      const benchmark = benchmarkFor(indicator, obs.period, name);
      const printed =
        benchmark?.value !== undefined && benchmark.symbol === undefined
          ? `is ${amount(indicator, benchmark.value)} (${label(benchmark.period)})`
          : 'has no figure to quote';
      return {
        ...place,
        reason: `${said}, but ${indicator.id}'s ${name} benchmark ${printed}`,
        suggestions: [directiveText('benchmark', indicator, { vs: name, period: periodKey })],
      };
    }
    case 'previous': {
      const earlier = comparisonObservation(context, indicator, facts);
      if (earlier && earlier.value !== undefined && !isSensitive(catalogue, indicator, earlier)) {
        return {
          ...place,
          reason: `${said}, but ${indicator.id}'s ${label(earlier.period)} value is ${amount(indicator, earlier.value)}`,
          suggestions: [directiveText('value', indicator, { period: earlier.period.key })],
        };
      }
      return {
        ...place,
        reason: `${said} is not a figure of ${indicator.id} for ${when} or the period it is compared with`,
        suggestions: [],
      };
    }
    case 'difference': {
      // "6 pp below target", "2 points above England": the gap, when the words name it.
      const after = text.slice(mention.end, Math.min(sentence.end, mention.end + 40));
      const gapTo =
        /^\s*(?:higher|lower|above|below|short\s+of|under|over|better|worse)\s+(?:than\s+)?(?:the\s+|our\s+)?(target|england|national|london|region|regional|statistical\s+neighbou?rs|neighbou?rs)/i.exec(
          after,
        );
      const other =
        gapTo === null
          ? undefined
          : /target/i.test(gapTo[1]!)
            ? facts.target && { value: facts.target.value, what: 'its target' }
            : (() => {
                const name = resolveComparator(indicator, catalogue, comparatorOf(gapTo[1]!));
                const b = name ? benchmarkFor(indicator, obs.period, name) : undefined;
                return b?.value !== undefined && b.symbol === undefined
                  ? {
                      value: b.value,
                      what: `${possessive(name!)} ${amount(indicator, b.value)} (${label(b.period)})`,
                    }
                  : undefined;
              })();
      if (other && obs.value !== undefined && !hidden) {
        const gap =
          roundHalfUp(obs.value, indicator.decimals) - roundHalfUp(other.value, indicator.decimals);
        const where = gap > 0 ? 'above' : gap < 0 ? 'below' : 'level with';
        return {
          ...place,
          reason: `${said}, but ${indicator.id}'s ${when} value ${amount(indicator, obs.value)} is ${gap === 0 ? '' : `${amount(indicator, Math.abs(gap)).replace('%', ' pp')} `}${where} ${other.what === 'its target' ? `its target of ${amount(indicator, other.value)}` : other.what}`,
          suggestions: [directiveText('rag', indicator, { period: periodKey })],
        };
      }
      const change = facts.change;
      const previousHidden = facts.previous
        ? isSensitive(catalogue, indicator, facts.previous)
        : false;
      if (change && change.direction !== 'none' && !hidden && !previousHidden) {
        return {
          ...place,
          reason: `${said}, but ${indicator.id}'s ${when} figure is ${change.text}`,
          suggestions: [directiveText('change', indicator, { period: periodKey })],
        };
      }
      return {
        ...place,
        reason: `${said} is not a change or gap of ${indicator.id}'s ${when} figure`,
        suggestions: [directiveText('change', indicator, { period: periodKey })],
      };
    }
    case 'value': {
      if (kind === 'rank') {
        return {
          ...place,
          reason: `${said} is not a rank of ${indicator.id} for ${when}`,
          suggestions: [],
        };
      }
      const unitWords = unitIsAmbiguous(indicator) ? { unit: 'false' } : {};
      const suggestions = [directiveText('value', indicator, { period: periodKey, ...unitWords })];
      if (hidden || obs.value === undefined)
        return { ...place, reason: notShown('value'), suggestions };
      return {
        ...place,
        reason: `${said}, but ${indicator.id}'s ${when} value is ${amount(indicator, obs.value)}`,
        suggestions,
      };
    }
  }
}

/** The observation a sentence compares with: a period it names, else the one before. */
function comparisonObservation(
  context: SentenceContext,
  indicator: Indicator,
  facts: IndicatorFacts,
  near?: number,
): Observation | undefined {
  const named = context.named.filter((n) => n.role === 'comparison' && !n.since && !n.relative);
  const chosen = (near === undefined ? undefined : named.find((n) => n.start >= near)) ?? named[0];
  if (chosen) {
    for (const period of chosen.periods) {
      if (facts.observation && period.key === facts.observation.period.key) continue;
      const found = findObservation(indicator, period);
      if (found.status === 'current') return found.observation;
    }
    return undefined;
  }
  const yearly = context.named.some((n) => n.relative === 'year');
  if (yearly) return factsFor(context.scope.catalogue, indicator, context.current, 'year').previous;
  return facts.previous;
}

/**
 * The period a claim word is about: one named after it in its clause ("dropped to 63% in
 * Q3"), else one named before it there, else the sentence's.
 */
function periodOfPhrase(
  context: SentenceContext,
  indicator: Indicator,
  clause: Span,
  phrase: Span,
): Period {
  // A :change in the clause prints its own period's change: the word describes that.
  if (
    context.refs.some(
      (r) => r.indicator === indicator && r.compare !== undefined && within(clause, r.at),
    )
  )
    return context.base;
  const mains = context.named.filter((n) => n.role === 'main' && within(clause, n.start));
  const pick =
    mains.find((n) => n.start >= phrase.end) ??
    [...mains].reverse().find((n) => n.end <= phrase.start);
  if (!pick) return context.current;
  return (
    pick.periods.find((p) => findObservation(indicator, p).status === 'current') ?? context.current
  );
}

function comparable(obs: Observation | undefined): number | undefined {
  if (!obs || (obs.symbol !== undefined && obs.symbol !== 'u')) return undefined;
  return obs.value;
}

function sign(n: number): -1 | 0 | 1 {
  return n > 1e-9 ? 1 : n < -1e-9 ? -1 : 0;
}

function judgePhrase(
  context: SentenceContext,
  indicator: Indicator,
  clause: Span,
  phrase: PhraseClaim,
): Finding | undefined {
  const { passage, scope, refs } = context;
  const { text } = passage;
  const { catalogue } = scope;
  const changeRef = refs.find(
    (r) => r.indicator === indicator && r.compare !== undefined && within(clause, r.at),
  );
  const yearly = context.named.some((n) => n.relative === 'year') || changeRef?.compare === 'year';
  const compare: Compare = yearly ? 'year' : 'previous';
  const current = periodOfPhrase(context, indicator, clause, phrase);
  const facts = factsFor(catalogue, indicator, current, compare);
  if (facts.status === 'missing' || !facts.observation) return undefined;
  const obs = facts.observation;
  const now = comparable(obs);
  if (now === undefined) return undefined;
  const written = text.slice(phrase.start, phrase.end);
  const said = `"${quote(written)}"`;
  const when = label(obs.period);
  const hidden = isSensitive(catalogue, indicator, obs);
  const periodKey = periodAttribute(context, current);
  const place = { start: phrase.start, end: phrase.end };
  const shown = roundHalfUp(now, indicator.decimals);
  const swap = (ok: boolean): string[] => {
    const opposite = ok ? oppositeWording(written) : undefined;
    return opposite ? [opposite] : [];
  };
  switch (phrase.kind) {
    case 'direction':
    case 'judgement':
    case 'decline': {
      const before = comparisonObservation(context, indicator, facts, phrase.end);
      const then = comparable(before);
      if (before === undefined || then === undefined) return undefined;
      const printed = sign(shown - roundHalfUp(then, indicator.decimals));
      const raw = sign(now - then);
      const moved: 'up' | 'down' | 'same' = printed > 0 ? 'up' : printed < 0 ? 'down' : 'same';
      const polarity = indicator.polarity;
      const judgement =
        moved === 'same' || (polarity !== 'higher' && polarity !== 'lower')
          ? undefined
          : (moved === 'up') === (polarity === 'higher')
            ? 'better'
            : 'worse';
      let wrong: boolean;
      if (phrase.kind === 'direction') {
        if (phrase.direction === 'same') wrong = moved !== 'same';
        else {
          const wanted = phrase.direction === 'up' ? 1 : -1;
          wrong = printed === -wanted || (printed === 0 && raw !== wanted);
        }
      } else if (phrase.kind === 'judgement') {
        if (polarity !== 'higher' && polarity !== 'lower') return undefined;
        const good = polarity === 'higher' ? 1 : -1;
        const wanted = phrase.judgement === 'better' ? good : -good;
        wrong = printed === -wanted || (printed === 0 && raw !== wanted);
      } else {
        wrong = moved === 'up' && judgement !== 'worse';
      }
      if (!wrong) return undefined;
      const hiddenBefore = isSensitive(catalogue, indicator, before);
      const movement = moved === 'same' ? 'did not change' : moved === 'up' ? 'rose' : 'fell';
      const figures =
        hidden || hiddenBefore
          ? `from ${label(before.period)} to ${when}`
          : moved === 'same'
            ? `from ${label(before.period)} to ${when} (${amount(indicator, then)})`
            : `from ${amount(indicator, then)} ${periodIn(before.period)} to ${amount(indicator, now)} ${periodIn(obs.period)}`;
      const verdict = judgement ? `, which is ${judgement}` : '';
      const explicit =
        comparisonObservation(context, indicator, facts, phrase.end) !== facts.previous;
      const directive = explicit
        ? []
        : [
            directiveText('change', indicator, {
              compare: yearly ? 'year' : undefined,
              period: periodKey,
            }),
          ];
      const oppositeOk =
        phrase.kind === 'direction'
          ? moved !== 'same' && phrase.direction !== 'same'
          : judgement !== undefined;
      return {
        ...place,
        reason: `${said}, but ${indicator.id} ${movement} ${figures}${verdict}`,
        suggestions: [...directive, ...swap(oppositeOk && phrase.kind !== 'decline')],
      };
    }
    case 'target': {
      if (phrase.position.endsWith('band')) {
        const band = indicator.band;
        if (indicator.polarity !== 'band' || !band) return undefined;
        const low = Math.min(...band);
        const high = Math.max(...band);
        const inside = shown >= low && shown <= high;
        const holds =
          phrase.position === 'in-band'
            ? inside
            : phrase.position === 'out-band'
              ? !inside
              : phrase.position === 'above-band'
                ? shown > high
                : shown < low;
        if (holds) return undefined;
        const range = `${amount(indicator, Math.min(...band))} to ${amount(indicator, Math.max(...band))}`;
        return {
          ...place,
          reason: hidden
            ? `${said}, but ${indicator.id}'s ${when} value is ${inside ? 'inside' : 'outside'} its range of ${range}`
            : `${said}, but ${indicator.id}'s ${when} value ${amount(indicator, now)} is ${inside ? 'inside' : 'outside'} its range of ${range}`,
          suggestions: [directiveText('rag', indicator, { period: periodKey })],
        };
      }
      const target = facts.target;
      if (!target || indicator.polarity === 'none') return undefined;
      const goal = roundHalfUp(target.value, indicator.decimals);
      const position = sign(shown - goal);
      const rag = assessRag(indicator, now, target);
      let wrong: boolean;
      switch (phrase.position) {
        case 'above':
          wrong = position <= 0;
          break;
        case 'below':
          wrong = position >= 0;
          break;
        case 'met':
          wrong = rag !== undefined && rag.status !== 'green';
          break;
        default:
          wrong = rag !== undefined && rag.status === 'green';
      }
      if (!wrong) return undefined;
      const where = position > 0 ? 'above' : position < 0 ? 'below' : 'on';
      const status = rag ? ` (${rag.label})` : '';
      return {
        ...place,
        reason: hidden
          ? `${said}, but ${indicator.id}'s ${when} value is ${where} its target${status}`
          : `${said}, but ${indicator.id}'s ${when} value ${amount(indicator, now)} is ${where} its target of ${amount(indicator, target.value)}${status}`,
        suggestions: [
          directiveText('rag', indicator, { period: periodKey }),
          ...swap(
            position !== 0 &&
              (phrase.position === 'above' ||
                phrase.position === 'below' ||
                phrase.position === 'met' ||
                phrase.position === 'missed') &&
              rag !== undefined,
          ),
        ],
      };
    }
    case 'benchmark': {
      for (const written of phrase.comparators) {
        const name = resolveComparator(indicator, catalogue, written);
        if (!name) continue;
        const benchmark = benchmarkFor(indicator, obs.period, name);
        const theirs = benchmark?.symbol === undefined ? benchmark?.value : undefined;
        if (!benchmark || theirs === undefined) continue;
        const position = sign(shown - roundHalfUp(theirs, indicator.decimals));
        let wrong: boolean;
        if (phrase.position === 'above') wrong = position <= 0;
        else if (phrase.position === 'below') wrong = position >= 0;
        else {
          if (indicator.polarity !== 'higher' && indicator.polarity !== 'lower') continue;
          const good = indicator.polarity === 'higher' ? 1 : -1;
          wrong = phrase.position === 'better' ? position !== good : position !== -good;
        }
        if (!wrong) continue;
        const where = position > 0 ? 'above' : position < 0 ? 'below' : 'the same as';
        return {
          ...place,
          reason: hidden
            ? `${said}, but ${indicator.id}'s ${when} value is ${where} ${possessive(name)} ${amount(indicator, theirs)} (${label(benchmark.period)})`
            : `${said}, but ${indicator.id}'s ${when} value ${amount(indicator, now)} is ${where} ${possessive(name)} ${amount(indicator, theirs)} (${label(benchmark.period)})`,
          suggestions: [
            directiveText('benchmark', indicator, { vs: name, period: periodKey }),
            ...swap(position !== 0 && (phrase.position === 'above' || phrase.position === 'below')),
          ],
        };
      }
      return undefined;
    }
    case 'extreme': {
      const since = context.named.find(
        (n) => n.since && n.start >= phrase.end && n.start - phrase.end < 4,
      );
      const from = since?.periods.length === 1 ? since.periods[0] : undefined;
      if (!from) return undefined;
      const between = indicator.values.filter(
        (v) =>
          v.period.kind === obs.period.kind &&
          v.period.start > from.end &&
          v.period.end < obs.period.start,
      );
      if (between.length === 0) return undefined;
      const beyond = between.find((v) => {
        const value = comparable(v);
        if (value === undefined) return false;
        const d = roundHalfUp(value, indicator.decimals) - shown;
        return phrase.extreme === 'highest' ? d > 0 : d < 0;
      });
      if (!beyond) return undefined;
      const than = phrase.extreme === 'highest' ? 'higher' : 'lower';
      const printed =
        isSensitive(catalogue, indicator, beyond) || hidden
          ? ''
          : ` (${amount(indicator, beyond.value!)})`;
      return {
        ...place,
        end: since!.end,
        reason:
          `${said}${text.slice(phrase.end, since!.end)}", but ${indicator.id} was ${than} ${periodIn(beyond.period)}${printed} than ${periodIn(obs.period)}`.replace(
            `${said}`,
            `"${quote(written)}`,
          ),
        suggestions: [],
      };
    }
  }
}

/** `England's`, `Statistical neighbours'`: a comparator's name as the owner of its figure. */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
