import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Error as ErrorLevel, View, parse } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { trendChartInput } from '../../src/engine/charts/chart-input.js';
import { VegaRenderer } from '../../src/engine/charts/vega-render.js';

const vega = new VegaRenderer();
const renderSpec = (spec: TopLevelSpec) => vega.render(spec);
const clearCompiledShapes = () => vega.clear();
import { trendChartSpec } from '../../src/engine/charts/trend-spec.js';
import type { Indicator } from '../../src/engine/types.js';
import { COMPARATORS, QUARTERS, benchmark, careLeavers, observations, target } from './fixture.js';
import type { Figure } from './fixture.js';

/**
 * A trend chart's shape is all but its rows and its value axis's ends; the axis title
 * says whether the axis starts at 0, so charts titled alike must share one compiled
 * chart and one view.
 */
function assertSharedByTitle(specs: readonly TopLevelSpec[]): void {
  const title = (spec: TopLevelSpec) =>
    JSON.stringify(
      (spec as { layer: Array<{ encoding: { y: { title: string } } }> }).layer[0]!.encoding.y.title,
    );
  const titles = new Set(specs.map(title)).size;
  assert.ok(titles < specs.length, 'some charts share a shape');
  assert.deepEqual(vega.made, { shapes: titles, views: titles });
}

/** What Vega draws for the spec compiled on its own, nothing shared. */
async function alone(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none', logLevel: ErrorLevel });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

describe('renderSpec (one compiled spec per chart shape)', () => {
  // The same shape (series, periods, titles), different rows: gaps, other ranges.
  const specs = [
    [52, 55, 'c', 57, 60, 61, 63, 58],
    [12, 14, 15, 15, 18, 21, 19, 17],
    [90, 'x', 'x', 88, 93, 95, 97, 99],
    [52, 55, 'c', 57, 60, 61, 63, 58],
  ].map((figures) =>
    trendChartSpec(
      trendChartInput(careLeavers({ values: observations(figures as never) }), QUARTERS, [
        ...COMPARATORS,
      ]),
    ),
  );

  beforeEach(() => clearCompiledShapes());

  it('draws each chart exactly as compiling it alone does, in any order', async () => {
    const expected = await Promise.all(specs.map(alone));
    for (const order of [
      [0, 1, 2, 3],
      [2, 0, 3, 1],
    ]) {
      clearCompiledShapes();
      for (const i of order) {
        assert.equal(await renderSpec(specs[i]!), expected[i], `chart ${i}`);
      }
    }
    assert.notEqual(expected[0], expected[1], 'the rows change the drawing');
    // Their value axes end at other numbers (parameters of the spec), yet one compiled
    // chart and one view drew all those whose axis is titled alike.
    assertSharedByTitle(specs);
  });

  it('draws charts of other shapes, and specs without inline rows, as compiled alone', async () => {
    const other = trendChartSpec(
      trendChartInput(careLeavers({ title: 'Other' }), QUARTERS.slice(4)),
    );
    const bars: TopLevelSpec = {
      data: { values: [{ a: 1 }, { a: 3 }] },
      mark: 'bar',
      encoding: { y: { field: 'a', type: 'quantitative' } },
    };
    const generated: TopLevelSpec = {
      data: { sequence: { start: 0, stop: 3, as: 'a' } },
      mark: 'tick',
      encoding: { y: { field: 'a', type: 'quantitative' } },
    };
    for (const spec of [specs[0]!, other, bars, generated, specs[0]!]) {
      assert.equal(await renderSpec(spec), await alone(spec));
    }
  });
});

describe('renderSpec (a view drawn once draws the next chart of its shape)', () => {
  beforeEach(() => clearCompiledShapes());

  /** A chart as reports hold them: any range, gaps and symbols, negative figures. */
  const figure: fc.Arbitrary<Figure> = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -50, max: 1000 }) },
    { weight: 1, arbitrary: fc.constantFrom<Figure>('c', 'x', undefined) },
  );
  /** What makes a chart's shape: its series, periods and axis title. */
  const shape = fc.record({
    unit: fc.constantFrom<Indicator['unit']>('percent', 'count'),
    quarters: fc.constantFrom(4, 8),
    targets: fc.boolean(),
    comparators: fc.subarray([...COMPARATORS]),
  });
  /** What changes between charts of one shape: the rows. */
  const rows = fc.record({
    figures: fc.array(figure, { minLength: 8, maxLength: 8 }),
    // Ranges from hundredths to millions change the width of the y labels, so the fit.
    scale: fc.constantFrom(0.01, 1, 37, 10_000, 2_500_000),
    england: fc.integer({ min: -100, max: 900 }),
    london: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
  });
  type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;
  type Rows = typeof rows extends fc.Arbitrary<infer T> ? T : never;

  function specOf(s: Shape, r: Rows): TopLevelSpec {
    const scaled = r.figures.map((f) => (typeof f === 'number' ? (f * r.scale) / 10 : f));
    const indicator = careLeavers({
      unit: s.unit,
      decimals: r.scale < 1 ? 2 : 0,
      values: observations(scaled),
      targets: s.targets ? [target('2022/23', 60 * r.scale), target('2023/24', 65 * r.scale)] : [],
      benchmarks: [
        benchmark('England', '2022/23', r.england * r.scale),
        // A London figure for one year only, or none: its line has a gap, or no points.
        ...(r.london === undefined ? [] : [benchmark('London', '2023/24', r.london * r.scale)]),
        benchmark('Statistical neighbours', '2023/24', 59 * r.scale),
      ],
    });
    return trendChartSpec(
      trendChartInput(indicator, QUARTERS.slice(8 - s.quarters), s.comparators),
    );
  }

  it('draws every chart of a random sequence exactly as a new view does', async () => {
    // Two shapes a sequence, so most of its charts are drawn by a view that drew another.
    const sequence = fc.record({
      shapes: fc.tuple(shape, shape),
      charts: fc.array(fc.tuple(fc.nat(1), rows), { minLength: 2, maxLength: 10 }),
    });
    await fc.assert(
      fc.asyncProperty(sequence, async ({ shapes, charts }) => {
        clearCompiledShapes();
        for (const [i, [which, r]] of charts.entries()) {
          const spec = specOf(shapes[which]!, r);
          assert.equal(await renderSpec(spec), await alone(spec), `chart ${i}`);
        }
      }),
      { numRuns: Number(process.env['RUNS'] ?? 12) },
    );
  });

  it('draws charts asked for at once, taking turns with one view per shape', async () => {
    const input = (figures: Figure[]) =>
      trendChartSpec(trendChartInput(careLeavers({ values: observations(figures) }), QUARTERS));
    const specs = [
      input([52, 55, 'c', 57, 60, 61, 63, 58]),
      input([5200, 5500, 5600, 5700, 6000, 6100, 6300, 5800]),
      input([1, 2, 3, 4, 5, 6, 7, 8]),
    ];
    await renderSpec(specs[2]!);
    const together = await Promise.all([...specs, ...specs].map((spec) => renderSpec(spec)));
    const expected = await Promise.all(specs.map(alone));
    assert.deepEqual(together, [...expected, ...expected]);
    assertSharedByTitle(specs);
  });
});
