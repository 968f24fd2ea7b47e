import assert from 'node:assert/strict';
import { cannotBeSuppressed, discloseFigures } from '../../src/engine/disclose/index.js';
import type { ShownFigure } from '../../src/engine/disclose/index.js';
import type { Catalogue, Indicator } from '../../src/engine/types.js';
import { benchmark, indicator, obs } from '../semantics/indicator-fixture.js';

const PERIOD = '2023/24';

function count(id: string, values: Record<string, number | 'c'>, partOf?: string): Indicator {
  return indicator({
    id,
    unit: 'count',
    polarity: 'none',
    ...(partOf !== undefined ? { partOf } : {}),
    values: Object.entries(values).map(([period, value]) =>
      obs(period, value === 'c' ? { symbol: 'c' } : { value }),
    ),
  });
}

function catalogue(...indicators: Indicator[]): Pick<Catalogue, 'indicators' | 'lookup'> {
  return {
    indicators: new Map(indicators.map((i) => [i.id, i])),
    lookup: new Map(indicators.map((i) => [i.id.toUpperCase(), i.id])),
  };
}

let line = 0;
function shown(id: string, period = PERIOD): ShownFigure {
  return { kind: 'observation', indicator: id, period, place: { line: ++line, column: 1 } };
}

function suppressed(
  figures: readonly ShownFigure[],
  cat: Pick<Catalogue, 'indicators' | 'lookup'>,
): string[] {
  const decisions = discloseFigures({ figures, catalogue: cat, threshold: 5 });
  return [...decisions.observations.keys()].map((key) => key.replace('\u0000', ' ')).sort();
}

