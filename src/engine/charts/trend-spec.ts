/**
 * A trend chart as a Vega-Lite spec. Pure: the same input always gives the same spec,
 * which is what lets `renderSvg` cache by the spec's hash. Static by design (no
 * tooltips, selections or signals): the export carries no script to drive them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { periodShortLabel } from '../periods.js';
import { axisTitle } from './chart-text.js';
import { chartSeries } from './chart-series.js';
import { CHART_AXIS, CHART_GRID, CHART_TEXT } from './series-style.js';
import type { ChartSeries, TrendChartInput } from './types.js';

/** Sized for the text width of an A4 page at 96 dpi, axes and legend included. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;
/** Available everywhere, so the layout Vega measured is the one the reader gets. */
export const CHART_FONT = 'sans-serif';
/** Above this many periods the x labels are slanted so they do not collide. */
const UPRIGHT_LABELS_MAX = 8;

/** One row per series and period; `value: null` breaks the line there. */
export interface ChartRow {
  readonly period: string;
  readonly series: string;
  readonly value: number | null;
  /** The symbol shown at a gap in the authority's own line, e.g. `c`. */
  readonly gap: string | null;
  /** The series' stroke-dasharray. */
  readonly dash: readonly number[];
}

export function chartRows(series: readonly ChartSeries[]): ChartRow[] {
  return series.flatMap((s) =>
    s.points.map((p) => ({
      period: periodShortLabel(p.period),
      series: s.name,
      value: p.value ?? null,
      gap: s.kind === 'value' && p.value === undefined && p.symbol !== undefined ? p.symbol : null,
      dash: dashOf(s.style.dash),
    })),
  );
}

/** Vega-Lite needs a pattern for every series; `[1, 0]` draws a solid line. */
function dashOf(dash: readonly number[]): number[] {
  return dash.length > 0 ? [...dash] : [1, 0];
}

export function trendChartSpec(input: TrendChartInput): TopLevelSpec {
  return specFor(input, chartSeries(input));
}

/** The spec for series already worked out (the figure shares them with its table). */
export function specFor(input: TrendChartInput, series: readonly ChartSeries[]): TopLevelSpec {
  const names = series.map((s) => s.name);
  const labels = input.periods.map(periodShortLabel);
  const legend = {
    title: null,
    orient: 'bottom' as const,
    direction: 'horizontal' as const,
    symbolStrokeWidth: 2,
    symbolSize: 200,
  };
  const seriesScale = { domain: names };
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    sort: labels,
    scale: { domain: labels },
    axis: { title: null, labelAngle: labels.length > UPRIGHT_LABELS_MAX ? -40 : 0 },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: axisTitle(input.indicator),
    scale: { zero: true, nice: true },
    axis: { tickCount: 5, format: ',~f' },
  };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    scale: { ...seriesScale, range: series.map((s) => s.style.colour) },
    legend,
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 8,
    background: '#ffffff',
    config: {
      font: CHART_FONT,
      // The figure names and describes the SVG itself; Vega's per-mark ARIA would compete.
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
      axisX: { grid: false },
      legend: { labelColor: CHART_TEXT, labelFontSize: 12, labelLimit: 240 },
    },
    data: { values: chartRows(series) },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2.5, strokeCap: 'butt' },
        encoding: {
          x,
          y,
          color,
          // The pattern comes with each row, unscaled, so it makes no legend of its own:
          // merged into the series legend it would break up the outline of the markers,
          // and the legend matches series by marker (the target's is itself a dashed bar).
          strokeDash: { field: 'dash', type: 'nominal', scale: null },
          detail: { field: 'series', type: 'nominal' },
        },
      },
      {
        mark: { type: 'point', filled: false, size: 70, strokeWidth: 2, opacity: 1 },
        encoding: {
          x,
          y,
          color,
          shape: {
            field: 'series',
            type: 'nominal',
            scale: { ...seriesScale, range: series.map((s) => s.style.shape) },
            legend,
          },
        },
      },
      {
        // A gap says why it is there: the symbol's letter sits on the axis below it.
        transform: [{ filter: 'datum.gap !== null' }],
        mark: { type: 'text', dy: -8, fontSize: 12, color: CHART_TEXT },
        encoding: { x, y: { datum: 0, type: 'quantitative' }, text: { field: 'gap' } },
      },
    ],
  };
}
