/**
 * The data table after a chart: the very numbers plotted, one row per period and one
 * column per series, for readers who cannot see the chart or want the figures.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { periodShortLabel } from '../periods.js';
import { formatAmount } from '../semantics/format.js';
import { symbolWords } from '../semantics/symbols.js';
import type { Indicator, StatSymbol } from '../types.js';
import type { ChartPoint, ChartSeries } from './types.js';

/** The symbol's letter, with its meaning for a pointer hover and assistive technology. */
function symbolMark(indicator: Indicator, symbol: StatSymbol): Element {
  return h('abbr.sc-symbol', { title: symbolWords(symbol, indicator) }, symbol);
}

function cell(
  indicator: Indicator,
  point: ChartPoint,
  symbolsUsed: Set<StatSymbol> | undefined,
): Element {
  const content: ElementContent[] = [];
  if (point.value !== undefined)
    content.push({ type: 'text', value: formatAmount(indicator, point.value) });
  if (point.symbol !== undefined) {
    symbolsUsed?.add(point.symbol);
    if (content.length > 0) content.push({ type: 'text', value: ' ' });
    content.push(symbolMark(indicator, point.symbol));
  }
  if (content.length === 0) content.push(h('span.sc-note', 'none'));
  else if (point.ownPeriod) {
    // A lagging benchmark: say whose period the figure is, and when it is carried
    // forward, that it is the latest published (no figure for this period yet).
    content.push(
      { type: 'text', value: ' ' },
      h(
        'span.sc-note',
        `(${periodShortLabel(point.ownPeriod)}${point.carried ? ', latest published' : ''})`,
      ),
    );
  }
  return h('td.sc-num', content);
}

export interface ChartTableOptions {
  /** Collects the symbols the table shows, for the document's symbol legend. */
  readonly symbolsUsed?: Set<StatSymbol>;
  readonly caption?: string;
  /** Told of every cell that prints a figure, for the render's figure list. */
  readonly onCell?: (series: ChartSeries, index: number, cell: Element) => void;
}

export function chartTable(
  indicator: Indicator,
  series: readonly ChartSeries[],
  options: Readonly<ChartTableOptions> = {},
): Element {
  const periods = series[0]?.points.map((p) => p.period) ?? [];
  const several = series.filter((s) => s.kind === 'value').length > 1;
  const title = several
    ? series
        .filter((s) => s.kind === 'value')
        .map((s) => s.indicator?.id ?? s.name)
        .join(' and ')
    : indicator.title;
  return h('div.sc-table-wrap', [
    h('table.sc-chart__table', [
      h('caption', options.caption ?? `${title}: the figures in the chart`),
      h('thead', [
        h('tr', [
          h('th', { scope: 'col' }, 'Period'),
          ...series.map((s) => h('th.sc-num', { scope: 'col' }, s.name)),
        ]),
      ]),
      h(
        'tbody',
        periods.map((period, i) =>
          h('tr', [
            h('th', { scope: 'row' }, periodShortLabel(period).replace(/ /g, '\u00a0')),
            ...series.map((s) => {
              const point = s.points[i] ?? { period };
              const shown = cell(s.indicator ?? indicator, point, options.symbolsUsed);
              if (point.value !== undefined || point.symbol !== undefined)
                options.onCell?.(s, i, shown);
              return shown;
            }),
          ]),
        ),
      ),
    ]),
  ]);
}
