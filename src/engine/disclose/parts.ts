/**
 * Complementary (secondary) suppression for totals and their parts (`part_of`), across
 * the whole document and period by period. A reader who sees a total and all but one of
 * its parts, wherever each is printed, works the last one out by subtraction; parts
 * printed add up to a total that is not; a total worked out in one table is the start of
 * a subtraction in another. So, for each family of totals and parts and each period, the
 * figures a reader can work out from the published ones are followed to the end, and
 * while one of them is a small number, a figure suppressed on purpose, or a small sum of
 * the parts left unknown, one more published figure of that family is suppressed (the
 * smallest non-zero part, else the total). A small total takes its non-zero parts with it.
 * Families are checked one at a time, so the work grows with the figures shown.
 */
import { unrecorded } from '../catalogue-reads.js';
import { countCategoryIndicators, indicatorLabel } from '../breakdown-categories.js';
import { isSmallPrinted, suppressedObservation } from '../semantics/disclosure.js';
import { roundHalfUp } from '../semantics/round.js';
import type { Catalogue } from '../types.js';
import type { ObservationIndex } from './decide.js';
import type { ObservationSuppression } from './figures.js';
import { observationKey } from './figures.js';

export interface ComplementaryInput {
  readonly index: ObservationIndex;
  /** Keys of every observation the document shows. */
  readonly shown: ReadonlySet<string>;
  /** Primary suppressions in; complementary ones are added. */
  readonly suppressed: Map<string, ObservationSuppression>;
  readonly threshold: number;
}

interface Relations {
  /** Total id -> the ids of its parts, in catalogue order. */
  readonly partsOf: ReadonlyMap<string, readonly string[]>;
  /** Part id -> its total's id. */
  readonly totalOf: ReadonlyMap<string, string>;
}

const relationsCache = new WeakMap<Catalogue['indicators'], Relations>();

function relations(catalogue: Pick<Catalogue, 'indicators' | 'lookup'>): Relations {
  // Families are the whole catalogue's; reading them decides when a chart is drawn, not
  // what any block prints, so a block's recorded reads leave them out.
  const indicators = unrecorded(catalogue.indicators);
  const known = relationsCache.get(indicators);
  if (known) return known;
  const partsOf = new Map<string, string[]>();
  const totalOf = new Map<string, string>();
  // A count breakdown's categories are parts of its total too.
  const all = [...indicators.values(), ...countCategoryIndicators({ indicators })];
  for (const indicator of all) {
    if (indicator.partOf === undefined) continue;
    const total = catalogue.lookup.get(indicator.partOf.trim().toUpperCase());
    if (total === undefined || total === indicator.id) continue;
    totalOf.set(indicator.id, total);
    const parts = partsOf.get(total);
    if (parts) parts.push(indicator.id);
    else partsOf.set(total, [indicator.id]);
  }
  const result = { partsOf, totalOf };
  relationsCache.set(indicators, result);
  return result;
}

/** True when the indicator is a total or a part (`part_of`, or a count's category). */
export function inPartsFamily(
  catalogue: Pick<Catalogue, 'indicators' | 'lookup'>,
  id: string,
): boolean {
  const { partsOf, totalOf } = relations(catalogue);
  return partsOf.has(id) || totalOf.has(id);
}

/** A figure a reader knows: printed, or worked out in the family of `via` (a total). */
interface Known {
  readonly value: number;
  readonly via?: string;
}

