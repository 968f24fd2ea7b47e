/**
 * A breakdown indicator's categories as a Vega-Lite spec (`::breakdown{chart=true}`):
 * one horizontal bar per category and period, periods side by side within a category.
 * Every bar carries its figure and period as a text label, so the periods are told apart
 * by words as well as by colour (and the table follows the chart). Pure and static, like
 * the trend spec, so charts cache by the spec's hash.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_COLOURS } from '../html/palette.js';
import { CHART_AXIS, CHART_GRID, CHART_TEXT } from './series-style.js';
import { CHART_FONT, CHART_WIDTH } from './trend-spec.js';

export interface BreakdownBar {
  readonly category: string;
  readonly period: string;
  /** Undefined for a symbol or a suppressed figure: no bar, only the label. */
  readonly value: number | undefined;
  /** The figure as printed (`61%`, `suppressed`). */
  readonly label: string;
}

export interface BreakdownChartInput {
  readonly categories: readonly string[];
  readonly periods: readonly string[];
  readonly bars: readonly BreakdownBar[];
  readonly axisTitle: string;
}

const BAR_HEIGHT = 16;

export function breakdownChartSpec(input: BreakdownChartInput): TopLevelSpec {
  const rows = input.bars.map((bar) => ({
    category: bar.category,
    period: bar.period,
    value: bar.value ?? 0,
    label: `${bar.label} (${bar.period})`,
  }));
  const y = {
    field: 'category',
    type: 'nominal' as const,
    sort: [...input.categories],
    scale: { domain: [...input.categories] },
    axis: { title: null, labelLimit: 200 },
  };
  const yOffset = {
    field: 'period',
    type: 'nominal' as const,
    sort: [...input.periods],
    scale: { domain: [...input.periods] },
  };
  const x = {
    field: 'value',
    type: 'quantitative' as const,
    title: input.axisTitle,
    scale: { zero: true, nice: true },
    axis: { tickCount: 5, format: ',~f' },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: { step: BAR_HEIGHT * Math.max(1, input.periods.length) + 8 },
    padding: 8,
    background: '#ffffff',
    config: {
      font: CHART_FONT,
      aria: false,
      view: { stroke: null },
      axis: {
        labelColor: CHART_TEXT,
        titleColor: CHART_TEXT,
        domainColor: CHART_AXIS,
        tickColor: CHART_AXIS,
        gridColor: CHART_GRID,
        labelFontSize: 11,
        titleFontSize: 12,
        titleFontWeight: 'normal',
      },
      axisY: { grid: false },
      legend: { labelColor: CHART_TEXT, labelFontSize: 12 },
    },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', height: BAR_HEIGHT - 3 },
        encoding: {
          y,
          yOffset,
          x,
          color: {
            field: 'period',
            type: 'nominal',
            sort: [...input.periods],
            scale: {
              domain: [...input.periods],
              range: input.periods.map((_, i) => CHART_COLOURS[i % CHART_COLOURS.length]!),
            },
            legend: { title: null, orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: CHART_TEXT },
        encoding: { y, yOffset, x, text: { field: 'label', type: 'nominal' } },
      },
    ],
  } as TopLevelSpec;
}
