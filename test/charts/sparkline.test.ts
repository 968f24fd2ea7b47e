import assert from 'node:assert/strict';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { sparklineSvg } from '../../src/engine/charts/sparkline.js';
import { periodShortLabel } from '../../src/engine/periods.js';
import { formatAmount } from '../../src/engine/semantics/format.js';
import { QUARTERS, careLeavers } from './fixture.js';

const labels = QUARTERS.map(periodShortLabel);
const format = (value: number): string => formatAmount(careLeavers(), value);

function child(svg: Element, tagName: string): Element[] {
  return svg.children.filter((c): c is Element => c.type === 'element' && c.tagName === tagName);
}

describe('sparklineSvg', () => {
  it('is an image named by a summary of the trend', () => {
    const svg = sparklineSvg([52, 55, 57, 58, 60, 61, 63, 67], { labels, format });
    assert.equal(svg.tagName, 'svg');
    assert.equal(svg.properties['role'], 'img');
    assert.equal(
      svg.properties['ariaLabel'],
      'Trend over 8 quarters, Q1 2022/23 to Q4 2023/24: from 52% to 67%',
    );
  });

  it('draws a line with a marker on the latest figure, highest value at the top', () => {
    const svg = sparklineSvg([10, 20, 30], { width: 100, height: 20 });
    const d = String(child(svg, 'path')[0]!.properties['d']);
    assert.equal(d, 'M4 16L50 10L96 4');
    const marker = child(svg, 'circle').at(-1)!;
    assert.equal(marker.properties['cx'], 96);
    assert.equal(marker.properties['cy'], 4);
  });

  it('breaks the line at a gap and names the periods of figures that are not at the ends', () => {
    const svg = sparklineSvg([undefined, 55, undefined, 57, 60, 61, 63, undefined], {
      labels,
      format,
    });
    const d = String(child(svg, 'path')[0]!.properties['d']);
    assert.equal(d.match(/M/g)?.length, 2);
    assert.equal(
      svg.properties['ariaLabel'],
      'Trend over 8 quarters, Q1 2022/23 to Q4 2023/24: from 55% (Q2 2022/23) to 63% (Q3 2023/24)',
    );
    // The lone figure at Q2 has no neighbour to draw a line to, so it gets a dot.
    assert.equal(child(svg, 'circle').length, 2);
  });

  it('puts no "latest" dot on the quarter before a suppressed latest quarter, and shows its letter there', () => {
    const values = [52, 55, 57, 58, 60, 61, 63, undefined];
    const symbols = [...values.map(() => undefined).slice(0, 7), 'c'];
    const svg = sparklineSvg(values, { labels, format, symbols, width: 100, height: 20 });
    assert.deepEqual(child(svg, 'circle'), [], 'no dot on Q3 passed off as the latest');
    const letter = child(svg, 'text')[0]!;
    assert.equal(letter.properties['x'], 96, 'at the latest period');
    assert.deepEqual(letter.children, [{ type: 'text', value: 'c' }]);
    assert.match(
      String(svg.properties['ariaLabel']),
      /the latest \(Q4 2023\/24\) is not shown \[c\]$/,
    );
    // Without a symbol at the end, the newest figure keeps its dot as before.
    const plain = sparklineSvg(values, { labels, format, width: 100, height: 20 });
    assert.equal(child(plain, 'circle').length, 1);
  });

  it('copes with a flat series, a single figure and none', () => {
    const flat = sparklineSvg([5, 5, 5], { height: 20 });
    assert.match(String(child(flat, 'path')[0]!.properties['d']), /^M4 10L\S+ 10L\S+ 10$/);
    assert.equal(
      sparklineSvg([undefined, 40], { labels: ['2022/23', '2023/24'] }).properties['ariaLabel'],
      'Trend over 2 years, 2022/23 to 2023/24: only one figure, 40 (2023/24)',
    );
    const none = sparklineSvg([undefined, undefined], { periodNoun: 'months' });
    assert.equal(none.properties['ariaLabel'], 'Trend over 2 months: no figures');
    assert.equal(child(none, 'path').length, 0);
    assert.equal(child(none, 'circle').length, 0);
  });

  it('serialises as inline SVG with nothing that could run', () => {
    const html = toHtml(sparklineSvg([1, 2], { labels: ['"><script>alert(1)</script>', 'x'] }));
    assert.ok(html.startsWith('<svg class="sc-sparkline" viewBox="0 0 120 32"'));
    // Read back as a browser would: the label stays one attribute value, no element is made.
    const svg = fromHtml(html, { fragment: true }).children[0] as Element;
    assert.deepEqual(
      svg.children.map((c) => (c.type === 'element' ? c.tagName : c.type)),
      ['path', 'circle'],
    );
    assert.match(String(svg.properties['ariaLabel']), /^Trend over 2 periods, "><script>/);
  });
});