export function complementarySuppression(input: ComplementaryInput): void {
  const { index, shown, suppressed, threshold } = input;
  const { partsOf, totalOf } = relations(index.catalogue);
  if (partsOf.size === 0) return;
  // Printed values, worked out once: families are checked again after each suppression.
  const printedValues = new Map<string, number | undefined>();

  // The families the document touches: each by its top total and period.
  const families = new Map<string, readonly [string, string]>();
  for (const key of shown) {
    const cut = key.indexOf('\u0000');
    const period = key.slice(cut + 1);
    const top = topOf(key.slice(0, cut));
    if (top === undefined) continue;
    families.set(observationKey(top, period), [top, period]);
  }
  for (const [top, period] of families.values()) checkFamily(top, period);

  /** The top total above `id`, or undefined when it is no total's part and has no parts. */
  function topOf(id: string): string | undefined {
    if (!partsOf.has(id) && !totalOf.has(id)) return undefined;
    const seen = new Set<string>([id]);
    let top = id;
    for (let up = totalOf.get(top); up !== undefined && !seen.has(up); up = totalOf.get(up)) {
      seen.add(up);
      top = up;
    }
    return top;
  }

  function printed(id: string, period: string): number | undefined {
    const key = observationKey(id, period);
    if (printedValues.has(key)) return printedValues.get(key);
    const observation = index.observation(id, period);
    const indicator = index.indicator(id);
    const value =
      !observation || !indicator || observation.value === undefined
        ? undefined
        : observation.symbol !== undefined && observation.symbol !== 'u'
          ? undefined
          : roundHalfUp(observation.value, indicator.decimals);
    printedValues.set(key, value);
    return value;
  }

  function published(id: string, period: string): boolean {
    const key = observationKey(id, period);
    return shown.has(key) && !suppressed.has(key) && printed(id, period) !== undefined;
  }

  /** Suppressed by us or at source: a figure no sum may give back. */
  function hiddenOnPurpose(id: string, period: string): boolean {
    return (
      suppressed.has(observationKey(id, period)) || index.observation(id, period)?.symbol === 'c'
    );
  }

  function isSmall(value: number, id: string): boolean {
    const decimals = index.indicator(id)?.decimals ?? 0;
    return isSmallPrinted(roundHalfUp(value, decimals), decimals, threshold);
  }

  function suppress(id: string, period: string, reason: string): void {
    const key = observationKey(id, period);
    const observation = index.observation(id, period);
    if (suppressed.has(key) || !observation) return;
    suppressed.set(key, {
      observation: suppressedObservation(observation),
      reasons: [reason],
      complementary: true,
    });
  }

  function checkFamily(top: string, period: string): void {
    // Every total of the family, top first.
    const totals: string[] = [];
    const seen = new Set<string>();
    for (const stack = [top]; stack.length > 0;) {
      const id = stack.pop()!;
      const parts = partsOf.get(id);
      if (seen.has(id) || !parts) continue;
      seen.add(id);
      totals.push(id);
      for (const part of parts) if (partsOf.has(part)) stack.push(part);
    }
    for (const total of totals) {
      const value = index.observation(total, period)?.value;
      const indicator = index.indicator(total);
      if (!suppressed.has(observationKey(total, period)) || value === undefined || !indicator) {
        continue;
      }
      if (!isSmallPrinted(value, indicator.decimals, threshold)) continue;
      for (const part of partsOf.get(total) ?? []) {
        if (published(part, period) && printed(part, period) !== 0) {
          suppress(part, period, `it is a part of ${total}, which is a small number`);
        }
      }
    }
    // Each round suppresses one more published figure, so this ends.
    for (;;) {
      const known = workOut(totals, period);
      const leak = findLeak(totals, period, known);
      if (!leak) return;
      const victim = complement(leak.family, leak.figure, period, known);
      if (victim === undefined) return;
      suppress(victim, period, leak.reason);
    }
  }

  /** Everything a reader can work out in the family from its published figures. */
  function workOut(totals: readonly string[], period: string): Map<string, Known> {
    const known = new Map<string, Known>();
    for (const total of totals) {
      for (const id of [total, ...(partsOf.get(total) ?? [])]) {
        if (!known.has(id) && published(id, period)) {
          known.set(id, { value: printed(id, period) ?? 0 });
        }
      }
    }
    for (let changed = true; changed;) {
      changed = false;
      for (const total of totals) {
        const parts = partsOf.get(total) ?? [];
        const unknown = parts.filter((part) => !known.has(part));
        let sum = 0;
        for (const part of parts) sum += known.get(part)?.value ?? 0;
        const whole = known.get(total);
        if (whole && unknown.length === 1) {
          known.set(unknown[0]!, { value: whole.value - sum, via: total });
          changed = true;
        } else if (!whole && unknown.length === 0) {
          known.set(total, { value: sum, via: total });
          changed = true;
        }
      }
    }
    return known;
  }

  function findLeak(
    totals: readonly string[],
    period: string,
    known: ReadonlyMap<string, Known>,
  ): { family: string; figure: string | undefined; reason: string } | undefined {
    for (const [id, { value, via }] of known) {
      if (via === undefined) continue;
      if (isSmall(value, id) || hiddenOnPurpose(id, period)) {
        return {
          family: via,
          figure: id,
          reason: `otherwise ${indicatorLabel(id)} (a small number or a suppressed figure) could be worked out from ${indicatorLabel(via)} and its parts shown in this report`,
        };
      }
    }
    for (const total of totals) {
      const whole = known.get(total);
      if (!whole) continue;
      const parts = partsOf.get(total) ?? [];
      let rest = whole.value;
      for (const part of parts) rest -= known.get(part)?.value ?? 0;
      if (parts.some((part) => !known.has(part)) && isSmall(rest, total)) {
        return {
          family: total,
          figure: undefined,
          reason: `otherwise the parts of ${indicatorLabel(total)} not shown could be worked out from the figures shown in this report, and they add up to a small number`,
        };
      }
    }
    return undefined;
  }

  /**
   * The published figure to suppress for a leak in the family of `total`: its smallest
   * non-zero published part, else the total; where the family's known figures were all
   * worked out, the family each was worked out in.
   */
  function complement(
    total: string,
    figure: string | undefined,
    period: string,
    known: ReadonlyMap<string, Known>,
  ): string | undefined {
    const visited = new Set<string>();
    for (let family: string | undefined = total; family !== undefined;) {
      if (visited.has(family)) return undefined;
      visited.add(family);
      const members: string[] = [...(partsOf.get(family) ?? []), family].filter(
        (id) => id !== figure,
      );
      let best: string | undefined;
      let bestValue = 0;
      for (const id of members) {
        if (id === family || !published(id, period)) continue;
        const value = printed(id, period) ?? 0;
        if (best === undefined || (value !== 0 && (bestValue === 0 || value < bestValue))) {
          best = id;
          bestValue = value;
        }
      }
      if (best !== undefined) return best;
      if (figure !== family && published(family, period)) return family;
      // Nothing here is printed: the figures used were worked out elsewhere.
      const derived: string | undefined = members.find((id: string) => {
        const via = known.get(id)?.via;
        return via !== undefined && via !== family;
      });
      family = derived === undefined ? undefined : known.get(derived)?.via;
      figure = derived;
    }
    return undefined;
  }
}
