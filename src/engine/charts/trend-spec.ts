/**
 * A trend chart as a Vega-Lite spec. Pure: the same input always gives the same spec,
 * which is what lets `renderSvg` cache by the spec's hash. Static by design (no
 * tooltips, selections or signals): the export carries no script to drive them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { periodShortLabel } from '../periods.js';
import { axisIndicator, axisTitle } from './chart-text.js';
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
  /** On a label row only: the text written at the line's end, and where it sits. */
  readonly label: string | null;
  readonly labelY: number | null;
}

export function chartRows(series: readonly ChartSeries[]): ChartRow[] {
  return series.flatMap((s) =>
    s.points.map((p) => ({
      period: periodShortLabel(p.period),
      series: s.name,
      value: p.value ?? null,
      gap: s.kind === 'value' && p.value === undefined && p.symbol !== undefined ? p.symbol : null,
      dash: dashOf(s.style.dash),
      label: null,
      labelY: null,
    })),
  );
}

/**
 * The line-end labels as rows of the same data set as the figures: a view that draws
 * the next chart of its shape swaps all of them at once, so no label of the last chart
 * is left standing while the layout is fitted (see vega-render.ts).
 */
function labelRows(series: readonly ChartSeries[], domain: ValueDomain): ChartRow[] {
  const dashes = new Map(series.map((s) => [s.name, dashOf(s.style.dash)]));
  return lineLabels(series, domain).map((l) => ({
    period: l.period,
    series: l.series,
    value: null,
    gap: null,
    dash: dashes.get(l.series) ?? [1, 0],
    label: l.label,
    labelY: l.y,
  }));
}

/** Vega-Lite needs a pattern for every series; `[1, 0]` draws a solid line. */
function dashOf(dash: readonly number[]): number[] {
  return dash.length > 0 ? [...dash] : [1, 0];
}

/** The y scale: its ends, and whether it starts at zero. */
export interface ValueDomain {
  readonly low: number;
  readonly high: number;
  /** False when the data sit far from zero and the axis starts higher (the axis says so). */
  readonly fromZero: boolean;
}

const TICKS = 5;

