import path from 'node:path';
import { createMessage, RULES } from '../messages.js';
import { comparePeriods } from '../periods.js';
import type {
  BenchmarkValue,
  Catalogue,
  Indicator,
  Message,
  Observation,
  PeerFigures,
  SourcePlace,
  Target,
  Unit,
} from '../types.js';
import type { CsvContent, DataFileContent, IndicatorDraft, RowFor } from './drafts.js';
import { didYouMean, nearest } from '../nearest.js';

export interface EesContribution {
  readonly indicatorId: string;
  readonly values: readonly Observation[];
  readonly benchmarks: readonly BenchmarkValue[];
  readonly peers?: PeerFigures;
}

export interface CatalogueInput {
  readonly structured: readonly DataFileContent[];
  readonly csv: readonly CsvContent[];
  readonly ees: readonly EesContribution[];
  /** Used when no data file sets `small_number_threshold`. */
  readonly smallNumberThreshold: number;
  readonly files: readonly string[];
  /**
   * Indicators built before, by draft: a draft (never changed once made) with the same
   * rows from CSV and EES gives back the same indicator object and messages, so what is
   * remembered per indicator object downstream (facts, digests) still holds. Keep one
   * per engine (the data cache's).
   */
  readonly memo?: WeakMap<IndicatorDraft, BuiltIndicator>;
}

/** One indicator as built from its draft and the rows merged into it. */
export interface BuiltIndicator {
  readonly values: readonly Observation[];
  readonly targets: readonly Target[];
  readonly benchmarks: readonly BenchmarkValue[];
  readonly peers: PeerFigures | undefined;
  readonly indicator: Indicator;
  readonly messages: readonly Message[];
}

interface Accumulator {
  readonly draft: IndicatorDraft;
  readonly values: Observation[];
  readonly targets: Target[];
  readonly benchmarks: BenchmarkValue[];
  peers?: PeerFigures;
}

/** How much a value may differ from numerator / denominator before it is questioned. */
const SCALE: Readonly<Record<Unit, number>> = {
  percent: 100,
  rate_per_10000: 10000,
  count: 1,
  days: 1,
  number: 1,
  currency: 1,
};

/**
 * Merges every file's contribution into one catalogue: indicators from YAML/JSON, rows
 * from CSV (matched by id or alias, case-insensitively) and EES series. The first
 * definition of anything wins; later ones are reported where they are written.
 */
export function buildCatalogue(input: CatalogueInput): {
  catalogue: Catalogue;
  messages: Message[];
} {
  const messages: Message[] = [];
  const byId = new Map<string, Accumulator>();
  const lookup = new Map<string, string>();

  for (const draft of input.structured.flatMap((file) => file.indicators)) {
    const key = draft.id.toUpperCase();
    const clash = lookup.get(key);
    if (clash !== undefined) {
      const first = byId.get(clash)?.draft.source;
      messages.push(
        createMessage(
          RULES.dataInvalid,
          `Duplicate indicator id ${draft.id}${first ? ` (already defined at ${where(first)})` : ''}`,
          draft.source,
        ),
      );
      continue;
    }
    byId.set(draft.id, {
      draft,
      values: [...draft.values],
      targets: [...draft.targets],
      benchmarks: [...draft.benchmarks],
    });
    lookup.set(key, draft.id);
  }
  for (const { draft } of byId.values()) {
    for (const alias of draft.aliases) {
      const key = alias.toUpperCase();
      const owner = lookup.get(key);
      if (owner === undefined) lookup.set(key, draft.id);
      else if (owner !== draft.id)
        messages.push(
          createMessage(
            RULES.dataInvalid,
            `Alias ${alias} of ${draft.id} is already the id or alias of ${owner}`,
            draft.source,
          ),
        );
    }
  }

  // Worked out only for a row that names no indicator (most builds have none).
  let candidates: string[] | undefined;
  const candidatesOnce = (): string[] =>
    (candidates ??= [...lookup.keys()].map(
      (key) => byId.get(key)?.draft.id ?? aliasSpelling(key, byId),
    ));
  const target = (row: RowFor<unknown>): Accumulator | undefined => {
    const id = lookup.get(row.indicator.toUpperCase());
    const found = id === undefined ? undefined : byId.get(id);
    if (!found) {
      const suggestions = nearest(row.indicator, candidatesOnce());
      messages.push(
        createMessage(
          RULES.unknownIndicator,
          `Unknown indicator ${row.indicator}${didYouMean(suggestions)}`,
          row.indicatorPlace,
          { suggestions },
        ),
      );
    }
    return found;
  };
  for (const csv of input.csv) {
    for (const row of csv.values) target(row)?.values.push(row.item);
    for (const row of csv.targets) target(row)?.targets.push(row.item);
    for (const row of csv.benchmarks) target(row)?.benchmarks.push(row.item);
  }
  for (const series of input.ees) {
    const found = byId.get(series.indicatorId);
    found?.values.push(...series.values);
    found?.benchmarks.push(...series.benchmarks);
    if (found && series.peers) found.peers = series.peers;
  }

  const indicators = new Map<string, Indicator>();
  for (const acc of byId.values()) {
    const known = input.memo?.get(acc.draft);
    const built =
      known &&
      known.peers === acc.peers &&
      sameItems(known.values, acc.values) &&
      sameItems(known.targets, acc.targets) &&
      sameItems(known.benchmarks, acc.benchmarks)
        ? known
        : buildIndicator(acc);
    if (built !== known) input.memo?.set(acc.draft, built);
    for (const message of built.messages) messages.push(message);
    indicators.set(acc.draft.id, built.indicator);
  }

  const threshold = strictestThreshold(input, messages);
  return {
    catalogue: {
      indicators,
      lookup,
      comparators: comparatorOrder(input.structured, indicators),
      smallNumberThreshold: threshold,
      files: [...new Set(input.files)],
    },
    messages,
  };
}

