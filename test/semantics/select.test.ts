import assert from 'node:assert/strict';
import {
  benchmarkFor,
  benchmarksFor,
  latestObservation,
  observationFor,
  previousObservation,
  targetFor,
} from '../../src/engine/semantics/index.js';
import { benchmark, indicator, obs, period, target } from './indicator-fixture.js';

describe('selection', () => {
  const op660 = indicator({
    values: [
      obs('2022/23 Q4', { value: 70 }),
      obs('2023/24 Q2', { symbol: 'c' }),
      obs('2023/24 Q3', { value: 71 }),
      obs('2023/24 Q4', { value: 67 }),
    ],
    targets: [
      target('2023/24', 80, 5),
      target('2023/24 H2', 78),
      target('2023/24 Q4', 75),
      target('2022/23', 70),
    ],
    benchmarks: [
      benchmark('England', '2021/22', 79),
      benchmark('London', '2022/23', 80),
      benchmark('England', '2022/23', 82),
      benchmark('England', '2024/25', 84),
      benchmark('Statistical neighbours', '2024/25', 77),
      benchmark('Statistical neighbours', '2025/26', 76),
    ],
  });

  it('finds the observation of exactly a period', () => {
    assert.equal(observationFor(op660, period('2023/24 Q3'))?.value, 71);
    assert.equal(observationFor(op660, period('2023/24 Q2'))?.symbol, 'c');
    assert.equal(observationFor(op660, period('2023/24 Q1')), undefined);
    assert.equal(observationFor(op660, period('2023/24')), undefined);
  });

  it('lets a later entry for the same period win', () => {
    const twice = indicator({
      values: [obs('2023/24 Q4', { value: 60 }), obs('2023/24 Q4', { value: 67 })],
    });
    assert.equal(observationFor(twice, period('2023/24 Q4'))?.value, 67);
  });

  it('finds the latest observation whatever the order', () => {
    assert.equal(latestObservation(op660)?.period.key, '2023/24 Q4');
    const unsorted = indicator({
      values: [obs('2024-05', { value: 1 }), obs('2023-04', { value: 2 })],
    });
    assert.equal(latestObservation(unsorted)?.period.key, '2024-05');
    assert.equal(latestObservation(indicator()), undefined);
  });

  it('takes the exact target first, then the shortest period containing it', () => {
    assert.equal(targetFor(op660, period('2023/24 Q4'))?.value, 75);
    assert.equal(targetFor(op660, period('2023/24 Q3'))?.value, 78);
    assert.equal(targetFor(op660, period('2023/24 Q1'))?.value, 80);
    assert.equal(targetFor(op660, period('2023-05'))?.value, 80);
    assert.equal(targetFor(op660, period('2023/24'))?.value, 80);
    assert.equal(targetFor(op660, period('2022/23 Q2'))?.value, 70);
    assert.equal(targetFor(op660, period('2024/25 Q1')), undefined);
  });

  it('takes the newest benchmark not after the period, per comparator, in catalogue order', () => {
    const chosen = benchmarksFor(op660, period('2023/24 Q4'), [
      'Statistical neighbours',
      'England',
      'London',
    ]);
    assert.deepEqual(
      chosen.map((b) => [b.comparator, b.period.key]),
      [
        ['Statistical neighbours', '2024/25'],
        ['England', '2022/23'],
        ['London', '2022/23'],
      ],
    );
  });

  it('falls back to the oldest later benchmark when only later ones exist', () => {
    assert.equal(
      benchmarkFor(op660, period('2023/24'), 'Statistical neighbours')?.period.key,
      '2024/25',
    );
    assert.equal(benchmarkFor(op660, period('2020/21'), 'England')?.period.key, '2021/22');
  });

  it('lists comparators missing from the catalogue order after it, as first seen', () => {
    assert.deepEqual(
      benchmarksFor(op660, period('2024/25'), ['London']).map((b) => [b.comparator, b.period.key]),
      [
        ['London', '2022/23'],
        ['England', '2024/25'],
        ['Statistical neighbours', '2024/25'],
      ],
    );
    assert.deepEqual(benchmarksFor(indicator(), period('2024/25'), ['England']), []);
  });

  it('matches a comparator name case-insensitively', () => {
    assert.equal(benchmarkFor(op660, period('2023/24'), ' london ')?.value, 80);
    assert.equal(benchmarkFor(op660, period('2023/24'), 'Wales'), undefined);
  });

  it('finds the previous observation or the one a year earlier', () => {
    assert.equal(previousObservation(op660, period('2023/24 Q4'), 'previous')?.value, 71);
    assert.equal(previousObservation(op660, period('2023/24 Q4'), 'year')?.value, 70);
    assert.equal(previousObservation(op660, period('2023/24 Q3'), 'previous')?.symbol, 'c');
    assert.equal(previousObservation(op660, period('2023/24 Q2'), 'previous'), undefined);
  });

  it('compares a snapshot with the newest earlier snapshot', () => {
    const snapshots = indicator({
      values: [
        obs('2022-03-31', { value: 300 }),
        obs('2023-03-31', { value: 310 }),
        obs('2024-03-31', { value: 320 }),
      ],
    });
    assert.equal(previousObservation(snapshots, period('2024-03-31'), 'previous')?.value, 310);
    assert.equal(previousObservation(snapshots, period('2024-03-31'), 'year')?.value, 310);
    assert.equal(previousObservation(snapshots, period('2022-03-31'), 'previous'), undefined);
  });
});
