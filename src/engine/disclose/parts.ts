/**
 * Complementary (secondary) suppression for totals and their parts (`part_of`), across
 * the whole document and period by period. A reader who sees a total and all but one of
 * its parts, wherever each is printed, works the last one out by subtraction; the same
 * holds for a part the document never shows. So for every total and period:
 * - a total that is itself small takes its non-zero parts with it;
 * - a published total whose unpublished parts add up to a small number, or whose single
 *   unpublished part was hidden on purpose, loses its smallest published part too (or,
 *   with none left, is suppressed itself);
 * - a total hidden on purpose loses a part when every part is published (their sum).
 * Each new suppression re-checks the groups it belongs to, until nothing changes; the
 * work grows with the number of figures shown, not with its square.
 */
import { isSmallPrinted, suppressedObservation } from '../semantics/disclosure.js';
import { roundHalfUp } from '../semantics/round.js';
import type { Catalogue, Indicator } from '../types.js';
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
  const known = relationsCache.get(catalogue.indicators);
  if (known) return known;
  const partsOf = new Map<string, string[]>();
  const totalOf = new Map<string, string>();
  for (const indicator of catalogue.indicators.values()) {
    if (indicator.partOf === undefined) continue;
    const total = catalogue.lookup.get(indicator.partOf.trim().toUpperCase());
    if (total === undefined || total === indicator.id) continue;
    totalOf.set(indicator.id, total);
    const parts = partsOf.get(total);
    if (parts) parts.push(indicator.id);
    else partsOf.set(total, [indicator.id]);
  }
  const result = { partsOf, totalOf };
  relationsCache.set(catalogue.indicators, result);
  return result;
}

export function complementarySuppression(input: ComplementaryInput): void {
  const { index, shown, suppressed, threshold } = input;
  const { partsOf, totalOf } = relations(index.catalogue);
  if (partsOf.size === 0) return;
  const queue: Array<readonly [string, string]> = [];
  const queued = new Set<string>();
  const enqueue = (total: string | undefined, period: string): void => {
    if (total === undefined || !partsOf.has(total)) return;
    const key = observationKey(total, period);
    if (queued.has(key)) return;
    queued.add(key);
    queue.push([total, period]);
  };
  const touch = (id: string, period: string): void => {
    enqueue(id, period);
    enqueue(totalOf.get(id), period);
  };
  for (const key of shown) {
    const cut = key.indexOf('\u0000');
    touch(key.slice(0, cut), key.slice(cut + 1));
  }

  const suppress = (id: string, period: string, reason: string): void => {
    const key = observationKey(id, period);
    const observation = index.observation(id, period);
    if (suppressed.has(key) || !observation) return;
    suppressed.set(key, {
      observation: suppressedObservation(observation),
      reasons: [reason],
      complementary: true,
    });
    touch(id, period);
  };

  for (let next = queue.shift(); next; next = queue.shift()) {
    const [total, period] = next;
    queued.delete(observationKey(total, period));
    checkGroup(total, partsOf.get(total) ?? [], period);
  }

  function printed(id: string, period: string): number | undefined {
    const observation = index.observation(id, period);
    const indicator = index.indicator(id);
    if (!observation || !indicator || observation.value === undefined) return undefined;
    if (observation.symbol !== undefined && observation.symbol !== 'u') return undefined;
    return roundHalfUp(observation.value, indicator.decimals);
  }

  function published(id: string, period: string): boolean {
    const key = observationKey(id, period);
    return shown.has(key) && !suppressed.has(key) && printed(id, period) !== undefined;
  }

  /** Suppressed by us or at source: a figure subtraction must not give back. */
  function hiddenOnPurpose(id: string, period: string): boolean {
    return (
      suppressed.has(observationKey(id, period)) || index.observation(id, period)?.symbol === 'c'
    );
  }

  /** The published part to hide next: the smallest non-zero one, else the smallest. */
  function complement(parts: readonly Part[]): string | undefined {
    let best: Part | undefined;
    for (const part of parts) {
      if (part.value === undefined) continue;
      if (
        best?.value === undefined ||
        (part.value !== 0 && (best.value === 0 || part.value < best.value))
      ) {
        best = part;
      }
    }
    return best?.id;
  }

  function checkGroup(total: string, ids: readonly string[], period: string): void {
    const indicator: Indicator | undefined = index.indicator(total);
    if (!indicator) return;
    // Each part's printed value when it is published, looked up once per check.
    const parts: Part[] = ids.map((id) => ({
      id,
      value: published(id, period) ? printed(id, period) : undefined,
    }));
    const totalValue = index.observation(total, period)?.value;
    if (
      suppressed.has(observationKey(total, period)) &&
      isSmallPrinted(totalValue, indicator.decimals, threshold)
    ) {
      for (const part of parts) {
        if (part.value !== undefined && part.value !== 0) {
          suppress(part.id, period, `it is a part of ${total}, which is a small number`);
        }
      }
      return;
    }
    const open = parts.filter((part) => part.value === undefined);
    if (published(total, period)) {
      if (open.length === 0) return;
      let rest = printed(total, period) ?? 0;
      for (const part of parts) rest -= part.value ?? 0;
      const small = isSmallPrinted(
        roundHalfUp(rest, indicator.decimals),
        indicator.decimals,
        threshold,
      );
      const lone = open.length === 1 && hiddenOnPurpose(open[0]!.id, period);
      if (!small && !lone) return;
      const part = complement(parts);
      if (part !== undefined) {
        suppress(
          part,
          period,
          `${total} and its other parts are shown in this report, so subtraction would reveal a small number or a suppressed figure`,
        );
      } else {
        suppress(
          total,
          period,
          `its part ${open[0]!.id} could be worked out from it, and would reveal a small number or a suppressed figure`,
        );
      }
      return;
    }
    if (hiddenOnPurpose(total, period) && parts.length > 0 && open.length === 0) {
      const part = complement(parts);
      if (part !== undefined) {
        suppress(
          part,
          period,
          `${total} is suppressed, and its parts shown in this report would add up to it`,
        );
      }
    }
  }
}

/** A part of a total: its printed value where the document publishes it. */
interface Part {
  readonly id: string;
  readonly value: number | undefined;
}
