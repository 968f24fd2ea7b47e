import assert from 'node:assert/strict';
import { parsePeriod } from '../../src/engine/periods.js';
import { ordinal, quantile7, quartileBand, rankAmong } from '../../src/engine/semantics/rank.js';
import type { Indicator, PeerFigure } from '../../src/engine/types.js';

const place = { file: 'x.csv', line: 2, column: 1 };
const figure = (code: string, regionCode: string, value?: number): PeerFigure => ({
  code,
  name: `LA ${code}`,
  regionCode,
  ...(value === undefined ? { symbol: 'c' as const } : { value }),
  source: place,
});
const year = parsePeriod('2024/25')!;
const ranked = (polarity: Indicator['polarity'], neighbours?: string[]): Indicator => ({
  id: 'R',
  aliases: [],
  title: 'R',
  unit: 'percent',
  decimals: 0,
  polarity,
  tags: [],
  values: [],
  targets: [],
  benchmarks: [],
  source: place,
  peers: {
    code: '1',
    name: 'LA 1',
    regionCode: 'E12000007',
    regionName: 'London',
    ...(neighbours ? { neighbours } : {}),
    byPeriod: new Map([
      [
        year.key,
        [
          figure('1', 'E12000007', 20),
          figure('2', 'E12000007', 20),
          figure('3', 'E12000007', 10),
          figure('4', 'E12000001', 30),
          figure('5', 'E12000001'),
        ],
      ],
    ]),
  },
});

/** The LAIT rule documented in src/engine/semantics/rank.ts, on small hand-checked groups. */
describe('rank rule: quartiles as LAIT cuts them', () => {
  it('interpolates percentiles as R quantile() type 7 does', () => {
    // R: quantile(c(1, 2, 3, 4, 5)) -> 1 2 3 4 5; quantile(c(1, 2, 3, 4)) -> 1 1.75 2.5 3.25 4
    assert.deepEqual(
      [0, 0.25, 0.5, 0.75, 1].map((p) => quantile7([1, 2, 3, 4, 5], p)),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(
      [0, 0.25, 0.5, 0.75, 1].map((p) => quantile7([1, 2, 3, 4], p)),
      [1, 1.75, 2.5, 3.25, 4],
    );
  });

  it('bands lower-is-better figures: A up to and including the 25th percentile', () => {
    const group = [10, 20, 30, 40, 50];
    assert.deepEqual(
      group.map((v) => quartileBand(v, group, 'lower')),
      ['A', 'A', 'B', 'C', 'D'],
    );
  });

  it('bands higher-is-better figures: A above the 75th percentile', () => {
    const group = [10, 20, 30, 40, 50];
    assert.deepEqual(
      group.map((v) => quartileBand(v, group, 'higher')),
      ['D', 'D', 'C', 'B', 'A'],
    );
  });

  it('keeps tied figures in one band, whatever the group size', () => {
    const group = [5, 7, 7, 7, 9, 11, 12];
    const bands = group.map((v) => quartileBand(v, group, 'higher'));
    assert.equal(new Set(bands.slice(1, 4)).size, 1);
  });

  it('writes ordinals', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 59, 101, 111, 153].map(ordinal), [
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '59th',
      '101st',
      '111th',
      '153rd',
    ]);
  });

  it('ranks best first by polarity, ties sharing the best rank, symbols left out', () => {
    const higher = rankAmong(ranked('higher'), year, 'England');
    assert.ok(higher.ok);
    assert.deepEqual([higher.rank, higher.tied, higher.of], [2, true, 4]);
    const lower = rankAmong(ranked('lower'), year, 'england');
    assert.ok(lower.ok);
    assert.deepEqual([lower.rank, lower.tied, lower.of], [2, true, 4]);
    const london = rankAmong(ranked('higher'), year, 'London');
    assert.ok(london.ok);
    assert.deepEqual([london.rank, london.of, london.group.words], [1, 3, 'London authorities']);
    const neighbours = rankAmong(ranked('lower', ['3', '4']), year, 'Statistical neighbours');
    assert.ok(neighbours.ok);
    assert.deepEqual([neighbours.rank, neighbours.tied, neighbours.of], [2, false, 3]);
  });

  it('gives no rank for polarity band or none, or statistical neighbours without a neighbours file', () => {
    for (const polarity of ['band', 'none'] as const) {
      const result = rankAmong(ranked(polarity), year, 'England');
      assert.ok(!result.ok && result.reason.includes(`polarity is ${polarity}`));
    }
    const result = rankAmong(ranked('higher'), year, 'Statistical neighbours');
    assert.ok(!result.ok && /no neighbours file/.test(result.reason));
    assert.ok(!rankAmong(ranked('higher'), parsePeriod('2020/21')!, 'England').ok);
  });
});
