import { findObservation } from '../facts.js';
import type { IndicatorFacts } from '../facts.js';
import { RULES } from '../messages.js';
import { periodShortLabel } from '../periods.js';
import { describeChange, suppressParts } from '../semantics/index.js';
import type { Observation } from '../types.js';
import type { Place, ResolveContext } from './context.js';
import { findIndicator } from './lookup.js';

/**
 * Secondary suppression across the rows of one scorecard: where a table shows a total
 * and its parts (indicators with `part_of`), a single suppressed part could be worked
 * out as the total minus the others, so the next smallest part (or the total) is
 * suppressed with it. Only the public export suppresses; the preview warns.
 */
export function suppressPartsOfTotals(
  ctx: ResolveContext,
  rows: readonly IndicatorFacts[],
  place: Place,
): IndicatorFacts[] {
  const result = [...rows];
  rows.forEach((total, totalIndex) => {
    const partIndexes = rows.flatMap((row, index) =>
      row.indicator.partOf !== undefined &&
      findIndicator(ctx.catalogue, row.indicator.partOf)?.id === total.indicator.id
        ? [index]
        : [],
    );
    if (partIndexes.length === 0) return;
    const raw = (facts: IndicatorFacts) =>
      findObservation(facts.indicator, facts.requested).observation;
    const partValues = partIndexes.map((index) => raw(rows[index]!)?.value);
    const totalValue = raw(total)?.value;
    if (partValues.some((value) => value === undefined)) return;
    const outcome = suppressParts(
      partValues as number[],
      totalValue,
      ctx.catalogue.smallNumberThreshold,
    );
    const hidden = [
      ...outcome.suppressedIndexes.map((i) => partIndexes[i]!),
      ...(outcome.totalSuppressed ? [totalIndex] : []),
    ];
    for (const index of hidden) {
      const row = result[index]!;
      if (!row.observation || row.observation.symbol === 'c') continue;
      const what = `${row.indicator.id} ${periodShortLabel(row.observation.period)}`;
      const publicExport = ctx.mode === 'public';
      ctx.report(
        RULES.smallNumber,
        publicExport
          ? `${what} suppressed as c in the public export: with ${total.indicator.id} and its other parts in the same table it would reveal a small number by subtraction`
          : `${what} would reveal a small number by subtraction from ${total.indicator.id} in this table; the public export suppresses it as c`,
        place,
        { severity: publicExport && !ctx.allowSmallNumbers ? 'error' : 'warning' },
      );
      if (publicExport) result[index] = suppressedFacts(ctx, row);
    }
  });
  return result;
}

function suppressedFacts(ctx: ResolveContext, facts: IndicatorFacts): IndicatorFacts {
  const shown = facts.observation!;
  const observation: Observation = { period: shown.period, symbol: 'c', source: shown.source };
  ctx.suppressedShown.add(observation);
  return {
    ...facts,
    observation,
    rag: undefined,
    change: describeChange(facts.indicator, observation, facts.previous, 'previous'),
  };
}
