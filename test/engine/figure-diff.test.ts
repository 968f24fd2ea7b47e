import assert from 'node:assert/strict';
import { diffFigures, diffSummary } from '../../src/engine/figures/diff.js';
import { diffReportHtml } from '../../src/engine/figures/diff-report.js';
import type { FigureRecord } from '../../src/engine/figures/figure-record.js';

let line = 0;
function record(
  fields: Pick<FigureRecord, 'indicator' | 'kind' | 'text'> & Partial<FigureRecord>,
): FigureRecord {
  line++;
  return {
    period: '2023/24',
    value: null,
    suppressed: false,
    source: { file: 'data.yaml', line },
    place: { file: 'report.md', line, column: 1 },
    ...fields,
  };
}

describe('figure diff', () => {
  it('finds nothing between identical lists, places and sources aside', () => {
    const before = [
      record({ indicator: 'a', kind: 'value', text: '67%', value: 67 }),
      record({ indicator: 'a', kind: 'rag', text: '▲ Green', state: 'green' }),
    ];
    const after = before.map((r) => ({ ...r, place: { ...r.place, line: r.place.line + 40 } }));
    const diff = diffFigures(before, after);
    assert.deepEqual(diff.changes, []);
    assert.equal(diffSummary(diff.counts), 'no figure changed');
  });

  it('makes one row of a figure shown in several places', () => {
    const before = [
      record({ indicator: 'a', kind: 'value', text: '67%', value: 67 }),
      record({ indicator: 'a', kind: 'value', text: '67%', value: 67 }),
    ];
    const after = [
      record({ indicator: 'a', kind: 'value', text: '70%', value: 70 }),
      record({ indicator: 'a', kind: 'value', text: '70%', value: 70 }),
    ];
    const diff = diffFigures(before, after);
    assert.equal(diff.changes.length, 1);
    assert.deepEqual(diff.changes[0], {
      indicator: 'a',
      period: '2023/24',
      kind: 'value',
      change: 'changed',
      callouts: [],
      before: '67%',
      after: '70%',
      beforeSuppressed: false,
      afterSuppressed: false,
    });
  });

  it('calls out RAG, direction and suppression flips and revised benchmarks first', () => {
    const before = [
      record({ indicator: 'x', kind: 'value', text: '10', value: 10 }),
      record({ indicator: 'a', kind: 'rag', text: '▲ Green', state: 'green' }),
      record({ indicator: 'b', kind: 'change', text: '↑ 2 pp, better', state: 'improved' }),
      record({ indicator: 'c', kind: 'value', text: '12', value: 12 }),
      record({ indicator: 'd', kind: 'benchmark', comparator: 'England', text: '64%', value: 64 }),
      record({ indicator: 'gone', kind: 'value', text: '1.5', value: 1.5 }),
    ];
    const after = [
      record({ indicator: 'new', kind: 'value', text: '3.2', value: 3.2 }),
      record({ indicator: 'x', kind: 'value', text: '11', value: 11 }),
      record({ indicator: 'a', kind: 'rag', text: '▼ Red', state: 'red' }),
      record({ indicator: 'b', kind: 'change', text: '↓ 1 pp, worse', state: 'worsened' }),
      record({ indicator: 'c', kind: 'value', text: '[c]', value: null, suppressed: true }),
      record({ indicator: 'd', kind: 'benchmark', comparator: 'England', text: '65%', value: 65 }),
    ];
    const diff = diffFigures(before, after);
    assert.deepEqual(
      diff.changes.map((row) => [row.indicator, row.change, row.callouts.join(',')]),
      [
        ['a', 'changed', 'rag-flip'],
        ['b', 'changed', 'direction-flip'],
        ['c', 'changed', 'suppression-flip'],
        ['d', 'changed', 'benchmark-revised'],
        ['x', 'changed', ''],
        ['new', 'added', ''],
        ['gone', 'removed', ''],
      ],
    );
    const removed = diff.changes.at(-1);
    assert.equal(removed?.before, '1.5');
    assert.equal(removed?.after, null);
    assert.equal(diff.changes[3]?.comparator, 'England');
    assert.equal(
      diffSummary(diff.counts),
      '1 RAG flip, 1 direction flip, 1 suppression flip, 1 revised benchmark, 1 other change, 1 figure added, 1 figure removed',
    );
  });

  it('keeps comparators, categories and periods apart', () => {
    const before = [
      record({ indicator: 'a', kind: 'benchmark', comparator: 'England', text: '64%', value: 64 }),
      record({ indicator: 'a', kind: 'benchmark', comparator: 'London', text: '60%', value: 60 }),
      record({ indicator: 'a', kind: 'value', category: 'Male', text: '5', value: 5 }),
      record({ indicator: 'a', kind: 'value', period: '2022/23', text: '50%', value: 50 }),
    ];
    const after = [
      record({ indicator: 'a', kind: 'benchmark', comparator: 'England', text: '64%', value: 64 }),
      record({ indicator: 'a', kind: 'benchmark', comparator: 'London', text: '61%', value: 61 }),
      record({ indicator: 'a', kind: 'value', category: 'Male', text: '5', value: 5 }),
      record({ indicator: 'a', kind: 'value', category: 'Female', text: '7', value: 7 }),
      record({ indicator: 'a', kind: 'value', period: '2022/23', text: '50%', value: 50 }),
    ];
    const diff = diffFigures(before, after);
    assert.deepEqual(
      diff.changes.map((row) => [row.comparator ?? row.category, row.change]),
      [
        ['London', 'changed'],
        ['Female', 'added'],
      ],
    );
  });

  it('sees a change in one of several places of a figure', () => {
    const before = [
      record({ indicator: 'a', kind: 'rag', text: '▲ Green', state: 'green' }),
      record({ indicator: 'a', kind: 'rag', text: '▲ Green: on target', state: 'green' }),
    ];
    const after = [
      record({ indicator: 'a', kind: 'rag', text: '▲ Green', state: 'green' }),
      record({ indicator: 'a', kind: 'rag', text: '▲ Green: 2 pp above target', state: 'green' }),
    ];
    const [row, ...rest] = diffFigures(before, after).changes;
    assert.deepEqual(rest, []);
    assert.equal(row?.before, '▲ Green / ▲ Green: on target');
    assert.equal(row?.after, '▲ Green / ▲ Green: 2 pp above target');
    assert.deepEqual(row?.callouts, []);
  });

  it('finds no change in a figure shown in one more place, or one fewer, in another wording', () => {
    const scorecard = record({
      indicator: 'a',
      kind: 'benchmark',
      comparator: 'England',
      text: '70',
      value: 70,
    });
    const sentence = record({
      indicator: 'a',
      kind: 'benchmark',
      comparator: 'England',
      text: '70 per 10,000 children',
      value: 70,
    });
    const rated = record({ indicator: 'b', kind: 'rag', text: '○ Not rated' });
    const reasoned = record({
      indicator: 'b',
      kind: 'rag',
      text: '○ Not rated: no better direction is declared',
    });
    assert.deepEqual(
      diffFigures([scorecard, rated], [scorecard, sentence, rated, reasoned]).changes,
      [],
    );
    assert.deepEqual(
      diffFigures([scorecard, sentence, rated, reasoned], [sentence, reasoned]).changes,
      [],
    );
  });

  it('sees the counts beside a value replaced, and not a card that adds them', () => {
    const sentence = record({ indicator: 'a', kind: 'value', text: '26.3%', value: 26.3 });
    const card = { ...sentence, numerator: 21, denominator: 80 };
    const doubled = { ...sentence, numerator: 42, denominator: 160 };
    const [row, ...rest] = diffFigures([card, sentence], [doubled, sentence]).changes;
    assert.deepEqual(rest, []);
    assert.equal(row?.before, '26.3% (21 of 80)');
    assert.equal(row?.after, '26.3% (42 of 160)');
    assert.deepEqual(diffFigures([sentence], [card, sentence]).changes, []);
  });

  it('ignores a suppressed flag that moved under an unchanged printed figure', () => {
    const before = [record({ indicator: 'a', kind: 'rag', text: '○ Not rated' })];
    const after = [record({ indicator: 'a', kind: 'rag', text: '○ Not rated', suppressed: true })];
    assert.deepEqual(diffFigures(before, after).changes, []);
  });

  it('counts a suppressed benchmark as a suppression flip, not a revision', () => {
    const before = [
      record({ indicator: 'a', kind: 'benchmark', comparator: 'England', text: '4', value: 4 }),
    ];
    const after = [
      record({
        indicator: 'a',
        kind: 'benchmark',
        comparator: 'England',
        text: '[c]',
        value: null,
        suppressed: true,
      }),
    ];
    assert.deepEqual(diffFigures(before, after).changes[0]?.callouts, ['suppression-flip']);
  });
});

