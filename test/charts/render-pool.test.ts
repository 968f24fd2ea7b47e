import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { chartFigure } from '../../src/engine/charts/chart-figure.js';
import { trendChartInput } from '../../src/engine/charts/chart-input.js';
import { ChartRenderer } from '../../src/engine/charts/render-svg.js';
import { trendChartSpec } from '../../src/engine/charts/trend-spec.js';
import type { TrendChartInput } from '../../src/engine/charts/types.js';
import { COMPARATORS, QUARTERS, benchmark, careLeavers } from './fixture.js';

const INPUTS: readonly TrendChartInput[] = [
  trendChartInput(careLeavers(), QUARTERS, [...COMPARATORS]),
  trendChartInput(careLeavers({ polarity: 'none' }), QUARTERS.slice(3)),
  trendChartInput(careLeavers({ unit: 'count', title: 'Children looked after' }), QUARTERS),
  trendChartInput(
    careLeavers({
      title: 'Tom & "Jerry" <b>',
      benchmarks: [benchmark("Neighbours' <average>", '2023/24', 59)],
    }),
    QUARTERS,
    ["Neighbours' <average>"],
  ),
];

/** Every chart's SVG and figure HTML, rendered afresh. */
async function renderAll(charts: ChartRenderer): Promise<string[]> {
  charts.clear();
  const svgs = await Promise.all(INPUTS.map((input) => charts.render(trendChartSpec(input))));
  const figures = await Promise.all(
    INPUTS.map(async (input, i) =>
      toHtml(await chartFigure(charts, input, { idPrefix: `sc-chart-${i}` })),
    ),
  );
  return [...svgs, ...figures];
}

describe('render pool', function () {
  // A TypeScript worker loads Vega through tsx: seconds on a busy machine.
  this.timeout(60_000);

  const charts = new ChartRenderer({ workers: 0 });
  afterEach(() => {
    charts.setThreads({ workers: 0 });
    charts.clear();
  });

  it('renders byte for byte what this thread renders', async () => {
    charts.setThreads({ workers: 0 });
    const here = await renderAll(charts);
    charts.setThreads({ workers: 2 });
    assert.equal(charts.stats().workers, 0, 'no worker before the first chart');
    const pooled = await renderAll(charts);
    assert.ok(charts.stats().usesWorkers, 'the workers rendered');
    assert.equal(charts.stats().workers, 2);
    assert.deepEqual(pooled, here);
  });

  it('rejects a spec Vega cannot draw with the message it gives in this thread', async () => {
    const broken = {
      ...trendChartSpec(INPUTS[0]!),
      layer: [{ mark: { type: 'nonsense' } }],
    } as unknown as ReturnType<typeof trendChartSpec>;
    charts.setThreads({ workers: 0 });
    const here = await charts.render(broken).then(
      () => assert.fail('renders'),
      (error: unknown) => error,
    );
    charts.setThreads({ workers: 2 });
    const pooled = await charts.render(broken).then(
      () => assert.fail('renders'),
      (error: unknown) => error,
    );
    assert.ok(here instanceof Error && pooled instanceof Error);
    assert.equal(pooled.message, here.message);
    assert.ok(charts.stats().usesWorkers, 'a failed chart does not stop the workers');
    assert.equal(charts.stats().cached, 0, 'and is not remembered');
  });

  it('gives each renderer a pool of its own', async () => {
    const other = new ChartRenderer({ workers: 2 });
    const drawnHere = charts.stats().renders;
    try {
      await renderAll(other);
      assert.equal(other.stats().workers, 2);
      assert.equal(charts.stats().workers, 0, 'another renderer started no worker here');
      assert.equal(charts.stats().renders, drawnHere, 'nor drew anything here');
    } finally {
      other.close();
    }
  });

  it('renders in this thread when the workers cannot start', async () => {
    charts.setThreads({ workers: 0 });
    const here = await renderAll(charts);
    charts.setThreads({
      workers: 2,
      workerUrl: new URL('./no-such-render-worker.js', import.meta.url),
    });
    const fallback = await renderAll(charts);
    assert.deepEqual(fallback, here);
    assert.equal(charts.stats().usesWorkers, false);
    assert.equal(charts.stats().workers, 0);
  });

  it('lets the process end once the charts are drawn', () => {
    const script = [
      `const svg = await import(${JSON.stringify(new URL('../../src/engine/charts/render-svg.ts', import.meta.url).href)});`,
      `const spec = await import(${JSON.stringify(new URL('../../src/engine/charts/trend-spec.ts', import.meta.url).href)});`,
      `const { trendChartInput } = await import(${JSON.stringify(new URL('../../src/engine/charts/chart-input.ts', import.meta.url).href)});`,
      `const fixture = await import(${JSON.stringify(new URL('./fixture.ts', import.meta.url).href)});`,
      'const charts = new svg.ChartRenderer({ workers: 2 });',
      'const drawing = await charts.render(spec.trendChartSpec(trendChartInput(fixture.careLeavers(), fixture.QUARTERS)));',
      "console.log(JSON.stringify({ ok: JSON.parse(drawing).tagName === 'svg', ...charts.stats() }));",
    ].join('\n');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        encoding: 'utf8',
        timeout: 50_000,
      },
    );
    assert.equal(result.signal, null, `ended by itself: ${result.stderr}`);
    assert.equal(result.status, 0, result.stderr);
    const stats = JSON.parse(result.stdout.trim()) as { ok: boolean; usesWorkers: boolean };
    assert.ok(stats.ok && stats.usesWorkers, result.stdout);
  });
});
