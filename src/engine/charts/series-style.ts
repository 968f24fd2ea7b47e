/**
 * The look of each series. Colour comes from the document palette (each reaches 3:1
 * against the page); dash pattern and marker shape differ for every series as well, so
 * a reader who cannot tell the colours apart, or has the page printed in grey, still can.
 */
import { CHART_COLOURS } from '../html/palette.js';
import type { SeriesKind, SeriesStyle } from './types.js';

const [VALUE_COLOUR, TARGET_COLOUR, ...BENCHMARK_COLOURS] = CHART_COLOURS;

export const VALUE_STYLE: SeriesStyle = { colour: VALUE_COLOUR, dash: [], shape: 'circle' };

/**
 * A Vega symbol path (unit square, -1 to 1) of three dashes: in the legend it reads as
 * the dashed target line; on the chart it lies along that line and adds nothing.
 */
export const DASHED_BAR_SHAPE = 'M-1,0H-0.45M-0.25,0H0.25M0.45,0H1';

/** Long dashes and a dashed-bar marker: the target is a level to reach, not a measurement. */
export const TARGET_STYLE: SeriesStyle = {
  colour: TARGET_COLOUR,
  dash: [8, 4],
  shape: DASHED_BAR_SHAPE,
};

const BENCHMARK_DASHES: readonly (readonly number[])[] = [
  [2, 3],
  [10, 3, 2, 3],
  [5, 5],
  [1, 6],
  [12, 3, 2, 3, 2, 3],
  [16, 4],
];

const BENCHMARK_SHAPES: readonly string[] = [
  'square',
  'triangle-up',
  'diamond',
  'cross',
  'triangle-down',
  'triangle-right',
];

/**
 * The style of the n-th benchmark (0-based). Beyond the patterns available they repeat
 * with a later colour, so neighbouring series still differ.
 */
export function benchmarkStyle(index: number): SeriesStyle {
  const i = Math.max(0, Math.trunc(index));
  return {
    colour: BENCHMARK_COLOURS[i % BENCHMARK_COLOURS.length]!,
    dash: BENCHMARK_DASHES[i % BENCHMARK_DASHES.length]!,
    shape: BENCHMARK_SHAPES[i % BENCHMARK_SHAPES.length]!,
  };
}

export function seriesStyle(kind: SeriesKind, benchmarkIndex = 0): SeriesStyle {
  if (kind === 'value') return VALUE_STYLE;
  if (kind === 'target') return TARGET_STYLE;
  return benchmarkStyle(benchmarkIndex);
}

/**
 * The own-figures line of the n-th indicator on a multi-indicator chart: the first is the
 * solid line with circles; the others differ in dash and marker as well as colour.
 */
export function valueStyle(index: number): SeriesStyle {
  if (index <= 0) return VALUE_STYLE;
  return {
    ...benchmarkStyle(index - 1),
    dash: VALUE_DASHES[(index - 1) % VALUE_DASHES.length]!,
  };
}

const VALUE_DASHES: readonly (readonly number[])[] = [
  [6, 3],
  [2, 2],
  [10, 4],
];

/** Axes and text inside the chart: the document's text colours (4.5:1 on white). */
export const CHART_TEXT = '#0b0c0c';
export const CHART_AXIS = '#505a5f';
/** Grid lines are a reading aid only; WCAG 1.4.11 does not ask them to reach 3:1. */
export const CHART_GRID = '#dcdcdc';