describe('figure diff report (HTML)', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const before = [
    record({ indicator: hostile, kind: 'rag', text: '▲ Green', state: 'green' }),
    record({ indicator: 'b', kind: 'value', text: `</table><script>alert(1)</script>`, value: 1 }),
  ];
  const after = [
    record({ indicator: hostile, kind: 'rag', text: '▼ Red', state: 'red' }),
    record({ indicator: 'b', kind: 'value', text: '2', value: 2 }),
  ];
  const html = diffReportHtml({
    diff: diffFigures(before, after),
    beforeName: 'old.html',
    afterName: 'new"><b>.html',
  });

  it('is one accessible self-contained page', () => {
    assert.match(html, /^<!doctype html>\n<html lang="en-GB">/);
    assert.match(html, /<meta name="generator" content="Scorecard Markdown /);
    assert.match(html, /Content-Security-Policy" content="default-src &#x27;none&#x27;/);
    assert.match(html, /<h1[^>]*>Figures changed<\/h1>/);
    assert.match(html, /<caption>Figures whose RAG status/);
    assert.match(html, /<th scope="col">Before<\/th>/);
    assert.match(html, /<th scope="row">/);
    assert.doesNotMatch(html, /<script|src="|href="http/i);
  });

  it('puts flips first and says RAG with shape and word', () => {
    assert.ok(html.indexOf('RAG flip: ▲ Green to ▼ Red') > 0);
    assert.ok(
      html.indexOf('RAG, direction and suppression flips') < html.indexOf('Other changed figures'),
    );
    assert.match(html, /<span class="sc-rag sc-rag--red">▼ Red<\/span>/);
    assert.match(html, /<td>RAG status<\/td>/);
  });

  it('escapes everything that came from the figures', () => {
    assert.ok(!html.includes(hostile));
    assert.ok(html.includes('&#x3C;img src=x onerror=alert(1)>'));
    assert.ok(!html.includes('new"><b>'));
  });

  it('says so when nothing changed, and carries the exempt banner for exempt figures', () => {
    const page = diffReportHtml({
      diff: diffFigures(before, before),
      beforeName: 'a',
      afterName: 'b',
      exempt: true,
    });
    assert.match(page, /Every figure is printed the same/);
    assert.match(page, /Exempt information/);
    assert.doesNotMatch(page, /<table/);
  });
});