describe('disclose stage: discloseFigures', () => {
  it('suppresses a small count only where the document shows it', () => {
    const cat = catalogue(count('A', { [PERIOD]: 3, '2022/23': 4 }), count('B', { [PERIOD]: 30 }));
    assert.deepEqual(suppressed([shown('A'), shown('B')], cat), [`A ${PERIOD}`]);
    assert.deepEqual(suppressed([shown('A', '2022/23')], cat), ['A 2022/23']);
    assert.deepEqual(suppressed([shown('B')], cat), []);
  });

  it('disclosure by subtraction: a total and one of two parts give the other away', () => {
    // 40 children and 37 boys shown, girls not shown anywhere: 3 girls by subtraction.
    const cat = catalogue(
      count('ALL', { [PERIOD]: 40 }),
      count('BOYS', { [PERIOD]: 37 }, 'ALL'),
      count('GIRLS', { [PERIOD]: 3 }, 'ALL'),
    );
    assert.deepEqual(suppressed([shown('ALL'), shown('BOYS')], cat), [`BOYS ${PERIOD}`]);
    // The total alone, or a part alone, reveals nothing.
    assert.deepEqual(suppressed([shown('ALL')], cat), []);
    assert.deepEqual(suppressed([shown('BOYS')], cat), []);
  });

  it('suppresses a second part when one is suppressed, wherever the others are shown', () => {
    const cat = catalogue(
      count('MISS', { [PERIOD]: 40 }),
      count('U16', { [PERIOD]: 30 }, 'MISS'),
      count('1617', { [PERIOD]: 4 }, 'MISS'),
      count('18', { [PERIOD]: 6 }, 'MISS'),
    );
    // In three places (a sentence, a card, a scorecard): the same decision.
    assert.deepEqual(suppressed([shown('MISS'), shown('U16'), shown('1617'), shown('18')], cat), [
      `1617 ${PERIOD}`,
      `18 ${PERIOD}`,
    ]);
  });

  it('needs nothing more when two parts are hidden and their sum is not small', () => {
    const cat = catalogue(
      count('T', { [PERIOD]: 60 }),
      count('P1', { [PERIOD]: 3 }, 'T'),
      count('P2', { [PERIOD]: 4 }, 'T'),
      count('P3', { [PERIOD]: 53 }, 'T'),
    );
    // 3 + 4 = 7 is not small: the total and P3 may be shown.
    assert.deepEqual(suppressed([shown('T'), shown('P1'), shown('P2'), shown('P3')], cat), [
      `P1 ${PERIOD}`,
      `P2 ${PERIOD}`,
    ]);
  });

  it('suppresses more while the hidden parts add up to a small number', () => {
    const cat = catalogue(
      count('T', { [PERIOD]: 60 }),
      count('P1', { [PERIOD]: 2 }, 'T'),
      count('P2', { [PERIOD]: 2 }, 'T'),
      count('P3', { [PERIOD]: 56 }, 'T'),
    );
    // 2 + 2 = 4 is small: P3 goes too (then the hidden parts add up to the total).
    assert.deepEqual(suppressed([shown('T'), shown('P1'), shown('P2'), shown('P3')], cat), [
      `P1 ${PERIOD}`,
      `P2 ${PERIOD}`,
      `P3 ${PERIOD}`,
    ]);
  });

  it('suppresses the total when a lone part has no partner', () => {
    const cat = catalogue(count('T', { [PERIOD]: 9 }), count('P', { [PERIOD]: 2 }, 'T'));
    assert.deepEqual(suppressed([shown('T'), shown('P')], cat), [`P ${PERIOD}`, `T ${PERIOD}`]);
  });

  it('takes the non-zero parts of a small total with it, and leaves true zeros', () => {
    const cat = catalogue(
      count('T', { [PERIOD]: 3 }),
      count('P1', { [PERIOD]: 0 }, 'T'),
      count('P2', { [PERIOD]: 3 }, 'T'),
    );
    assert.deepEqual(suppressed([shown('T'), shown('P1'), shown('P2')], cat), [
      `P2 ${PERIOD}`,
      `T ${PERIOD}`,
    ]);
  });

  it('does not let parts add up to a total suppressed at source', () => {
    const cat = catalogue(
      count('T', { [PERIOD]: 'c' }),
      count('P1', { [PERIOD]: 20 }, 'T'),
      count('P2', { [PERIOD]: 30 }, 'T'),
    );
    assert.deepEqual(suppressed([shown('T'), shown('P1'), shown('P2')], cat), [`P1 ${PERIOD}`]);
  });

  it('decides period by period, and only on the periods shown', () => {
    const cat = catalogue(
      count('T', { [PERIOD]: 40, '2022/23': 50 }),
      count('P1', { [PERIOD]: 37, '2022/23': 25 }, 'T'),
      count('P2', { [PERIOD]: 3, '2022/23': 25 }, 'T'),
    );
    // A chart of the total and of P1 over two years: only 2023/24 gives P2 away.
    const chart = [shown('T'), shown('T', '2022/23'), shown('P1'), shown('P1', '2022/23')];
    assert.deepEqual(suppressed(chart, cat), [`P1 ${PERIOD}`]);
  });

  it('works through totals that are parts of other totals', () => {
    const cat = catalogue(
      count('ALL', { [PERIOD]: 100 }),
      count('CLA', { [PERIOD]: 60 }, 'ALL'),
      count('CIN', { [PERIOD]: 40 }, 'ALL'),
      count('CLA-A', { [PERIOD]: 57 }, 'CLA'),
      count('CLA-B', { [PERIOD]: 3 }, 'CLA'),
    );
    const figures = ['ALL', 'CLA', 'CIN', 'CLA-A', 'CLA-B'].map((id) => shown(id));
    const hidden = suppressed(figures, cat);
    // CLA-B is small; CLA-A goes with it. Nothing then gives either back.
    assert.deepEqual(hidden, [`CLA-A ${PERIOD}`, `CLA-B ${PERIOD}`]);
  });

  it('follows a total worked out in one family into the next', () => {
    // 409 in all less 207 in B gives 202 in A; less A's printed parts 100 and 101 gives 1.
    const cat = catalogue(
      count('ALL', { [PERIOD]: 409 }),
      count('A', { [PERIOD]: 202 }, 'ALL'),
      count('B', { [PERIOD]: 207 }, 'ALL'),
      count('A1', { [PERIOD]: 1 }, 'A'),
      count('A2', { [PERIOD]: 100 }, 'A'),
      count('A3', { [PERIOD]: 101 }, 'A'),
    );
    const hidden = suppressed(
      ['ALL', 'B', 'A2', 'A3'].map((id) => shown(id)),
      cat,
    );
    // The smallest printed part of A goes: A1 and A2 are then known only together (101).
    assert.deepEqual(hidden, [`A2 ${PERIOD}`]);
  });

  it('suppresses small counts in benchmarks, and only counts', () => {
    const small = indicator({
      id: 'N',
      unit: 'count',
      benchmarks: [
        benchmark('Statistical neighbours', PERIOD, 4.6),
        benchmark('England', PERIOD, 5.4),
      ],
    });
    const pct = indicator({
      id: 'P',
      unit: 'percent',
      benchmarks: [benchmark('England', PERIOD, 3)],
    });
    const figures: ShownFigure[] = [
      ...['Statistical neighbours', 'England'].map((comparator) => ({
        kind: 'benchmark' as const,
        indicator: 'N',
        comparator,
        period: PERIOD,
        place: { line: 1, column: 1 },
      })),
      {
        kind: 'benchmark',
        indicator: 'P',
        comparator: 'England',
        period: PERIOD,
        place: { line: 2, column: 1 },
      },
    ];
    const decisions = discloseFigures({ figures, catalogue: catalogue(small, pct), threshold: 5 });
    // 4.6 prints as 5 (small), 5.4 as 5 (small); a 3% is not a count.
    assert.equal(decisions.benchmarks.size, 2);
    for (const decided of decisions.benchmarks.values()) {
      assert.equal(decided.benchmark.symbol, 'c');
      assert.equal(decided.benchmark.value, undefined);
    }
  });

  it('decides a scorecard of 20,000 parts of one total', () => {
    const parts = Array.from({ length: 20_000 }, (_, i) =>
      count(`P${i}`, { [PERIOD]: i === 7 ? 2 : 10 + (i % 50) }, 'T'),
    );
    const total = parts.reduce((sum, p) => sum + (p.values[0]?.value ?? 0), 0);
    const cat = catalogue(count('T', { [PERIOD]: total }), ...parts);
    const figures = [shown('T'), ...parts.map((p) => shown(p.id))];
    const hidden = suppressed(figures, cat);
    // The small part and one partner (the smallest other part, 10).
    assert.equal(hidden.length, 2);
    assert.ok(hidden.includes(`P7 ${PERIOD}`));
  });
});

