import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Child } from 'hastscript';
import { RULES } from '../messages.js';
import { periodShortLabel } from '../periods.js';
import type { IndicatorFacts } from '../facts.js';
import type { Indicator, Period } from '../types.js';
import { selectBenchmarks } from './card.js';
import type { Place, ResolveContext } from './context.js';
import { figure, figureWithPeriod } from './figure.js';
import { publishedFacts, recordFacts } from './disclosure-gate.js';
import { compareOf, factsAt } from './indicator-facts.js';
import { changeText, ragText, targetText } from './inline.js';
import { resolveIndicator, splitList } from './lookup.js';
import { rankCells, rankHeadings } from './rank-column.js';

/**
 * `::scorecard{ids="A,B"}` or `{tag=care-leavers}`: one row per indicator. Resolves now
 * (messages, the figures it shows) and returns the table's builder, which runs once the
 * document's disclosure decisions are made.
 */
export function scorecardTable(
  ctx: ResolveContext,
  attributes: Readonly<Record<string, string>>,
  period: Period | undefined,
  place: Place,
): () => Element {
  const indicators = scorecardIndicators(ctx, attributes, place);
  const compare = compareOf(attributes);
  const resolved = indicators.map((indicator) => factsAt(ctx, indicator, period, compare, place));
  const comparators = orderedComparators(
    ctx,
    resolved.flatMap((facts) =>
      selectBenchmarks(facts.benchmarks, attributes['benchmarks']).map((b) => b.comparator),
    ),
  );
  for (const facts of resolved) {
    const benchmarks = comparators.flatMap(
      (comparator) => facts.benchmarks.find((b) => b.comparator === comparator) ?? [],
    );
    recordFacts(ctx, facts, { value: true, change: true, benchmarks }, place);
  }
  return () =>
    buildTable(
      ctx,
      resolved.map((facts) => publishedFacts(ctx, facts, compare)),
      comparators,
      attributes,
      period,
      place,
    );
}

function buildTable(
  ctx: ResolveContext,
  facts: readonly IndicatorFacts[],
  comparators: readonly string[],
  attributes: Readonly<Record<string, string>>,
  period: Period | undefined,
  place: Place,
): Element {
  const rows = facts.map((f) => ({ indicator: f.indicator, facts: f }));
  const caption =
    attributes['title'] ?? `Scorecard${period ? `, ${periodShortLabel(period)}` : ''}`;
  const head = ['Indicator', 'Period', 'Value', 'Target', 'Status', 'Change', ...comparators];
  head.push(...rankHeadings(attributes));
  // A wide table scrolls on its own in a narrow preview; keyboard users can scroll it too.
  return h('div.sc-table-wrap', { tabIndex: 0, role: 'region', ariaLabel: caption }, [
    h('table.sc-scorecard', [
      h('caption', caption),
      h(
        'thead',
        h(
          'tr',
          head.map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        rows.map(({ indicator, facts }) =>
          h('tr', [
            h('th', { scope: 'row' }, [h('span.sc-card__id', indicator.id), ' ', indicator.title]),
            h('td', facts.observation ? periodShortLabel(facts.observation.period) : '–'),
            h('td.sc-num', figureWithPeriod(ctx, facts)),
            h('td.sc-num', [targetText(ctx, facts, place)]),
            h('td', [ragText(ctx, facts, place)]),
            h('td', [changeText(facts)]),
            ...comparators.map((comparator) => {
              const benchmark = facts.benchmarks.find((b) => b.comparator === comparator);
              const cell: Child[] = benchmark
                ? [
                    figure(ctx, indicator, benchmark),
                    h('span.sc-note', ` (${periodShortLabel(benchmark.period)})`),
                  ]
                : ['–'];
              return h('td.sc-num', {}, ...cell);
            }),
            ...rankCells(ctx, facts, attributes, place),
          ]),
        ),
      ),
    ]),
  ]);
}

function scorecardIndicators(
  ctx: ResolveContext,
  attributes: Readonly<Record<string, string>>,
  place: Place,
): Indicator[] {
  if (attributes['ids']) {
    return splitList(attributes['ids']).flatMap((id) => resolveIndicator(ctx, id, place) ?? []);
  }
  const tag = (attributes['tag'] ?? '').toLowerCase();
  const tagged = [...ctx.catalogue.indicators.values()].filter((indicator) =>
    indicator.tags.some((t) => t.toLowerCase() === tag),
  );
  if (tagged.length === 0) {
    const tags = [
      ...new Set([...ctx.catalogue.indicators.values()].flatMap((indicator) => indicator.tags)),
    ].sort();
    ctx.report(
      RULES.unknownIndicator,
      `No indicator has the tag ${tag}${tags.length ? `; tags in the data: ${tags.join(', ')}` : ''}`,
      place,
      { suggestions: tags },
    );
  }
  return tagged;
}

/** Declared comparator order first, then any others in the order first met. */
function orderedComparators(ctx: ResolveContext, names: readonly string[]): string[] {
  const present = new Set(names);
  const declared = ctx.catalogue.comparators.filter((name) => present.has(name));
  return [...declared, ...[...present].filter((name) => !declared.includes(name))];
}
