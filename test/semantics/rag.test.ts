import assert from 'node:assert/strict';
import { assessRag } from '../../src/engine/semantics/index.js';
import { indicator, target } from './indicator-fixture.js';

describe('assessRag', () => {
  const higher = indicator({ unit: 'percent', polarity: 'higher' });
  const lower = indicator({ unit: 'percent', polarity: 'lower' });

  it('is green when the target is met', () => {
    const rag = assessRag(higher, 80, target('2023/24', 80, 5));
    assert.deepEqual(rag, {
      status: 'green',
      shape: '▲',
      label: 'Green',
      text: '▲ Green: on target (80%)',
      gap: 'on target',
    });
  });

  it('is green with the margin when the target is beaten', () => {
    assert.equal(
      assessRag(higher, 84, target('2023/24', 80))?.text,
      '▲ Green: 4 pp above target (80%)',
    );
    assert.equal(
      assessRag(lower, 10, target('2023/24', 12))?.text,
      '▲ Green: 2 pp below target (12%)',
    );
  });

  it('is amber within the tolerance', () => {
    const rag = assessRag(higher, 75, target('2023/24', 80, 5));
    assert.deepEqual(rag, {
      status: 'amber',
      shape: '●',
      label: 'Amber',
      text: '● Amber: within 5 pp of target',
      gap: '−5 pp',
    });
    assert.equal(assessRag(lower, 14, target('2023/24', 12, 3))?.status, 'amber');
  });

  it('is red beyond the tolerance, and without one', () => {
    const rag = assessRag(higher, 67, target('2023/24', 80, 5));
    assert.deepEqual(rag, {
      status: 'red',
      shape: '▼',
      label: 'Red',
      text: '▼ Red: 13 pp below target',
      gap: '−13 pp',
    });
    assert.equal(assessRag(higher, 79, target('2023/24', 80))?.text, '▼ Red: 1 pp below target');
    assert.equal(assessRag(higher, 79, target('2023/24', 80, 0))?.status, 'red');
    assert.equal(assessRag(lower, 20, target('2023/24', 12, 3))?.text, '▼ Red: 8 pp above target');
  });

  it('gives the signed gap to the target, and the distance from a band, in a few characters', () => {
    assert.equal(assessRag(higher, 84, target('2023/24', 80))?.gap, '+4 pp');
    // Lower is better: 10 against 12 is green, and the gap still reads value less target.
    assert.equal(assessRag(lower, 10, target('2023/24', 12))?.gap, '−2 pp');
    const band = indicator({ polarity: 'band', band: [16, 23] });
    assert.equal(assessRag(band, 20, undefined)?.gap, 'in band');
    assert.equal(assessRag(band, 25, undefined)?.gap, '2 pp above band');
    assert.equal(assessRag(band, 14, undefined)?.gap, '2 pp below band');
    // Judged on the printed figure, like the words.
    assert.equal(assessRag(higher, 79.6, target('2023/24', 80))?.gap, 'on target');
  });

  it('judges the figures as printed', () => {
    // 79.6% prints as 80%: the reader must not see "80% ... below target (80%)".
    assert.equal(assessRag(higher, 79.6, target('2023/24', 80))?.text, '▲ Green: on target (80%)');
    assert.equal(assessRag(higher, 79.4, target('2023/24', 80))?.status, 'red');
    // 74.5 prints as 75: within a tolerance of 5.
    assert.equal(assessRag(higher, 74.5, target('2023/24', 80, 5))?.status, 'amber');
    const oneDp = indicator({ unit: 'rate_per_10000', decimals: 1, polarity: 'lower' });
    assert.equal(
      assessRag(oneDp, 52.34, target('2023/24', 50.1))?.text,
      '▼ Red: 2.2 per 10,000 above target',
    );
  });

  it('speaks in the unit of the indicator', () => {
    const days = indicator({ unit: 'days', polarity: 'lower' });
    assert.equal(
      assessRag(days, 30, target('2023/24', 25, 10))?.text,
      '● Amber: within 10 days of target',
    );
    const count = indicator({ unit: 'count', polarity: 'higher' });
    assert.equal(assessRag(count, 1190, target('2023/24', 1204))?.text, '▼ Red: 14 below target');
  });

  it('uses the band for band polarity, even when a target exists', () => {
    const band = indicator({ unit: 'percent', polarity: 'band', band: [10, 15] });
    assert.equal(
      assessRag(band, 12, undefined)?.text,
      '▲ Green: within the target band (10% to 15%)',
    );
    assert.equal(assessRag(band, 10, target('2023/24', 30))?.status, 'green');
    assert.equal(assessRag(band, 15, undefined)?.status, 'green');
    assert.equal(
      assessRag(band, 17, target('2023/24', 12, 2))?.text,
      '● Amber: within 2 pp of the target band (10% to 15%)',
    );
    assert.equal(assessRag(band, 8, target('2023/24', 12, 2))?.status, 'amber');
    assert.equal(
      assessRag(band, 18, target('2023/24', 12, 2))?.text,
      '▼ Red: 3 pp above the target band (10% to 15%)',
    );
    assert.equal(
      assessRag(band, 7, undefined)?.text,
      '▼ Red: 3 pp below the target band (10% to 15%)',
    );
    assert.equal(assessRag(band, 15.4, undefined)?.status, 'green');
  });

  it('gives no RAG for polarity none, a band indicator without a band, or no target', () => {
    assert.equal(assessRag(indicator({ polarity: 'none' }), 50, target('2023/24', 40)), undefined);
    assert.equal(assessRag(indicator({ polarity: 'band' }), 50, target('2023/24', 40)), undefined);
    assert.equal(assessRag(higher, 50, undefined), undefined);
  });
});
