/** Charts: indicator series -> Vega-Lite spec -> SVG, the accessible figure around it, and sparklines. */
export { chartFigure, labelChartSvg } from './chart-figure.js';
export type { ChartFigureOptions } from './chart-figure.js';
export { trendChartInput } from './chart-input.js';
export { chartDescription } from './chart-description.js';
export { chartSeries } from './chart-series.js';
export { chartTable } from './chart-table.js';
export { axisTitle, chartHeadline, chartSubtitle } from './chart-text.js';
export { ChartRenderer, type RenderStats, type RenderThreadOptions } from './render-svg.js';
export { LruCache } from './lru-cache.js';
export { sparklineSvg } from './sparkline.js';
export type { SparklineOptions } from './sparkline.js';
export { cleanSvg } from './svg-clean.js';
export { trendChartSpec } from './trend-spec.js';
export type {
  BenchmarkSeries,
  ChartPoint,
  ChartSeries,
  SeriesStyle,
  TrendChartInput,
} from './types.js';
