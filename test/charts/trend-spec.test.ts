import assert from 'node:assert/strict';
import { trendChartInput } from '../../src/engine/charts/chart-input.js';
import { chartSeries } from '../../src/engine/charts/chart-series.js';
import { axisTitle } from '../../src/engine/charts/chart-text.js';
import { CHART_AXIS, CHART_TEXT, seriesStyle } from '../../src/engine/charts/series-style.js';
import { chartRows, trendChartSpec } from '../../src/engine/charts/trend-spec.js';
import type { ChartRow } from '../../src/engine/charts/trend-spec.js';
import type { TrendChartInput } from '../../src/engine/charts/types.js';
import { COMPARATORS, QUARTERS, careLeavers, observations } from './fixture.js';

interface Layer {
  readonly mark: { readonly type: string };
  readonly encoding: Record<
    string,
    { readonly scale?: { readonly domain?: unknown[]; readonly range?: unknown[] } }
  >;
}

function parts(input: TrendChartInput): {
  spec: Record<string, unknown>;
  layers: Layer[];
  rows: ChartRow[];
} {
  const spec = trendChartSpec(input) as unknown as Record<string, unknown>;
  const rows = (spec['data'] as { values: ChartRow[] }).values;
  return { spec, layers: spec['layer'] as Layer[], rows };
}

function rowsOf(rows: readonly ChartRow[], series: string): ChartRow[] {
  return rows.filter((r) => r.series === series);
}

