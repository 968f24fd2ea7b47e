import { RULES } from '../messages.js';
import { NEAREST_COUNT, nearest } from '../nearest.js';
import { parsePeriod } from '../periods.js';
import type { Catalogue, Indicator, Period } from '../types.js';
import type { Place, ResolveContext } from './context.js';

/** The nearest ids and aliases to a mistyped one, closest first. */
export function nearestIds(catalogue: Catalogue, wanted: string, count = NEAREST_COUNT): string[] {
  const names = [...catalogue.indicators.values()].flatMap((indicator) => [
    indicator.id,
    ...indicator.aliases,
  ]);
  return nearest(wanted, names, count);
}

export function findIndicator(catalogue: Catalogue, id: string): Indicator | undefined {
  const key = catalogue.lookup.get(id.trim().toUpperCase());
  return key === undefined ? undefined : catalogue.indicators.get(key);
}

/** Looks an id up, reporting `unknown-indicator` with the nearest ids when it is not there. */
export function resolveIndicator(
  ctx: ResolveContext,
  id: string,
  place: Place,
): Indicator | undefined {
  const indicator = findIndicator(ctx.catalogue, id);
  if (indicator) return indicator;
  const nearest = nearestIds(ctx.catalogue, id);
  const hint =
    nearest.length > 0
      ? `, did you mean ${nearest.join(' or ')}?`
      : ctx.catalogue.indicators.size === 0
        ? ' (the report has no indicator data)'
        : '';
  ctx.report(RULES.unknownIndicator, `Unknown indicator ${id}${hint}`, place, {
    suggestions: nearest,
  });
  return undefined;
}

/**
 * The period a directive asks for: its own `period=`, else the front matter's; undefined
 * means "the latest". An unparseable `period=` is reported and gives null: the directive
 * shows the problem, not a figure of a period the author did not name.
 */
export function resolvePeriod(
  ctx: ResolveContext,
  written: string | undefined,
  place: Place,
): Period | undefined | null {
  if (written === undefined || written === '') return ctx.reportPeriod;
  const period = parsePeriod(written);
  if (!period) {
    ctx.report(
      RULES.unknownPeriod,
      `Unknown period "${written}"; write 2023/24, 2023/24 Q4, 2023/24 H1, 2024-05 or 2024-03-31`,
      place,
    );
    return null;
  }
  return period;
}

/** `ids="A, B"` and `benchmarks="England,London"` lists. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * `periods=N` on a chart or breakdown: a whole number within the directive's bounds, or
 * its default with an `unknown-attribute` message when it is not one.
 */
export function periodCount(
  ctx: ResolveContext,
  written: string | undefined,
  place: Place,
  bounds: { readonly fallback: number; readonly min: number; readonly max: number },
): number {
  if (written === undefined) return bounds.fallback;
  const count = Number(written);
  if (Number.isInteger(count) && count >= bounds.min && count <= bounds.max) return count;
  ctx.report(
    RULES.unknownAttribute,
    `periods=${written} must be a whole number from ${bounds.min} to ${bounds.max}`,
    place,
  );
  return bounds.fallback;
}
