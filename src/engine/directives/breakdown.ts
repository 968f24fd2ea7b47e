/**
 * Breakdown indicators (dsl.md, "More data"): `:value{id category="…"}` and
 * `::breakdown{id periods? chart?}`. Each category is looked at as an indicator of its
 * own (same unit, polarity and disclosure rules), so a category's figure is found,
 * judged stale or missing, and suppressed exactly as any figure is.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { breakdownChartSpec, type BreakdownBar } from '../charts/breakdown-spec.js';
import { axisTitle, labelChartSvg } from '../charts/index.js';
import { prefixIds, safeIdPrefix } from '../charts/svg-clean.js';
import { findObservation } from '../facts.js';
import { RULES } from '../messages.js';
import { periodShortLabel, periodsEndingAt } from '../periods.js';
import { formatObservation } from '../semantics/index.js';
import type { Indicator, Period } from '../types.js';
import type { Place, ResolveContext } from './context.js';
import { categoryIndicator } from '../breakdown-categories.js';
import { published, publishedFacts, recordFacts, recordObservation } from './disclosure-gate.js';
import { figure, figureWithPeriod, problemMarker } from './figure.js';
import { factsAt } from './indicator-facts.js';
import { periodCount } from './lookup.js';
import { nearest } from '../nearest.js';

const PERIODS = { fallback: 3, min: 1, max: 20 };

/** The category as the data spells it, or a positioned `unknown-category` with the nearest. */
function findCategory(
  ctx: ResolveContext,
  indicator: Indicator,
  written: string,
  place: Place,
): string | undefined {
  const categories = indicator.categories ?? [];
  const wanted = written.trim().toLowerCase();
  const match = categories.find((c) => c.toLowerCase() === wanted);
  if (match !== undefined) return match;
  if (categories.length === 0) {
    ctx.report(
      RULES.unknownCategory,
      `${indicator.id} has no breakdown, so it has no category "${written}" (a breakdown indicator has breakdown: and values with category)`,
      place,
    );
    return undefined;
  }
  const near = nearest(written, categories);
  const hint =
    near.length > 0
      ? `did you mean ${near.map((c) => `"${c}"`).join(' or ')}?`
      : `its categories are ${categories.map((c) => `"${c}"`).join(', ')}`;
  ctx.report(
    RULES.unknownCategory,
    `${indicator.id} has no ${indicator.breakdown ?? 'category'} "${written}"; ${hint}`,
    place,
    { suggestions: near },
  );
  return undefined;
}

/**
 * `:value{id=CLA-NEED category="Abuse or neglect"}`. Resolves now (messages, the figure it
 * shows) and returns its content's builder, run once the disclosure decisions are made.
 */
export function categoryValue(
  ctx: ResolveContext,
  indicator: Indicator,
  period: Period | undefined,
  written: string,
  place: Place,
): () => ElementContent[] {
  const category = findCategory(ctx, indicator, written, place);
  if (category === undefined)
    return () => [h('span.sc-value.sc-value--missing', `no category "${written}"`)];
  const facts = factsAt(ctx, categoryIndicator(indicator, category), period, 'previous', place);
  recordFacts(ctx, facts, { value: true, change: false, benchmarks: [] }, place);
  return () => figureWithPeriod(ctx, publishedFacts(ctx, facts, 'previous'));
}

/** The last period shown: the one asked for (or holding it), else the newest before it. */
function endPeriod(indicator: Indicator, period: Period | undefined): Period | undefined {
  const all: Indicator = { ...indicator, values: indicator.breakdownValues ?? [] };
  const { observation } = findObservation(all, period);
  return observation?.period;
}

/**
 * `::breakdown`: a table of the categories (rows) over the last `periods` periods
 * (columns), and with `chart=true` a bar chart of the same figures above it.
 */
