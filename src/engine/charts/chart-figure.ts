/**
 * A trend chart as published statistics present one: headline title, statistical
 * subtitle, the chart as inline SVG named for assistive technology, a description in
 * words, and the same figures as a table.
 */
import type { Element } from 'hast';
import type { TopLevelSpec } from 'vega-lite';
import { h, s } from 'hastscript';
import type { StatSymbol } from '../types.js';
import { chartDescription } from './chart-description.js';
import { chartSeries } from './chart-series.js';
import { chartTable, type ChartTableOptions } from './chart-table.js';
import { chartHeadline, chartSubtitle } from './chart-text.js';
import { specHash } from './spec-hash.js';
import { clearRenderCache, renderChart } from './render-svg.js';
import { prefixIds, safeIdPrefix } from './svg-clean.js';
import { specFor } from './trend-spec.js';
import type { TrendChartInput } from './types.js';

export interface ChartFigureOptions {
  /**
   * Prefix for the ids inside the figure. Pass one per chart (e.g. `sc-chart-3`) when a
   * document may show the same chart twice; otherwise the spec's hash is used, which
   * keeps the output the same from one render to the next.
   */
  readonly idPrefix?: string;
  /** Collects the symbols the figure shows, for the document's symbol legend. */
  readonly symbolsUsed?: Set<StatSymbol>;
  /** The author's headline (`title=`), instead of one made from the latest figure. */
  readonly headline?: string;
  /** Told of every table cell that prints a figure (see chartTable). */
  readonly onCell?: ChartTableOptions['onCell'];
}

/** The chart's sanitized SVG, a tree of the caller's own, its ids prefixed. */
async function chartSvg(
  spec: TopLevelSpec,
  hash: string,
  prefix: string,
): Promise<Element | undefined> {
  const svg = JSON.parse(await renderChart(spec, hash)) as Element | null;
  if (svg) prefixIds(svg, prefix);
  return svg ?? undefined;
}

/** Forgets every rendered chart. */
export function clearChartCaches(): void {
  clearRenderCache();
}

/**
 * Makes a drawn chart an image with a title and a description, named by ids under
 * `prefix`. Vega's own root attributes (class, version, namespaces) give way to ours.
 */
export function labelChartSvg(svg: Element, prefix: string, title: string, desc: string): void {
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  const { width, height, viewBox } = svg.properties;
  svg.properties = {};
  if (width !== undefined) svg.properties['width'] = width;
  if (height !== undefined) svg.properties['height'] = height;
  if (viewBox !== undefined) svg.properties['viewBox'] = viewBox;
  Object.assign(svg.properties, {
    className: ['sc-chart__svg'],
    role: 'img',
    ariaLabelledBy: [titleId, descId],
    focusable: 'false',
  });
  svg.children.unshift(s('title', { id: titleId }, title), s('desc', { id: descId }, desc));
}

/** Builds the `<figure class="sc-chart">`; rejects only if Vega itself fails. */
export async function chartFigure(
  input: TrendChartInput,
  options: Readonly<ChartFigureOptions> = {},
): Promise<Element> {
  const series = chartSeries(input);
  const spec = specFor(input, series);
  const hash = specHash(spec);
  const prefix = safeIdPrefix(options.idPrefix ?? `sc-chart-${hash.slice(0, 12)}`);
  const headline = options.headline ?? chartHeadline(input.indicator, series);
  const subtitle = chartSubtitle(input.indicator, series);
  const svg = await chartSvg(spec, hash, prefix);
  if (svg) {
    // Short: the full description follows as visible text, and a screen reader would read it twice.
    labelChartSvg(
      svg,
      prefix,
      headline,
      `${subtitle}. Described in words below the chart, and in full in the table that follows.`,
    );
  }
  const tableOptions = {
    ...(options.symbolsUsed ? { symbolsUsed: options.symbolsUsed } : {}),
    ...(options.onCell ? { onCell: options.onCell } : {}),
  };
  return h('figure.sc-chart', [
    h('figcaption', [h('span.sc-chart__title', headline), h('span.sc-chart__subtitle', subtitle)]),
    svg ?? null,
    h('p.sc-chart__desc', chartDescription(input.indicator, series)),
    chartTable(input.indicator, series, {
      ...tableOptions,
      ...(options.headline ? { caption: `${options.headline}: the figures in the chart` } : {}),
    }),
  ]);
}