/** An indicator from its draft and the rows merged into it, with what was wrong with them. */
function buildIndicator(acc: Accumulator): BuiltIndicator {
  const messages: Message[] = [];
  const split = splitBreakdown(acc.draft, acc.values, messages);
  const values = firstOfEach(
    split.values,
    (v) => v.period.key,
    `value for`,
    acc.draft.id,
    messages,
  );
  const targets = firstOfEach(
    acc.targets,
    (t) => t.period.key,
    `target for`,
    acc.draft.id,
    messages,
  );
  const benchmarks = firstOfEach(
    acc.benchmarks,
    (b) => `${b.comparator.toUpperCase()}|${b.period.key}`,
    `benchmark for`,
    acc.draft.id,
    messages,
  );
  for (const observation of values) {
    const mismatch = numeratorMismatch(acc.draft, observation);
    if (mismatch) messages.push(mismatch);
  }
  const indicator: Indicator = {
    ...describe(acc.draft),
    values: values.sort((a, b) => comparePeriods(a.period, b.period)),
    targets: targets.sort((a, b) => comparePeriods(a.period, b.period)),
    benchmarks: benchmarks.sort(
      (a, b) => comparePeriods(a.period, b.period) || a.comparator.localeCompare(b.comparator),
    ),
    ...(acc.peers ? { peers: acc.peers } : {}),
    ...(split.breakdown ?? {}),
  };
  return {
    values: acc.values,
    targets: acc.targets,
    benchmarks: acc.benchmarks,
    peers: acc.peers,
    indicator,
    messages,
  };
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * A breakdown indicator's category rows apart from its total (rows without a category):
 * one value per category and period, categories in the order first written.
 */
function splitBreakdown(
  draft: IndicatorDraft,
  all: readonly Observation[],
  messages: Message[],
): {
  values: Observation[];
  breakdown?: Pick<Indicator, 'breakdown' | 'categories' | 'breakdownValues'>;
} {
  const values = all.filter((v) => v.category === undefined);
  const rows = all.filter((v) => v.category !== undefined);
  if (draft.breakdown === undefined && rows.length === 0) return { values };
  const first = rows[0];
  if (draft.breakdown === undefined && first)
    messages.push(
      createMessage(
        RULES.dataInvalid,
        `${draft.id}: values name a category (${first.category ?? ''}) but the indicator has no breakdown: (the name of the dimension, e.g. breakdown: category of need)`,
        first.source,
      ),
    );
  const spelling = new Map<string, string>();
  for (const row of rows) {
    const key = (row.category ?? '').toLowerCase();
    if (!spelling.has(key)) spelling.set(key, row.category ?? '');
  }
  const unified = rows.map((row) => ({
    ...row,
    category: spelling.get((row.category ?? '').toLowerCase()) ?? '',
  }));
  const kept = firstOfEach(
    unified,
    (v) => `${v.category.toLowerCase()}|${v.period.key}`,
    'value for',
    draft.id,
    messages,
  );
  return {
    values,
    breakdown: {
      breakdown: draft.breakdown ?? 'category',
      categories: [...spelling.values()],
      breakdownValues: kept.sort((a, b) => comparePeriods(a.period, b.period)),
    },
  };
}

/**
 * Disclosure fails closed: the strictest (largest) threshold any data file sets applies,
 * and a file whose looser threshold is overridden is told so where it sets it. A value
 * below 1 (which would suppress nothing) is refused by the schema and ignored here.
 */
function strictestThreshold(input: CatalogueInput, messages: Message[]): number {
  const set = input.structured.flatMap((file) => {
    const written = file.smallNumberThreshold;
    if (written === undefined || !(written >= 1)) return [];
    // An invalid fraction never loosens: the whole number above it, or the default.
    const value = Number.isInteger(written)
      ? written
      : Math.max(Math.ceil(written), input.smallNumberThreshold);
    return [{ file, value }];
  });
  if (set.length === 0) return input.smallNumberThreshold;
  const strictest = set.reduce((a, b) => (b.value > a.value ? b : a));
  for (const { file, value } of set) {
    if (value >= strictest.value || !file.smallNumberThresholdPlace) continue;
    messages.push(
      createMessage(
        RULES.smallNumber,
        `small_number_threshold ${value} does not apply: ${path.basename(strictest.file.file)} sets ${strictest.value}, and the strictest threshold across the data files applies`,
        file.smallNumberThresholdPlace,
        { severity: 'warning' },
      ),
    );
  }
  return strictest.value;
}

/** The indicator's own fields, without the EES request that only loading needs. */
function describe(draft: IndicatorDraft): Omit<Indicator, 'values' | 'targets' | 'benchmarks'> {
  return {
    id: draft.id,
    aliases: draft.aliases,
    title: draft.title,
    ...(draft.definition !== undefined ? { definition: draft.definition } : {}),
    unit: draft.unit,
    decimals: draft.decimals,
    ...(draft.currency !== undefined ? { currency: draft.currency } : {}),
    polarity: draft.polarity,
    ...(draft.band ? { band: draft.band } : {}),
    ...(draft.countingUnit !== undefined ? { countingUnit: draft.countingUnit } : {}),
    ...(draft.partOf !== undefined ? { partOf: draft.partOf } : {}),
    tags: draft.tags,
    source: draft.source,
  };
}

function aliasSpelling(key: string, byId: ReadonlyMap<string, Accumulator>): string {
  for (const { draft } of byId.values()) {
    const alias = draft.aliases.find((a) => a.toUpperCase() === key);
    if (alias !== undefined) return alias;
  }
  return key;
}

/** Keeps the first item per key, reporting the others where they were written. */
function firstOfEach<
  T extends { readonly period: { readonly key: string }; readonly source: SourcePlace },
>(
  items: readonly T[],
  keyOf: (item: T) => string,
  what: string,
  id: string,
  messages: Message[],
): T[] {
  const kept = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const first = kept.get(key);
    if (first) {
      const label = 'comparator' in item ? `${String(item.comparator)} ` : '';
      messages.push(
        createMessage(
          RULES.dataInvalid,
          `Second ${what} ${id} ${label}${item.period.key} (the first, at ${where(first.source)}, is used)`,
          item.source,
        ),
      );
    } else kept.set(key, item);
  }
  return [...kept.values()];
}

