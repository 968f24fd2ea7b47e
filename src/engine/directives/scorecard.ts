import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Child } from 'hastscript';
import { RULES } from '../messages.js';
import { periodShortLabel } from '../periods.js';
import type { Indicator, Period } from '../types.js';
import { selectBenchmarks } from './card.js';
import type { Place, ResolveContext } from './context.js';
import type { IndicatorFacts } from '../facts.js';
import { unitIsAmbiguous } from '../semantics/index.js';
import { figure, figureWithPeriod, noBreak } from './figure.js';
import { compareOf, factsAt } from './indicator-facts.js';
import { bandTarget, compactChange, compactRag, targetText } from './inline.js';
import { resolveIndicator, splitList } from './lookup.js';
import { publishedFacts, recordFacts } from './disclosure-gate.js';
import { rankCells, rankHeadings } from './rank-column.js';
import { SCORECARD_STATUSES } from './registry.js';

type RowStatus = (typeof SCORECARD_STATUSES)[number];
const STATUS_WORDS: Readonly<Record<RowStatus, string>> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  none: 'not rated',
};

/**
 * `::scorecard{ids="A,B"}` or `{tag=care-leavers}`: one row per indicator, compact
 * enough for a dozen indicators and three comparators on one A4 page. `status=` keeps
 * only the rows of those RAG statuses: the exception report. Resolves now (messages, the
 * figures it may show) and returns the table's builder, which runs once the document's
 * disclosure decisions are made: rows are chosen by their status as published, so an
 * exception report never tells by a row's presence what a suppressed figure was.
 */
export function scorecardTable(
  ctx: ResolveContext,
  attributes: Readonly<Record<string, string>>,
  period: Period | undefined,
  place: Place,
): () => Element {
  const indicators = scorecardIndicators(ctx, attributes, place);
  const compare = compareOf(attributes);
  const statuses = statusFilter(ctx, attributes['status'], place);
  const resolved = indicators.map((indicator) => factsAt(ctx, indicator, period, compare, place));
  const comparators = comparatorsOf(ctx, resolved, attributes);
  for (const facts of resolved) {
    const benchmarks = comparators.flatMap(
      (comparator) => facts.benchmarks.find((b) => b.comparator === comparator) ?? [],
    );
    recordFacts(ctx, facts, { value: true, change: true, benchmarks }, place);
    // Rank cells' messages now; the cells themselves once the figures are published.
    rankCells(ctx, facts, attributes, place);
  }
  const quiet: ResolveContext = { ...ctx, report: () => undefined };
  return () => {
    const all = resolved.map((facts) => publishedFacts(ctx, facts, compare));
    const rows = statuses ? all.filter((facts) => statuses.includes(rowStatus(facts))) : all;
    return buildTable(quiet, { all, rows, statuses, attributes, period, place });
  };
}

function comparatorsOf(
  ctx: ResolveContext,
  rows: readonly IndicatorFacts[],
  attributes: Readonly<Record<string, string>>,
): string[] {
  return orderedComparators(
    ctx,
    rows.flatMap((facts) =>
      selectBenchmarks(facts.benchmarks, attributes['benchmarks']).map((b) => b.comparator),
    ),
  );
}

interface TableInput {
  readonly all: readonly IndicatorFacts[];
  readonly rows: readonly IndicatorFacts[];
  readonly statuses: readonly RowStatus[] | undefined;
  readonly attributes: Readonly<Record<string, string>>;
  readonly period: Period | undefined;
  readonly place: Place;
}