export function breakdownBlock(
  ctx: ResolveContext,
  indicator: Indicator,
  attributes: Readonly<Record<string, string>>,
  period: Period | undefined,
  place: Place,
): () => Element {
  const categories = indicator.categories ?? [];
  if (categories.length === 0) {
    ctx.report(
      RULES.unknownCategory,
      `${indicator.id} is not a breakdown indicator: give it breakdown: (the dimension) and values with category`,
      place,
    );
    return () => problemMarker(RULES.unknownCategory, `${indicator.id} has no categories`);
  }
  const count = periodCount(ctx, attributes['periods'] || undefined, place, PERIODS);
  const end = endPeriod(indicator, period);
  if (!end) {
    ctx.report(RULES.noValue, `${indicator.id} has no category values to show`, place);
    return () => problemMarker(RULES.noValue, `${indicator.id} has no category values`);
  }
  const periods = periodsEndingAt(end, count);
  const raw = categories.map((category) => {
    const part = categoryIndicator(indicator, category);
    return periods.map((p) => {
      const observation = part.values.find((v) => v.period.key === p.key);
      recordObservation(ctx, part, observation, place);
      return observation && { part, observation };
    });
  });
  // The figures as published: only once the document's disclosure decisions are made.
  const publishedCells = () =>
    raw.map((row) => row.map((cell) => cell && published(ctx, cell.part, cell.observation)));
  const dimension = indicator.breakdown ?? 'category';
  const byWords = `by ${dimension}`;
  const caption =
    attributes['title'] ??
    (indicator.title.toLowerCase().includes(byWords.toLowerCase())
      ? indicator.title
      : `${indicator.title}, ${byWords}`);
  const tableOf = (cells: ReturnType<typeof publishedCells>) =>
    h('div.sc-table-wrap', { tabIndex: 0, role: 'region', ariaLabel: caption }, [
      h('table.sc-breakdown', [
        h('caption', caption),
        h('thead', [
          h('tr', [
            h('th', { scope: 'col' }, dimension.charAt(0).toUpperCase() + dimension.slice(1)),
            ...periods.map((p) => h('th', { scope: 'col' }, periodShortLabel(p))),
          ]),
        ]),
        h(
          'tbody',
          categories.map((category, row) =>
            h('tr', [
              h('th', { scope: 'row' }, category),
              ...periods.map((_, column) =>
                h('td.sc-num', [figure(ctx, indicator, cells[row]?.[column])]),
              ),
            ]),
          ),
        ),
      ]),
    ]);
  if (attributes['chart'] !== 'true' || !ctx.withCharts) return () => tableOf(publishedCells());

  const prefix = safeIdPrefix(ctx.nextId('sc-breakdown', [indicator.id]));
  let svg: Element | undefined;
  let failure = '';
  let cells: ReturnType<typeof publishedCells> = [];
  const description = `Bar chart of ${caption.charAt(0).toLowerCase()}${caption.slice(1)}, ${periods.length === 1 ? periodShortLabel(end) : `${periodShortLabel(periods[0]!)} to ${periodShortLabel(end)}`}; the figures are in the table below.`;
  // Drawn once the document's disclosure decisions are made, from the published figures.
  ctx.afterDisclose.push(() => {
    cells = publishedCells();
    const bars: BreakdownBar[] = categories.flatMap((category, row) =>
      periods.map((p, column) => {
        const observation = cells[row]?.[column];
        return {
          category,
          period: periodShortLabel(p),
          value: observation?.value,
          label: observation ? formatObservation(indicator, observation) : 'no value',
        };
      }),
    );
    const spec = breakdownChartSpec({
      categories,
      periods: periods.map(periodShortLabel),
      bars,
      axisTitle: axisTitle(indicator),
    });
    ctx.pending.push(
      ctx.charts.render(spec).then(
        (json) => {
          svg = (JSON.parse(json) as Element | null) ?? undefined;
        },
        (error: unknown) => {
          failure = error instanceof Error ? error.message : String(error);
        },
      ),
    );
  });
  return () => {
    if (!svg)
      return h('div', [
        problemMarker(
          'chart-failed',
          `The chart for ${indicator.id} could not be drawn: ${failure}`,
        ),
        tableOf(cells),
      ]);
    prefixIds(svg, prefix);
    labelChartSvg(svg, prefix, caption, description);
    return h('figure.sc-chart.sc-breakdown-chart', [
      h('figcaption', [h('span.sc-chart__title', caption)]),
      svg,
      h('p.sc-chart__desc', description),
      tableOf(cells),
    ]);
  };
}