function niceStep(span: number): number {
  const raw = span / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A line chart need not start at zero (GOV.UK Analysis Function guidance): when the
 * lowest figure is more than half the highest, a zero baseline would flatten the very
 * change the chart is there to show, so the axis starts just below the data instead.
 * Worked out here, not by Vega, so the direct labels can be spaced in the same units.
 */
export function valueDomain(series: readonly ChartSeries[]): ValueDomain {
  const values = series.flatMap((s) =>
    s.points.flatMap((p) => (p.value === undefined ? [] : [p.value])),
  );
  if (values.length === 0) return { low: 0, high: 1, fromZero: true };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const fromZero = !(min > 0 && min > max / 2);
  const lowest = fromZero ? Math.min(0, min) : min;
  const highest = max === lowest ? lowest + 1 : max;
  const step = niceStep(highest - lowest);
  const low = Math.floor(lowest / step) * step;
  let high = Math.ceil(highest / step) * step;
  if (high === highest && !fromZero) high += step;
  return { low: fromZero ? Math.min(0, low) : low, high, fromZero: fromZero || low === 0 };
}

/** One direct label: a series' name at the end of its line. */
export interface LineLabel {
  readonly period: string;
  readonly series: string;
  readonly label: string;
  /** Where the label sits, moved apart from its neighbours so none overlaps. */
  readonly y: number;
}

/** Height of a label line as a share of the plot height. */
const LABEL_GAP = 15 / CHART_HEIGHT;

/**
 * Labels at the line ends instead of a legend below (GOV.UK: label lines directly where
 * space allows). Each sits at its series' last plotted point, then labels are pushed
 * apart, top down, so two lines ending close together still have readable labels.
 */
export function lineLabels(series: readonly ChartSeries[], domain: ValueDomain): LineLabel[] {
  const gap = (domain.high - domain.low) * LABEL_GAP;
  const ends = series.flatMap((s) => {
    const last = [...s.points].reverse().find((p) => p.value !== undefined);
    return last?.value === undefined
      ? []
      : [
          {
            period: periodShortLabel(last.period),
            series: s.name,
            label: s.label,
            value: last.value,
          },
        ];
  });
  const sorted = [...ends].sort((a, b) => b.value - a.value || a.series.localeCompare(b.series));
  const placed: LineLabel[] = [];
  let previous = Number.POSITIVE_INFINITY;
  for (const end of sorted) {
    const y = Math.min(end.value, previous - gap);
    placed.push({ period: end.period, series: end.series, label: end.label, y });
    previous = y;
  }
  // Labels pushed below the axis come back up together, keeping their order.
  const overflow = domain.low - (placed.at(-1)?.y ?? domain.low);
  return overflow > 0 ? placed.map((l) => ({ ...l, y: l.y + overflow })) : placed;
}

/** The value axis's ends (see `specFor`). */
const Y_LOW = 'sc_y_low';
const Y_HIGH = 'sc_y_high';

export function trendChartSpec(input: TrendChartInput): TopLevelSpec {
  return specFor(input, chartSeries(input));
}

/** The spec for series already worked out (the figure shares them with its table). */
export function specFor(input: TrendChartInput, series: readonly ChartSeries[]): TopLevelSpec {
  const names = series.map((s) => s.name);
  const labels = input.periods.map(periodShortLabel);
  const domain = valueDomain(series);
  const seriesScale = { domain: names };
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    sort: labels,
    scale: { domain: labels },
    axis: {
      title: null,
      labelAngle: labels.length > UPRIGHT_LABELS_MAX ? -40 : 0,
      // `Q1 2022/23` on two lines, so eight quarters fit beside the line labels.
      ...(labels.length > UPRIGHT_LABELS_MAX ? {} : { labelExpr: "split(datum.label, ' ')" }),
    },
  };
  const title = axisTitle(axisIndicator(input.indicator, series));
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: domain.fromZero ? title : `${title}, axis does not start at 0`,
    // The ends are parameters, not numbers in the spec: charts that differ only in their
    // rows and their ends share one compiled chart (see vega-render.ts).
    scale: { domain: [{ expr: Y_LOW }, { expr: Y_HIGH }], zero: false, nice: false },
    // Level, above the axis (as GOV.UK charts set it): readable without turning the
    // head, and its length never squeezes the plot.
    axis: {
      tickCount: TICKS,
      format: ',~f',
      titleAngle: 0,
      titleAlign: 'left' as const,
      titleBaseline: 'bottom' as const,
      titleX: 0,
      titleY: -10,
    },
  };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    scale: { ...seriesScale, range: series.map((s) => s.style.colour) },
    legend: null,
  };
  const marked = series.filter((s) => s.kind === 'value').map((s) => s.name);
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
    },
    params: [
      { name: Y_LOW, value: domain.low },
      { name: Y_HIGH, value: domain.high },
    ],
    data: { values: [...chartRows(series), ...labelRows(series, domain)] },
    layer: [
      {
        transform: [{ filter: 'datum.label === null' }],
        mark: { type: 'line', strokeWidth: 2.5, strokeCap: 'butt' },
        encoding: {
          x,
          y,
          color,
          // The pattern comes with each row, unscaled: series differ by dash as well as colour.
          strokeDash: { field: 'dash', type: 'nominal', scale: null },
          detail: { field: 'series', type: 'nominal' },
        },
      },
      {
        // Markers on the measured lines only: on reference lines (target, benchmarks)
        // they would pile onto each other and add nothing the dash does not say.
        transform: [
          { filter: 'datum.label === null' },
          { filter: { field: 'series', oneOf: marked } },
        ],
        mark: { type: 'point', filled: false, size: 70, strokeWidth: 2, opacity: 1 },
        encoding: {
          x,
          y,
          color,
          shape: {
            field: 'series',
            type: 'nominal',
            scale: { ...seriesScale, range: series.map((s) => s.style.shape) },
            legend: null,
          },
        },
      },
      {
        // A gap says why it is there: the symbol's letter sits just above the axis.
        transform: [{ filter: 'datum.gap !== null' }],
        mark: { type: 'text', dy: -8, fontSize: 12, fontWeight: 'bold', color: CHART_TEXT },
        encoding: {
          x,
          y: { datum: { expr: Y_LOW }, type: 'quantitative' },
          text: { field: 'gap' },
        },
      },
      {
        transform: [{ filter: 'datum.label !== null' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, fontSize: 11 },
        encoding: {
          x,
          y: { field: 'labelY', type: 'quantitative' },
          text: { field: 'label' },
          color,
        },
      },
    ],
  };
}
