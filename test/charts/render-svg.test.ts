import assert from 'node:assert/strict';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { trendChartInput } from '../../src/engine/charts/chart-input.js';
import { LruCache } from '../../src/engine/charts/lru-cache.js';
import { ChartRenderer } from '../../src/engine/charts/render-svg.js';
import { CHART_GRID, seriesStyle } from '../../src/engine/charts/series-style.js';
import { trendChartSpec } from '../../src/engine/charts/trend-spec.js';
import { specHash } from '../../src/engine/charts/spec-hash.js';
import { COMPARATORS, QUARTERS, careLeavers } from './fixture.js';

/** Rebuilds an object with its keys in reverse order, recursively. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

/** The drawn chart as SVG markup. */
const charts = new ChartRenderer({ workers: 0 });

async function renderSvg(spec: Parameters<ChartRenderer['render']>[0]): Promise<string> {
  const svg = JSON.parse(await charts.render(spec)) as Element;
  return toHtml(svg, { space: 'svg' });
}

describe('renderChart', () => {
  const spec = trendChartSpec(trendChartInput(careLeavers(), QUARTERS, [...COMPARATORS]));

  beforeEach(() => charts.clear());

  it('renders an SVG with the period labels, the unit and a label at each line end', async () => {
    const svg = await renderSvg(spec);
    assert.match(svg, /^<svg[^>]*viewBox="0 0 640 300"/);
    // Quarters on two lines: `Q1` over `2022/23`.
    assert.ok(svg.includes('<tspan>Q1</tspan><tspan x="0" dy="13">2022/23</tspan>'), 'Q1 2022/23');
    for (const text of [
      'Percentage (%), axis does not start at 0',
      'Actual',
      'Target',
      'England 2022/23',
      'Statistical neighbours 2023/24',
    ]) {
      assert.ok(svg.includes(`>${text}</text>`), `shows ${text}`);
    }
  });

  it('breaks the authority line at the suppressed quarter', async () => {
    const svg = await renderSvg(spec);
    const colour = seriesStyle('value').colour;
    const line = [...svg.matchAll(/<path [^>]*d="([^"]+)"[^>]*>/g)].find(
      (m) => m[0].includes(`stroke="${colour}"`) && m[0].includes('stroke-width="2.5"'),
    );
    assert.ok(line, 'the authority line is drawn');
    assert.equal(line[1]!.match(/M/g)?.length, 2, 'two pieces either side of the gap');
  });

  it('draws every mark in a colour with 3:1 contrast, bar the grid and the page', async () => {
    const svg = await renderSvg(spec);
    const used = new Set(
      [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)].map((m) => m[1]!.toLowerCase()),
    );
    used.delete('#ffffff');
    used.delete(CHART_GRID);
    const allowed = new Set([
      ...[0, 1, 2].map((i) => seriesStyle('benchmark', i).colour),
      seriesStyle('value').colour,
      seriesStyle('target').colour,
      '#505a5f',
      '#0b0c0c',
    ]);
    for (const colour of used) assert.ok(allowed.has(colour), `${colour} is a checked colour`);
  });

  it('renders a spec once and then answers from the cache, whatever its key order', async () => {
    const before = charts.stats().renders;
    const first = await charts.render(spec);
    const again = await charts.render(spec);
    const reordered = await charts.render(reversedKeys(spec) as typeof spec);
    assert.equal(charts.stats().renders, before + 1);
    assert.equal(again, first);
    assert.equal(reordered, first);
    assert.equal(specHash(reversedKeys(spec)), specHash(spec));
  });

  it('shares one render between two requests made at once', async () => {
    const before = charts.stats().renders;
    const [a, b] = await Promise.all([charts.render(spec), charts.render(spec)]);
    assert.equal(a, b);
    assert.equal(charts.stats().renders, before + 1);
  });

  it('renders again when the spec changes', async () => {
    const before = charts.stats().renders;
    const other = trendChartSpec(
      trendChartInput(careLeavers({ title: 'Other' }), QUARTERS.slice(4)),
    );
    const a = await renderSvg(spec);
    const b = await renderSvg(other);
    assert.notEqual(a, b);
    assert.equal(charts.stats().renders, before + 2);
    assert.equal(charts.stats().cached, 2);
  });

  it('does not remember a failed render', async () => {
    const broken = { ...spec, layer: [{ mark: { type: 'nonsense' } }] } as unknown as typeof spec;
    await assert.rejects(charts.render(broken));
    assert.equal(charts.stats().cached, 0);
  });
});

describe('LruCache', () => {
  it('forgets the least recently used entry beyond its bound', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1, 'a is now the most recently used');
    cache.set('c', 3);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
  });

  it('deletes an entry only while it holds the value given', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.deleteIf('a', 2);
    assert.equal(cache.get('a'), 1);
    cache.deleteIf('a', 1);
    assert.equal(cache.get('a'), undefined);
  });
});
