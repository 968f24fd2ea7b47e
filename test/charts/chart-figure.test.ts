import assert from 'node:assert/strict';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { chartFigure as drawFigure } from '../../src/engine/charts/chart-figure.js';
import { trendChartInput } from '../../src/engine/charts/chart-input.js';
import { chartSeries } from '../../src/engine/charts/chart-series.js';
import { ChartRenderer } from '../../src/engine/charts/render-svg.js';
import { cleanSvg } from '../../src/engine/charts/svg-clean.js';
import { chartRows } from '../../src/engine/charts/trend-spec.js';
import { formatAmount } from '../../src/engine/semantics/format.js';
import type { StatSymbol } from '../../src/engine/types.js';
import { COMPARATORS, QUARTERS, benchmark, careLeavers } from './fixture.js';

function elements(tree: Nodes, tagName: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === tagName) found.push(node);
  });
  return found;
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c)).join('') : '';
}

function classes(node: Element): string[] {
  const c = node.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
}

function ids(tree: Nodes): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties['id'] === 'string') found.push(node.properties['id']);
  });
  return found;
}

const input = trendChartInput(careLeavers(), QUARTERS, [...COMPARATORS]);

const charts = new ChartRenderer({ workers: 0 });
const chartFigure = (
  ...args: Parameters<typeof drawFigure> extends [unknown, ...infer R] ? R : never
) => drawFigure(charts, ...args);

