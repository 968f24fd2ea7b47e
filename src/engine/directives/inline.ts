import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { IndicatorFacts } from '../facts.js';
import { RULES } from '../messages.js';
import { periodShortLabel } from '../periods.js';
import { formatAmount, unitIsAmbiguous } from '../semantics/index.js';
import type { Place, ResolveContext } from './context.js';
import { benchmarkText, figureWithPeriod, noBreak, shaped } from './figure.js';
import { rankContent } from './rank.js';
import { recordBand, recordChange, recordRag, recordTarget } from './record-figure.js';

const CHANGE_SHAPES = { up: '↑', down: '↓', same: '→', none: '–' } as const;

/** `:value`, `:target`, `:rag`, `:change` and `:benchmark`, given the indicator's facts. */
export function inlineContent(
  ctx: ResolveContext,
  name: string,
  facts: IndicatorFacts,
  attributes: Readonly<Record<string, string>>,
  place: Place,
): ElementContent[] {
  switch (name) {
    case 'value':
      return figureWithPeriod(ctx, facts, { place: 'prose', unit: wantsUnit(facts, attributes) });
    case 'target':
      return [targetText(ctx, facts, place, true)];
    case 'rag':
      return [ragText(ctx, facts, place, true)];
    case 'change':
      return [changeText(ctx, facts)];
    case 'benchmark':
      return benchmarkFor(ctx, facts, attributes['vs'] ?? '', place);
    case 'rank':
    case 'quartile':
      return rankContent(ctx, facts, name, attributes['vs'] ?? '', place);
    default:
      return [];
  }
}

/** `unit=true|false`; by default only where a bare number could be read two ways (counts). */
export function wantsUnit(
  facts: IndicatorFacts,
  attributes: Readonly<Record<string, string>>,
): boolean {
  const written = attributes['unit']?.toLowerCase();
  if (written === 'true') return true;
  if (written === 'false') return false;
  return unitIsAmbiguous(facts.indicator);
}

/**
 * `asked` is true for `:target` and `:rag`, where a missing target is worth a warning; a
 * card or scorecard row just says there is none (many indicators rightly have none).
 */
export function targetText(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  place: Place,
  asked = false,
): ElementContent {
  const band = bandTarget(ctx, facts);
  if (band) return band;
  if (!facts.target) {
    if (!asked)
      return h(
        'span.sc-target.sc-value--missing',
        facts.indicator.polarity === 'none' ? 'not applicable' : 'no target set',
      );
    const period = facts.observation?.period ?? facts.requested;
    ctx.report(
      RULES.noTarget,
      `${facts.indicator.id} has no target${period ? ` for ${periodShortLabel(period)}` : ''}`,
      place,
    );
    return h('span.sc-target.sc-value--missing', 'no target set');
  }
  return recordTarget(
    ctx,
    facts.indicator,
    facts.target,
    h('span.sc-target', noBreak(formatAmount(facts.indicator, facts.target.value))),
  );
}

/**
 * A band indicator's target is its band (`16% to 23%`): a range, so no one number. Its
 * card, its `:target` and its scorecard row all print it, as its status names it.
 */
export function bandTarget(ctx: ResolveContext, facts: IndicatorFacts): ElementContent | undefined {
  const { indicator } = facts;
  if (indicator.polarity !== 'band' || !indicator.band) return undefined;
  const low = Math.min(indicator.band[0], indicator.band[1]);
  const high = Math.max(indicator.band[0], indicator.band[1]);
  const period = facts.observation?.period ?? facts.requested;
  const band = h('span.sc-target', [
    noBreak(formatAmount(indicator, low)),
    ' to ',
    noBreak(formatAmount(indicator, high)),
  ]);
  return period ? recordBand(ctx, indicator, period, band) : band;
}

/**
 * A scorecard's status cell: shape, word and the gap to the target in a few characters
 * (`▼ Red −13 pp`); the target itself is in the cell beside it.
 */
export function compactRag(ctx: ResolveContext, facts: IndicatorFacts): ElementContent {
  return recordRag(ctx, facts, compactRagShown(facts));
}

