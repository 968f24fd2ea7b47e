import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BlockRenderCache } from '../../src/engine/block-render-cache.js';
import { ChartRenderer } from '../../src/engine/charts/render-svg.js';
import { createEngine } from '../../src/engine/index.js';
import type { RenderOptions } from '../../src/engine/index.js';
import { IncrementalParser } from '../../src/engine/report/incremental-parse.js';
import { tempDir, writeFiles } from '../data/helpers.js';
import { visible } from './public-text.js';

/**
 * The disclose stage end to end: what a public export prints, judged from its HTML.
 * Each case is one the issue found published with exit 0 and no message.
 */
const DATA = `indicators:
  - { id: ALL, title: Children in care, unit: count, polarity: none, counting_unit: children,
      values: [{ period: 2023/24, value: 40 }, { period: 2022/23, value: 44 }] }
  - { id: BOYS, title: Boys in care, unit: count, polarity: none, part_of: ALL,
      values: [{ period: 2023/24, value: 37 }, { period: 2022/23, value: 22 }] }
  - { id: GIRLS, title: Girls in care, unit: count, polarity: none, part_of: ALL,
      values: [{ period: 2023/24, value: 3 }, { period: 2022/23, value: 22 }] }
  - { id: MISS, title: Missing incidents, unit: count, polarity: none,
      values: [{ period: 2023/24, value: 46 }] }
  - { id: MISS-U16, title: Missing under 16, unit: count, polarity: none, part_of: MISS,
      values: [{ period: 2023/24, value: 36 }] }
  - { id: MISS-1617, title: Missing aged 16 or 17, unit: count, polarity: none, part_of: MISS,
      values: [{ period: 2023/24, value: 4 }] }
  - { id: MISS-18, title: Missing aged 18 or over, unit: count, polarity: none, part_of: MISS,
      values: [{ period: 2023/24, value: 6 }] }
  - { id: ROUND, title: A count with decimals, unit: count, decimals: 0, polarity: none,
      values: [{ period: 2023/24, value: 5.4 }] }
  - { id: EET, title: Care leavers in education, unit: percent, polarity: higher,
      counting_unit: care leavers,
      values: [{ period: 2023/24, value: 13.5, numerator: 5.4, denominator: 40 }] }
  - { id: SRC, title: Suppressed at source, unit: percent, polarity: higher,
      counting_unit: care leavers,
      values: [{ period: 2023/24, symbol: c, numerator: 50, denominator: 100 }] }
  - { id: SPARK, title: Only its trend is small, unit: count, polarity: none,
      values: [{ period: 2021/22, value: 2 }, { period: 2022/23, value: 40 },
               { period: 2023/24, value: 50 }] }
  - { id: UASC, title: Unaccompanied children, unit: count, polarity: none,
      values: [{ period: 2023/24, value: 80 }],
      benchmarks: [{ comparator: Statistical neighbours, period: 2023/24, value: 3 },
                   { comparator: England, period: 2023/24, value: 45 }] }
`;

function report(body: string): string {
  return `---\ntitle: Disclosure\nperiod: 2023/24\ndata: data.yaml\n---\n\n${body}\n`;
}

function prints(html: string, figure: string): boolean {
  return new RegExp(`(^|[^\\d.,])${figure.replace(/[.]/g, '\\.')}($|[^\\d.,])`).test(visible(html));
}

