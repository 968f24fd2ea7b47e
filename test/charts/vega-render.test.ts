import assert from 'node:assert/strict';
import { Error as ErrorLevel, View, parse } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { trendChartInput } from '../../src/engine/charts/chart-input.js';
import { clearCompiledShapes, renderSpec } from '../../src/engine/charts/vega-render.js';
import { trendChartSpec } from '../../src/engine/charts/trend-spec.js';
import { COMPARATORS, QUARTERS, careLeavers, observations } from './fixture.js';

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