function compactRagShown(facts: IndicatorFacts): ElementContent {
  if (facts.indicator.polarity === 'none') {
    return shaped('sc-rag sc-rag--none', '○', 'Not rated');
  }
  if (!facts.rag) {
    const missing = facts.observation?.value === undefined ? 'no value' : 'no target';
    return shaped('sc-rag sc-rag--none', '○', `Not rated (${missing})`);
  }
  // The gap may go under the word in a narrow column; each stays whole.
  return shaped(
    `sc-rag sc-rag--${facts.rag.status}`,
    facts.rag.shape,
    `${facts.rag.label} ${noBreak(facts.rag.gap)}`,
  );
}

/** A scorecard's change cell: `↓ 4 pp, worse`, the direction also in words for screen readers. */
export function compactChange(ctx: ResolveContext, facts: IndicatorFacts): ElementContent {
  return recordChange(ctx, facts, compactChangeShown(facts));
}

function compactChangeShown(facts: IndicatorFacts): ElementContent {
  const change = facts.change;
  if (!change) return h('span.sc-change.sc-value--missing', 'no change to report');
  if (change.direction === 'none') {
    return h('span.sc-change.sc-value--missing', change.short);
  }
  const judgement = change.judgement ? ` sc-change--${change.judgement.replace(' ', '-')}` : '';
  const direction = change.direction === 'same' ? '' : change.direction;
  return h('span', { className: `sc-change${judgement}`.split(' ') }, [
    h('span.sc-shape', { ariaHidden: 'true' }, CHANGE_SHAPES[change.direction]),
    '\u00a0',
    ...(direction ? [h('span.sc-vh', `${direction} `)] : []),
    noBreak(change.short).replace(',\u00a0', ', '),
  ]);
}

export function ragText(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  place: Place,
  asked = false,
): ElementContent {
  return recordRag(ctx, facts, ragShown(ctx, facts, place, asked));
}

function ragShown(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  place: Place,
  asked: boolean,
): ElementContent {
  if (facts.indicator.polarity === 'none') {
    return shaped('sc-rag sc-rag--none', '○', 'Not rated: no better direction is declared');
  }
  if (!facts.rag) {
    if (asked && !facts.target && facts.indicator.polarity !== 'band') {
      ctx.report(RULES.noTarget, `${facts.indicator.id} has no target to rate against`, place);
    }
    const missing = facts.observation?.value === undefined ? 'no value' : 'no target';
    return shaped('sc-rag sc-rag--none', '○', `Not rated: ${missing}`);
  }
  const words = facts.rag.text.startsWith(facts.rag.shape)
    ? facts.rag.text.slice(facts.rag.shape.length).trim()
    : facts.rag.text;
  return shaped(`sc-rag sc-rag--${facts.rag.status}`, facts.rag.shape, words);
}

export function changeText(ctx: ResolveContext, facts: IndicatorFacts): ElementContent {
  return recordChange(ctx, facts, changeShown(facts));
}

function changeShown(facts: IndicatorFacts): ElementContent {
  if (!facts.change) return h('span.sc-change.sc-value--missing', 'no change to report');
  const judgement = facts.change.judgement
    ? ` sc-change--${facts.change.judgement.replace(' ', '-')}`
    : '';
  return shaped(`sc-change${judgement}`, CHANGE_SHAPES[facts.change.direction], facts.change.text);
}

function benchmarkFor(
  ctx: ResolveContext,
  facts: IndicatorFacts,
  vs: string,
  place: Place,
): ElementContent[] {
  const wanted = vs.toLowerCase();
  const benchmark = facts.benchmarks.find((b) => b.comparator.toLowerCase() === wanted);
  if (!benchmark) {
    const available = [...new Set(facts.benchmarks.map((b) => b.comparator))];
    ctx.report(
      RULES.noBenchmark,
      `${facts.indicator.id} has no ${vs} benchmark${available.length ? `; it has ${available.join(', ')}` : ''}`,
      place,
      { suggestions: available },
    );
    return [h('span.sc-benchmark.sc-value--missing', `no ${vs} benchmark`)];
  }
  return [h('span.sc-benchmark', benchmarkText(ctx, facts.indicator, benchmark))];
}
