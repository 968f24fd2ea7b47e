// Builders for the semantics tests: plain indicators and observations with a fake source place.
import assert from 'node:assert/strict';
import { parsePeriod } from '../../src/engine/periods.js';
import type {
  BenchmarkValue,
  Indicator,
  Observation,
  Period,
  SourcePlace,
  StatSymbol,
  Target,
} from '../../src/engine/types.js';

export const place: SourcePlace = { file: 'data/indicators.yaml', line: 1, column: 1 };

export function period(text: string): Period {
  const p = parsePeriod(text);
  assert.ok(p, `fixture period ${text}`);
  return p;
}

export interface ObsInit {
  readonly value?: number;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly symbol?: StatSymbol;
}

export function obs(periodText: string, init: ObsInit = {}): Observation {
  return { period: period(periodText), source: place, ...init };
}

export function target(periodText: string, value: number, tolerance?: number): Target {
  return {
    period: period(periodText),
    value,
    source: place,
    ...(tolerance !== undefined ? { tolerance } : {}),
  };
}

export function benchmark(comparator: string, periodText: string, value: number): BenchmarkValue {
  return { comparator, period: period(periodText), value, source: place };
}

export function indicator(init: Partial<Indicator> = {}): Indicator {
  return {
    id: 'OP660',
    aliases: [],
    title: 'Assessments within 45 working days',
    unit: 'percent',
    decimals: 0,
    polarity: 'higher',
    tags: [],
    values: [],
    targets: [],
    benchmarks: [],
    source: place,
    ...init,
  };
}