/**
 * A value that disagrees with its own numerator and denominator beyond rounding at the
 * indicator's decimals is a typo in one of the three; say which figures disagree.
 */
export function numeratorMismatch(
  indicator: IndicatorDraft,
  observation: Observation,
): Message | undefined {
  const { value, numerator, denominator } = observation;
  if (
    value === undefined ||
    numerator === undefined ||
    denominator === undefined ||
    denominator === 0
  )
    return undefined;
  const expected = (numerator / denominator) * SCALE[indicator.unit];
  const halfStep = 0.5 * 10 ** -indicator.decimals;
  if (Math.abs(expected - value) <= halfStep + 1e-9) return undefined;
  const shown = expected.toFixed(Math.max(indicator.decimals, 1));
  return createMessage(
    RULES.numeratorMismatch,
    `${indicator.id} ${observation.period.key}: value ${value} differs from ${numerator} / ${denominator}${
      SCALE[indicator.unit] === 1 ? '' : ` x ${SCALE[indicator.unit].toLocaleString('en-GB')}`
    } = ${shown}`,
    observation.source,
  );
}

/** Declared order first (across files), then the order comparators are first seen. */
function comparatorOrder(
  files: readonly DataFileContent[],
  indicators: ReadonlyMap<string, Indicator>,
): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const add = (name: string): void => {
    const key = name.toUpperCase();
    if (seen.has(key)) return;
    seen.add(key);
    order.push(name);
  };
  for (const file of files) file.comparators.forEach(add);
  for (const indicator of indicators.values())
    for (const b of indicator.benchmarks) add(b.comparator);
  return order;
}

function where(place: SourcePlace): string {
  return `${path.basename(place.file)}:${place.line}`;
}
