/**
 * Chart test data: a care leavers indicator over eight quarters with a suppressed
 * quarter, yearly targets and lagging yearly benchmarks, as councils hold them.
 */
import { parsePeriod, periodsEndingAt } from '../../src/engine/periods.js';
import type {
  BenchmarkValue,
  Indicator,
  Observation,
  Period,
  StatSymbol,
  Target,
} from '../../src/engine/types.js';

const source = { file: 'indicators.yaml', line: 1, column: 1 };

export function period(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new Error(`bad period in a test: ${text}`);
  return p;
}

/** Q1 2022/23 to Q4 2023/24. */
export const QUARTERS: readonly Period[] = periodsEndingAt(period('2023/24 Q4'), 8);

export type Figure = number | StatSymbol | undefined;

export function observations(figures: readonly Figure[]): Observation[] {
  return figures.flatMap((figure, i): Observation[] => {
    const p = QUARTERS[i]!;
    if (figure === undefined) return [];
    return typeof figure === 'number'
      ? [{ period: p, value: figure, source }]
      : [{ period: p, symbol: figure, source }];
  });
}

export function benchmark(comparator: string, when: string, value: number): BenchmarkValue {
  return { comparator, period: period(when), value, source };
}

export function target(when: string, value: number): Target {
  return { period: period(when), value, source };
}

export function careLeavers(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: 'OP148',
    aliases: [],
    title: 'Care leavers in education, employment or training',
    unit: 'percent',
    decimals: 0,
    polarity: 'higher',
    countingUnit: 'care leavers aged 19 to 21',
    tags: [],
    values: observations([52, 55, 'c', 57, 60, 61, 63, 58]),
    targets: [target('2022/23', 60), target('2023/24', 65)],
    benchmarks: [
      benchmark('England', '2022/23', 66),
      benchmark('London', '2022/23', 62),
      benchmark('London', '2023/24', 63.4),
      benchmark('Statistical neighbours', '2023/24', 59),
    ],
    source,
    ...overrides,
  };
}

export const COMPARATORS = ['England', 'London', 'Statistical neighbours'] as const;