describe('cannotBeSuppressed: what a chart may draw before the decisions', () => {
  const settled = (
    cat: Pick<Catalogue, 'indicators' | 'lookup'>,
    id: string,
    benchmarks: Parameters<typeof cannotBeSuppressed>[3] = [],
  ) => {
    const found = cat.indicators.get(id)!;
    return cannotBeSuppressed({ catalogue: cat, threshold: 5 }, found, found.values, benchmarks);
  };

  it('is true for large counts of an indicator in no family of totals and parts', () => {
    assert.equal(settled(catalogue(count('A', { [PERIOD]: 40, '2022/23': 0 })), 'A'), true);
  });

  it('is false for a small count, a total or a part, and a small count benchmark', () => {
    assert.equal(settled(catalogue(count('A', { [PERIOD]: 4 })), 'A'), false);
    const family = catalogue(count('T', { [PERIOD]: 40 }), count('P', { [PERIOD]: 37 }, 'T'));
    assert.equal(settled(family, 'T'), false);
    assert.equal(settled(family, 'P'), false);
    const large = catalogue(count('A', { [PERIOD]: 40 }));
    assert.equal(settled(large, 'A', [benchmark('England', PERIOD, 3)]), false);
    assert.equal(settled(large, 'A', [benchmark('England', PERIOD, 300)]), true);
  });
});
