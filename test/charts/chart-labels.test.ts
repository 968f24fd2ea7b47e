import assert from 'node:assert/strict';
import type { Element, Nodes } from 'hast';
import { visit } from 'unist-util-visit';
import { chartFigure } from '../../src/engine/charts/chart-figure.js';
import { ChartRenderer } from '../../src/engine/charts/render-svg.js';
import { trendChartInput } from '../../src/engine/charts/chart-input.js';
import { chartSeries } from '../../src/engine/charts/chart-series.js';
import { lineLabels, trendChartSpec, valueDomain } from '../../src/engine/charts/trend-spec.js';
import type { TrendChartInput } from '../../src/engine/charts/types.js';
import type { Indicator } from '../../src/engine/types.js';
import { COMPARATORS, QUARTERS, careLeavers, observations } from './fixture.js';

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c)).join('') : '';
}

function elements(tree: Nodes, tagName: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === tagName) found.push(node);
  });
  return found;
}

function count(
  id: string,
  countingUnit: string,
  figures: Parameters<typeof observations>[0],
): Indicator {
  return careLeavers({
    id,
    title: `Missing ${countingUnit}`,
    unit: 'count',
    polarity: 'none',
    countingUnit,
    values: observations(figures),
    targets: [],
    benchmarks: [],
  });
}

function twins(): TrendChartInput {
  const children = count('OP419', 'children', [14, 17, 12, 15, 16, 13, 15, 15]);
  const incidents = count('OP419I', 'incidents', [38, 45, 30, 41, 44, 35, 40, 'c']);
  return {
    ...trendChartInput(children, QUARTERS),
    extraValues: [
      { indicator: incidents, observations: trendChartInput(incidents, QUARTERS).observations },
    ],
  };
}

describe('valueDomain', () => {
  it('starts at zero unless the data sit far from it', () => {
    const near = chartSeries(trendChartInput(count('A', 'children', [2, 9, 4, 6]), QUARTERS));
    assert.deepEqual(valueDomain(near), { low: 0, high: 10, fromZero: true });
    const far = chartSeries(trendChartInput(careLeavers(), QUARTERS, [...COMPARATORS]));
    const domain = valueDomain(far);
    assert.equal(domain.fromZero, false);
    // Every plotted figure (52% to 66%) lies inside, on round ticks.
    assert.ok(domain.low <= 52 && domain.low > 0, `${domain.low}`);
    assert.ok(domain.high >= 66, `${domain.high}`);
    assert.equal(domain.low % 2, 0);
  });
});

describe('lineLabels', () => {
  it('labels each line at its last plotted point, benchmarks with their period', () => {
    const series = chartSeries(trendChartInput(careLeavers(), QUARTERS, [...COMPARATORS]));
    const labels = lineLabels(series, valueDomain(series));
    assert.deepEqual(labels.map((l) => l.label).sort(), [
      'Actual',
      'England 2022/23',
      'London 2023/24',
      'Statistical neighbours 2023/24',
      'Target',
    ]);
    assert.ok(labels.every((l) => l.period === 'Q4 2023/24'));
  });

  it('moves labels apart so none overlaps, keeping their order', () => {
    const series = chartSeries(trendChartInput(careLeavers(), QUARTERS, [...COMPARATORS]));
    const domain = valueDomain(series);
    const labels = lineLabels(series, domain);
    const gap = ((domain.high - domain.low) * 15) / 300;
    const ys = labels.map((l) => l.y);
    for (let i = 1; i < ys.length; i++) {
      assert.ok(
        ys[i - 1]! - ys[i]! >= gap - 1e-9,
        `labels ${i - 1} and ${i} overlap: ${ys.join()}`,
      );
    }
    assert.ok(
      ys.every((y) => y >= domain.low && y <= domain.high),
      ys.join(),
    );
  });
});

describe('a chart of several indicators', () => {
  it('draws each indicator as its own line, told apart by dash, marker and label', () => {
    const series = chartSeries(twins());
    const own = series.filter((s) => s.kind === 'value');
    assert.deepEqual(
      own.map((s) => s.label),
      ['OP419 children', 'OP419I incidents'],
    );
    assert.notDeepEqual(own[0]!.style.dash, own[1]!.style.dash);
    assert.notEqual(own[0]!.style.shape, own[1]!.style.shape);
    assert.notEqual(own[0]!.style.colour, own[1]!.style.colour);
    const spec = JSON.stringify(trendChartSpec(twins()));
    assert.match(spec, /"title":"Number"/, 'the axis names no one counting unit');
    assert.match(spec, /"oneOf":\["OP419 Missing children","OP419I Missing incidents"\]/);
  });

  it('tables every series in one table, each figure in its own unit', async () => {
    const figure = await chartFigure(new ChartRenderer({ workers: 0 }), twins());
    const table = elements(figure, 'table')[0]!;
    const head = elements(elements(table, 'thead')[0]!, 'th').map(textOf);
    assert.deepEqual(head, ['Period', 'OP419 Missing children', 'OP419I Missing incidents']);
    const last = elements(elements(table, 'tbody')[0]!, 'tr').at(-1)!;
    assert.deepEqual(
      elements(last, 'td').map(textOf),
      ['15', 'c'],
      'the suppressed quarter is a letter, never a number',
    );
    const caption = textOf(elements(figure, 'figcaption')[0]!);
    assert.match(
      caption,
      /^OP419 and OP419I: 15 children and OP419I incidents suppressed in Q4 2023\/24/,
    );
    const description = textOf(elements(figure, 'p')[0]!);
    assert.match(description, /^OP419 children: The latest figure is 15 in Q4 2023\/24\./);
    assert.match(description, /OP419I incidents: The latest figure is suppressed/);
  });
});