function buildTable(ctx: ResolveContext, input: TableInput): Element {
  const { all, rows, statuses, attributes, period, place } = input;
  const comparators = comparatorsOf(ctx, rows, attributes);
  // The period goes in the caption once, unless the rows' figures are of different periods.
  const periods = new Set(rows.map((facts) => facts.observation?.period.key ?? ''));
  const shared = periods.size === 1 ? rows[0]?.observation?.period : undefined;
  const captionText = caption(attributes['title'], shared ?? period, statuses, rows, all);
  const comparatorPeriods = new Map(
    comparators.map((comparator) => [comparator, sharedBenchmarkPeriod(rows, comparator)]),
  );
  const head: Element[] = [
    h('th', { scope: 'col' }, 'Indicator'),
    ...(shared ? [] : [h('th', { scope: 'col' }, 'Period')]),
    h('th.sc-num', { scope: 'col' }, 'Value'),
    h('th.sc-num', { scope: 'col' }, 'Target'),
    h('th', { scope: 'col' }, 'Status'),
    h('th', { scope: 'col' }, 'Change'),
    ...comparators.map((comparator) => {
      const own = comparatorPeriods.get(comparator);
      return h('th.sc-num', { scope: 'col' }, [
        comparator,
        ...(own
          ? [h('span.sc-note.sc-scorecard__period', ` (${noBreak(periodShortLabel(own))})`)]
          : []),
      ]);
    }),
    ...rankHeadings(attributes).map((label) => h('th', { scope: 'col' }, label)),
  ];
  const body =
    rows.length > 0
      ? rows.map((facts) => {
          const { indicator } = facts;
          return h('tr', [
            h('th', { scope: 'row' }, [h('span.sc-card__id', indicator.id), ' ', indicator.title]),
            ...(shared
              ? []
              : [
                  h(
                    'td',
                    facts.observation ? noBreak(periodShortLabel(facts.observation.period)) : '–',
                  ),
                ]),
            h(
              'td.sc-num',
              figureWithPeriod(ctx, facts, { place: 'table', unit: unitIsAmbiguous(indicator) }),
            ),
            h('td.sc-num', [scorecardTarget(ctx, facts, place)]),
            h('td', [compactRag(ctx, facts)]),
            h('td', [compactChange(ctx, facts)]),
            ...comparators.map((comparator) => {
              const benchmark = facts.benchmarks.find((b) => b.comparator === comparator);
              const cell: Child[] = benchmark
                ? [
                    figure(ctx, indicator, benchmark, { place: 'table', bare: true }),
                    comparatorPeriods.get(comparator)
                      ? ''
                      : h('span.sc-note', ` (${noBreak(periodShortLabel(benchmark.period))})`),
                  ]
                : ['–'];
              return h('td.sc-num', {}, ...cell);
            }),
            ...rankCells(ctx, facts, attributes, place),
          ]);
        })
      : [
          h('tr', [
            h(
              'td',
              { colSpan: head.length },
              `No indicator is ${listOr((statuses ?? []).map((status) => STATUS_WORDS[status]))}.`,
            ),
          ]),
        ];
  // On screen a wide table scrolls on its own (keyboard users can scroll it too); in
  // print it wraps to the page instead, as the stylesheet says.
  return h('div.sc-table-wrap', { tabIndex: 0, role: 'region', ariaLabel: captionText }, [
    h('table', { className: ['sc-scorecard', ...(statuses ? ['sc-scorecard--exceptions'] : [])] }, [
      h('caption', captionText),
      h('thead', h('tr', head)),
      h('tbody', body),
    ]),
  ]);
}

function rowStatus(facts: IndicatorFacts): RowStatus {
  return facts.indicator.polarity === 'none' ? 'none' : (facts.rag?.status ?? 'none');
}

/** `status="red,amber"`: the statuses asked for, or undefined for every row. */
function statusFilter(
  ctx: ResolveContext,
  written: string | undefined,
  place: Place,
): RowStatus[] | undefined {
  if (written === undefined) return undefined;
  const wanted: RowStatus[] = [];
  for (const item of splitList(written.toLowerCase())) {
    const status = SCORECARD_STATUSES.find((s) => s === item);
    if (status) {
      if (!wanted.includes(status)) wanted.push(status);
    } else {
      ctx.report(
        RULES.unknownAttribute,
        `status=${item} is not a status; use ${SCORECARD_STATUSES.join(', ')} (comma-separated)`,
        place,
        { suggestions: [...SCORECARD_STATUSES] },
      );
    }
  }
  return wanted.length > 0 ? SCORECARD_STATUSES.filter((s) => wanted.includes(s)) : undefined;
}

function caption(
  title: string | undefined,
  period: Period | undefined,
  statuses: readonly RowStatus[] | undefined,
  rows: readonly IndicatorFacts[],
  all: readonly IndicatorFacts[],
): string {
  const when = period ? periodShortLabel(period) : undefined;
  const named =
    title ??
    (statuses
      ? `Exception report: ${listOr(statuses.map((status) => STATUS_WORDS[status]))} indicators`
      : 'Scorecard');
  const withPeriod = when && !named.includes(when) ? `${named}, ${when}` : named;
  return statuses ? `${withPeriod} (${rows.length} of ${all.length} indicators)` : withPeriod;
}

/** The period of a comparator's figures when every row that has one shares it. */
function sharedBenchmarkPeriod(
  rows: readonly IndicatorFacts[],
  comparator: string,
): Period | undefined {
  const found = rows.flatMap((facts) =>
    facts.benchmarks.filter((b) => b.comparator === comparator).map((b) => b.period),
  );
  const first = found[0];
  return first && found.every((p) => p.key === first.key) ? first : undefined;
}

/** The target, or for a band indicator the band itself (`16% to 23%`). */
function scorecardTarget(ctx: ResolveContext, facts: IndicatorFacts, place: Place): ElementContent {
  const { indicator } = facts;
  const band = bandTarget(ctx, facts);
  if (band) return band;
  if (!facts.target) {
    return h(
      'span.sc-target.sc-value--missing',
      indicator.polarity === 'none' ? 'none' : 'not set',
    );
  }
  return targetText(ctx, facts, place);
}

/** `Red`, `Red or Amber`, `Red, Amber or Green`. */
function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

export function scorecardIndicators(
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