describe('chartFigure', () => {
  it('sets out headline, subtitle, named SVG, description and table in that order', async () => {
    const figure = await chartFigure(input);
    assert.equal(figure.tagName, 'figure');
    assert.deepEqual(classes(figure), ['sc-chart']);
    const kids = figure.children.filter((c): c is Element => c.type === 'element');
    assert.deepEqual(
      kids.map((k) => k.tagName),
      ['figcaption', 'svg', 'p', 'div'],
    );
    const caption = textOf(kids[0]!);
    assert.ok(
      caption.startsWith(
        'Care leavers in education, employment or training: 58% in Q4 2023/24, below the 65% target',
      ),
      caption,
    );
    assert.ok(
      caption.endsWith(
        'Percentage of care leavers aged 19 to 21, Q1 2022/23 to Q4 2023/24; with target and England, London and Statistical neighbours benchmarks',
      ),
      caption,
    );
  });

  it('names the SVG by its own title and desc', async () => {
    const figure = await chartFigure(input);
    const svg = elements(figure, 'svg')[0]!;
    assert.equal(svg.properties['role'], 'img');
    const labelledBy = svg.properties['ariaLabelledBy'];
    assert.ok(Array.isArray(labelledBy) && labelledBy.length === 2);
    const [titleId, descId] = labelledBy.map(String);
    const title = elements(svg, 'title').find((t) => t.properties['id'] === titleId);
    const desc = elements(svg, 'desc').find((t) => t.properties['id'] === descId);
    assert.ok(title && textOf(title).includes('58% in Q4 2023/24'));
    assert.ok(desc && textOf(desc).startsWith('Percentage of care leavers'));
    // Vega's own ARIA would compete with the figure's name.
    const html = toHtml(svg);
    assert.equal(html.match(/role=/g)?.length, 1);
    assert.ok(!html.includes('aria-label='));
    assert.ok(!html.includes('aria-roledescription'));
  });

  it('describes the latest figure, the trend, the target, benchmarks and gaps', async () => {
    const figure = await chartFigure(input);
    const description = textOf(elements(figure, 'p')[0]!);
    for (const phrase of [
      'The latest figure is 58% in Q4 2023/24.',
      'From 52% in Q1 2022/23 to 58% in Q4 2023/24 it is up 6 pp.',
      'Compared with 63% in Q3 2023/24, the period before, it is down 5 pp.',
      'The target for Q4 2023/24 is 65%; the figure is 7 pp below it.',
      'the best is England at 66% (2022/23) and the worst is Statistical neighbours at 59% (2023/24) (higher is better)',
      'The line has a gap at Q3 2022/23 (suppressed).',
    ]) {
      assert.ok(description.includes(phrase), `"${phrase}" in: ${description}`);
    }
  });

  it('says highest and lowest rather than best and worst when polarity is none', async () => {
    const figure = await chartFigure(
      trendChartInput(careLeavers({ polarity: 'none' }), QUARTERS, [...COMPARATORS]),
    );
    const description = textOf(elements(figure, 'p')[0]!);
    assert.ok(
      description.includes(
        'the highest is England at 66% (2022/23) and the lowest is Statistical neighbours',
      ),
    );
    assert.ok(!description.includes('best'));
  });

  it('tables exactly the numbers plotted, with symbols as letters explained', async () => {
    const used = new Set<StatSymbol>();
    const figure = await chartFigure(input, { symbolsUsed: used });
    const table = elements(figure, 'table')[0]!;
    assert.ok(textOf(elements(table, 'caption')[0]!).length > 0);
    const head = elements(elements(table, 'thead')[0]!, 'th');
    assert.ok(head.every((th) => th.properties['scope'] === 'col'));
    const names = head.slice(1).map((th) => textOf(th));
    assert.deepEqual(names, ['Actual', 'Target', 'England', 'London', 'Statistical neighbours']);
    const bodyRows = elements(elements(table, 'tbody')[0]!, 'tr');
    assert.equal(bodyRows.length, QUARTERS.length);
    const plotted = chartRows(chartSeries(input));
    bodyRows.forEach((tr, i) => {
      const header = elements(tr, 'th')[0]!;
      assert.equal(header.properties['scope'], 'row');
      assert.equal(
        textOf(header).replace(/\u00a0/g, ' '),
        plotted[i]!.period,
        'rows follow the periods in order',
      );
      elements(tr, 'td').forEach((td, j) => {
        const row = plotted.find(
          (r) => r.series === names[j] && r.period === textOf(header).replace(/\u00a0/g, ' '),
        )!;
        const text = textOf(td);
        if (row.value === null)
          assert.ok(
            !/\d/.test(text.replace(/\(\d{4}\/\d{2}\)/, '')),
            `no number in a gap: ${text}`,
          );
        else
          assert.ok(
            text.startsWith(formatAmount(careLeavers(), row.value)),
            `${text} is ${row.value}`,
          );
      });
    });
    const abbr = elements(table, 'abbr')[0]!;
    assert.equal(textOf(abbr), 'c');
    assert.equal(abbr.properties['title'], 'suppressed to protect confidentiality');
    assert.deepEqual([...used], ['c']);
    // A lagging benchmark says whose period its figure is; carried on past its own
    // period, it also says it is the latest published.
    assert.ok(textOf(bodyRows[0]!).includes('66% (2022/23)'));
    assert.ok(textOf(bodyRows[7]!).includes('66% (2022/23, latest published)'));
  });

  it('keeps hostile titles, names and units inert', async () => {
    const evil = careLeavers({
      title: '<script>alert(1)</script></title><script>alert(2)</script>',
      countingUnit: '"><img src=x onerror=alert(3)>',
      benchmarks: [
        benchmark(
          '</text><script>alert(4)</script><foreignObject><a href="javascript:alert(5)">x</a></foreignObject>',
          '2022/23',
          60,
        ),
      ],
    });
    const figure = await chartFigure({
      ...trendChartInput(evil, QUARTERS, [evil.benchmarks[0]!.comparator]),
      valueLabel: '<svg onload=alert(6)>',
    });
    const html = toHtml(figure);
    // Read the output back as a browser would, and look at what elements it makes.
    const reparsed = fromHtml(html, { fragment: true });
    const tags = new Set<string>();
    visit(reparsed, 'element', (node: Element) => {
      tags.add(node.tagName.toLowerCase());
      for (const key of Object.keys(node.properties)) {
        assert.ok(!/^on/i.test(key), `no event handler attribute: ${key}`);
        assert.ok(!/href/i.test(key), `no link: ${key}`);
      }
    });
    for (const tag of ['script', 'img', 'foreignobject', 'a', 'style']) {
      assert.ok(!tags.has(tag), `no ${tag} element`);
    }
    assert.equal(elements(reparsed, 'svg').length, 1, 'the only svg is the chart');
    assert.ok(html.includes('&#x3C;script>alert(1)'), 'the title is shown as text');
  });

  it('gives two figures in one document distinct ids, and resolves each reference inside its own', async () => {
    const a = await chartFigure(input, { idPrefix: 'sc-chart-1' });
    const b = await chartFigure(input, { idPrefix: 'sc-chart-2' });
    const c = await chartFigure(trendChartInput(careLeavers(), QUARTERS.slice(4)));
    const d = await chartFigure(trendChartInput(careLeavers(), QUARTERS.slice(2)));
    const all = [a, b, c, d].flatMap((f) => ids(f));
    assert.ok(all.length >= 8);
    assert.equal(new Set(all).size, all.length);
    for (const figure of [a, b, c, d]) {
      const own = new Set(ids(figure));
      const labelledBy = elements(figure, 'svg')[0]!.properties['ariaLabelledBy'] as string[];
      for (const id of labelledBy) assert.ok(own.has(id), `${id} is in the same figure`);
      for (const m of toHtml(figure).matchAll(/url\(#([^)]+)\)/g)) assert.ok(own.has(m[1]!));
    }
  });

  it('is the same from one render to the next, rendering once, each caller owning its copy', async () => {
    charts.clear();
    const before = charts.stats().renders;
    const first = await chartFigure(input);
    const html = toHtml(first);
    first.children.length = 0;
    elements(first, 'svg')[0]?.children.splice(0);
    const second = await chartFigure(input);
    assert.equal(toHtml(second), html);
    assert.equal(charts.stats().renders, before + 1);
  });
});

describe('cleanSvg', () => {
  it('keeps drawing and drops everything that could run, load or link', () => {
    const hostile = [
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)" style="background:url(http://x)">',
      '<defs><clipPath id="clip1"><rect width="5" height="5"/></clipPath></defs>',
      '<g clip-path="url(#clip1)"><path d="M0,0L5,5" stroke="#000" onclick="alert(2)"/></g>',
      '<g clip-path="url(http://evil.example/x.svg#a)"><circle r="2"/></g>',
      '<script>alert(3)</script><foreignObject><div>hi</div></foreignObject>',
      '<a href="javascript:alert(4)"><text x="1">link</text></a>',
      '<image href="http://evil.example/x.png"/><use href="#clip1"/>',
      '<style>@import url(http://evil.example/x.css)</style>',
      '<text x="1" y="2" font-family="sans-serif">&lt;script&gt;</text>',
      '</svg>',
    ].join('');
    const svg = cleanSvg(hostile, 'chart-9');
    assert.ok(svg);
    const html = toHtml(svg, { space: 'svg' });
    for (const banned of [
      'onload',
      'onclick',
      '<script',
      'foreignObject',
      'href',
      'http:',
      'style',
      '<image',
      '<use',
      '<a',
    ]) {
      assert.ok(!html.includes(banned), `${banned} removed: ${html}`);
    }
    assert.ok(html.includes('id="chart-9-clip1"'), 'ids are prefixed');
    assert.ok(html.includes('clip-path="url(#chart-9-clip1)"'), 'local references follow');
    assert.ok(html.includes('<path d="M0,0L5,5" stroke="#000">'));
    assert.ok(html.includes('&#x3C;script>'), 'text stays text');
  });
});