describe('disclose stage: the public export (document-wide)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = writeFiles(tempDir(), { 'data.yaml': DATA });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const options = (mode: RenderOptions['mode'] = 'public'): RenderOptions => ({
    path: join(dir, 'report.md'),
    mode,
  });
  const render = (text: string, mode: RenderOptions['mode'] = 'public') =>
    createEngine().render(text, options(mode));

  it('disclosure by subtraction: a total and one of two parts, in two sentences', async () => {
    const result = await render(
      report('There were :value{id=ALL} children.\n\nOf them, :value{id=BOYS} were boys.'),
    );
    assert.ok(prints(result.body, '40'));
    assert.ok(!prints(result.body, '37'), 'boys printed: 40 - 37 gives 3 girls');
    const small = result.messages.filter((m) => m.ruleId === 'small-number');
    assert.deepEqual(
      small.map((m) => [m.line, m.column, m.severity]),
      [[9, 10, 'error']],
    );
    assert.match(small[0]!.reason, /BOYS 2023\/24/);
    assert.equal(result.refused, true);
  });

  it('parts suppressed in a scorecard are suppressed in a sentence and a card too', async () => {
    const result = await render(
      report(
        [
          '::scorecard{ids="MISS,MISS-U16,MISS-1617,MISS-18"}',
          'Incidents of young people aged 18 or over: :value{id=MISS-18}.',
          '::indicator{id=MISS-18}',
        ].join('\n\n'),
      ),
    );
    assert.ok(!prints(result.body, '4'));
    assert.ok(!prints(result.body, '6'), 'the complement is printed somewhere');
    assert.ok(prints(result.body, '46'));
    // One message at each place a suppressed figure is shown.
    const places = result.messages
      .filter((m) => m.ruleId === 'small-number')
      .map((m) => `${m.line}:${m.column}`);
    assert.deepEqual([...new Set(places)], ['7:1', '9:44', '11:1']);
  });

  it('parts shown in two scorecards are judged together', async () => {
    const result = await render(
      report('::scorecard{ids="MISS,MISS-U16"}\n\n::scorecard{ids="MISS-1617,MISS-18"}'),
    );
    // 46 - 36 = 10 = 4 + 6: the second table must not give 4 and 6 away.
    assert.ok(!prints(result.body, '4'));
    assert.ok(!prints(result.body, '6'));
  });

  it('a chart of a part suppresses the period its total gives away', async () => {
    const result = await render(report(':value{id=ALL}\n\n::chart{id=BOYS periods=2}'));
    assert.ok(!prints(result.body, '37'), 'the chart or its table prints 37');
    // 2022/23: 44 - 22 = 22, not small; that year stays in the chart.
    assert.ok(prints(result.body, '22'));
  });

  it('rounding: a count of 5.4 printed as 5 is a small number', async () => {
    const result = await render(report('Rounded: :value{id=ROUND}.'));
    assert.ok(!prints(result.body, '5'));
    assert.ok(result.messages.some((m) => m.ruleId === 'small-number' && m.line === 7));
  });

  it('rounding: a numerator of 5.4 is never printed as "5 of 40"', async () => {
    const result = await render(report('::indicator{id=EET}'));
    assert.doesNotMatch(visible(result.body), /\b5 of 40\b/);
    assert.ok(!prints(result.body, '13.5%') && !prints(result.body, '14%'));
  });

  it('a value c at source is never printed with its numerator and denominator', async () => {
    const result = await render(report('::indicator{id=SRC}\n\n::scorecard{ids=SRC}'));
    assert.doesNotMatch(visible(result.body), /50 of 100/);
    assert.ok(!prints(result.body, '50') && !prints(result.body, '100'));
    assert.ok(result.messages.some((m) => m.ruleId === 'small-number'));
  });

  it('small counts in benchmarks are suppressed and reported', async () => {
    const result = await render(
      report(':benchmark{id=UASC vs="Statistical neighbours"}\n\n::indicator{id=UASC}'),
    );
    assert.ok(!prints(result.body, '3'));
    assert.ok(prints(result.body, '45'));
    const small = result.messages.filter((m) => m.ruleId === 'small-number');
    assert.deepEqual(
      small.map((m) => m.line),
      [7, 9],
    );
    assert.match(small[0]!.reason, /UASC Statistical neighbours 2023\/24/);
  });

  it('the preview and the exempt export show the figures and warn at every place', async () => {
    for (const mode of ['preview', 'exempt'] as const) {
      const result = await render(report(':value{id=ALL}\n\n:value{id=BOYS}'), mode);
      assert.ok(prints(result.body, '37'));
      const small = result.messages.filter((m) => m.ruleId === 'small-number');
      assert.deepEqual(
        small.map((m) => [m.line, m.severity]),
        [[9, 'warning']],
      );
    }
  });

  it('allowing small numbers still suppresses them, and warns', async () => {
    const result = await createEngine().render(report(':value{id=ALL}\n\n:value{id=BOYS}'), {
      ...options(),
      allowSmallNumbers: true,
    });
    assert.ok(!prints(result.body, '37'));
    assert.equal(result.refused, false);
  });

  it('check gives the messages of render, the sparkline included', async () => {
    // The card prints 50 (and 40 before it); its sparkline's description quotes the 2 of 2021/22.
    const text = report('::indicator{id=SPARK}\n\n::indicator{id=ALL}');
    for (const mode of ['preview', 'public'] as const) {
      const engine = createEngine();
      const rendered = await engine.render(text, options(mode));
      const checked = await engine.check(text, options(mode));
      assert.deepEqual(checked, rendered.messages);
      assert.deepEqual(
        checked.filter((m) => m.ruleId === 'small-number').map((m) => m.line),
        [7],
      );
      assert.equal(/from 2 /.test(visible(rendered.body)), mode === 'preview');
    }
  });

  it('re-renders a block when a change elsewhere changes its decisions, and only then', async () => {
    const engine = createEngine();
    const { catalogue } = await engine.catalogue(report(''), options());
    const parser = new IncrementalParser();
    const cache = new BlockRenderCache();
    const input = {
      path: options().path,
      catalogue,
      reportPeriod: undefined,
      mode: 'public',
      allowSmallNumbers: false,
      charts: new ChartRenderer({ workers: 0 }),
    } as const;
    const run = async (text: string) => {
      const blocks = parser.parseBlocks(text);
      assert.ok(blocks);
      const result = await cache.render(blocks, input);
      assert.ok(result);
      return result;
    };
    const boys = 'Boys: :value{id=BOYS period=2023/24}.';
    const first = await run(report(`A paragraph.\n\n${boys}`));
    assert.ok(prints(first.body, '37'));
    // Typing in a paragraph renders that paragraph alone.
    await run(report(`A paragraph, edited.\n\n${boys}`));
    assert.equal(cache.lastStats.rendered, 1);
    // Showing the total elsewhere changes the decision on the boys: their block renders again.
    const second = await run(report(`All: :value{id=ALL period=2023/24}.\n\n${boys}`));
    assert.equal(cache.lastStats.rendered, 2);
    assert.ok(!prints(second.body, '37'));
    assert.equal(second.messages.filter((m) => m.ruleId === 'small-number').length, 1);
    // And back.
    const third = await run(report(`A paragraph, edited.\n\n${boys}`));
    assert.ok(prints(third.body, '37'));
  });
});