/** WCAG 2.2 relative luminance, written out here so the test does not trust the code under test. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

describe('trendChartSpec', () => {
  const input = trendChartInput(careLeavers(), QUARTERS, [...COMPARATORS]);

  it('draws lines, markers, gap letters and line-end labels, with no interactive features', () => {
    const { spec, layers } = parts(input);
    assert.deepEqual(
      layers.map((l) => l.mark.type),
      ['line', 'point', 'text', 'text'],
    );
    // Direct labels replace the legend: no legend anywhere.
    const json0 = JSON.stringify(spec);
    assert.ok(!/"legend":\{/.test(json0), 'no legend');
    const json = JSON.stringify(spec);
    for (const word of ['tooltip', 'selection', 'href', 'bind', 'select']) {
      assert.ok(!json.includes(`"${word}"`), `no ${word} in the spec`);
    }
    // Parameters are plain values (the axis's ends), nothing a reader could change.
    for (const param of spec['params'] as object[]) {
      assert.deepEqual(Object.keys(param).sort(), ['name', 'value']);
    }
    assert.equal((spec['config'] as { font: string }).font, 'sans-serif');
    assert.equal(spec['width'], 640);
    assert.equal(spec['height'], 300);
  });

  it('labels the axes with short periods in order and the unit', () => {
    const { layers } = parts(input);
    const x = layers[0]!.encoding['x'] as { scale: { domain: string[] } };
    assert.deepEqual(x.scale.domain, [
      'Q1 2022/23',
      'Q2 2022/23',
      'Q3 2022/23',
      'Q4 2022/23',
      'Q1 2023/24',
      'Q2 2023/24',
      'Q3 2023/24',
      'Q4 2023/24',
    ]);
    const { spec } = parts(input);
    const y = layers[0]!.encoding['y'] as {
      title: string;
      scale: { domain: Array<{ expr: string }> };
    };
    // The ends are the spec's parameters, by name.
    const params = new Map(
      (spec['params'] as Array<{ name: string; value: number }>).map((p) => [p.name, p.value]),
    );
    const [low, high] = y.scale.domain.map((end) => params.get(end.expr));
    // 52% to 66%: far from zero, so the axis starts near the data and says so.
    assert.equal(y.title, 'Percentage (%), axis does not start at 0');
    assert.ok(low !== undefined && low > 0 && low <= 52, `${low}`);
    assert.ok(high !== undefined && high >= 66, `${high}`);
    assert.equal(axisTitle({ unit: 'rate_per_10000' }), 'Rate per 10,000 children');
    assert.equal(axisTitle({ unit: 'days' }), 'Days');
    assert.equal(
      axisTitle({ unit: 'count', countingUnit: 'assessments' }),
      'Number of assessments',
    );
  });

  it('gives every series its own colour, dash pattern and marker', () => {
    const { layers, rows } = parts(input);
    const names = ['Actual', 'Target', 'England', 'London', 'Statistical neighbours'];
    const color = layers[0]!.encoding['color']!.scale!;
    assert.deepEqual(color.domain, names);
    assert.equal(new Set(color.range).size, names.length);
    const shapes = layers[1]!.encoding['shape']!.scale!;
    assert.deepEqual(shapes.domain, names);
    assert.equal(new Set(shapes.range).size, names.length);
    // Markers only on the measured line: reference lines are told apart by dash and label.
    const markerFilter = JSON.stringify((layers[1] as unknown as { transform: unknown }).transform);
    assert.match(markerFilter, /"oneOf":\["Actual"\]/);
    const dashes = names.map((n) => JSON.stringify(rowsOf(rows, n)[0]!.dash));
    assert.equal(new Set(dashes).size, names.length);
    assert.equal(dashes[0], '[1,0]', 'the authority line is solid');
    assert.equal(dashes[1], '[8,4]', 'the target line is dashed');
  });

  it('leaves a gap for a symbol, never plots it, and marks it with its letter', () => {
    const { rows } = parts(input);
    const q3 = rowsOf(rows, 'Actual')[2]!;
    assert.equal(q3.value, null);
    assert.equal(q3.gap, 'c');
    // A symbol that arrived with a number still is not plotted; `u` (low reliability) is.
    const odd = careLeavers({
      values: [
        { period: QUARTERS[0]!, value: 12, symbol: 'c', source: careLeavers().source },
        { period: QUARTERS[1]!, value: 40, symbol: 'u', source: careLeavers().source },
      ],
    });
    const oddRows = rowsOf(parts(trendChartInput(odd, QUARTERS)).rows, 'Actual');
    assert.equal(oddRows[0]!.value, null);
    assert.equal(oddRows[1]!.value, 40);
    assert.equal(oddRows[1]!.gap, null);
    assert.equal(oddRows[2]!.value, null, 'a period with no figure is a gap too');
    assert.equal(oddRows[2]!.gap, null);
  });

  it('plots figures rounded as they are printed', () => {
    const ind = careLeavers({ decimals: 1, values: observations([52.25, 55.349]) });
    const rows = rowsOf(chartRows(chartSeries(trendChartInput(ind, QUARTERS))), 'Actual');
    assert.deepEqual(
      rows.slice(0, 2).map((r) => r.value),
      [52.3, 55.3],
    );
  });

  it('keeps series names apart when a comparator is called Target', () => {
    const ind = careLeavers({
      benchmarks: [{ ...careLeavers().benchmarks[0]!, comparator: 'Target' }],
    });
    const names = chartSeries(trendChartInput(ind, QUARTERS, ['target'])).map((s) => s.name);
    assert.deepEqual(names, ['Actual', 'Target', 'Target (2)']);
  });

  it('uses colours with at least 3:1 contrast against white for every mark', () => {
    const colours = [
      seriesStyle('value').colour,
      seriesStyle('target').colour,
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => seriesStyle('benchmark', i).colour),
      CHART_AXIS,
    ];
    for (const colour of colours) {
      assert.ok(contrastWithWhite(colour) >= 3, `${colour} reaches 3:1`);
    }
    assert.ok(contrastWithWhite(CHART_TEXT) >= 4.5, 'chart text reaches 4.5:1');
    // The formula itself: black on white is 21:1.
    assert.equal(Math.round(contrastWithWhite('#000000')), 21);
  });
});

describe('trendChartInput', () => {
  it('lines values, targets and benchmarks up with the periods', () => {
    const input = trendChartInput(careLeavers(), QUARTERS, ['london', 'england', 'Nowhere']);
    assert.equal(input.observations[2]?.symbol, 'c');
    assert.deepEqual(
      input.targets.map((t) => t?.value),
      [60, 60, 60, 60, 65, 65, 65, 65],
    );
    assert.deepEqual(
      input.benchmarks.map((b) => b.comparator),
      ['London', 'England'],
      'as the data spells them, in the order asked, unknown ones left out',
    );
    // A year's benchmark covers its quarters, and is carried on as the latest published
    // figure (marked so) to the latest period, where no newer one exists.
    assert.deepEqual(
      input.benchmarks[1]!.values.map((b) => b?.value),
      [66, 66, 66, 66, 66, 66, 66, 66],
    );
    assert.deepEqual(input.benchmarks[1]!.carried, [
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
    assert.deepEqual(
      input.benchmarks[0]!.carried?.every((c) => !c),
      true,
    );
    assert.deepEqual(
      input.benchmarks[0]!.values.map((b) => b?.value),
      [62, 62, 62, 62, 63.4, 63.4, 63.4, 63.4],
    );
  });

  it('records the benchmark period that differs from the chart period', () => {
    const series = chartSeries(trendChartInput(careLeavers(), QUARTERS, ['England']));
    const england = series.find((s) => s.name === 'England')!;
    assert.equal(england.points[0]!.ownPeriod?.key, '2022/23');
    const actual = series.find((s) => s.kind === 'value')!;
    assert.equal(actual.points[0]!.ownPeriod, undefined);
  });
});
