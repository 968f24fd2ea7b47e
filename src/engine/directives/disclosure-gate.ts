import { RULES } from '../messages.js';
import { periodShortLabel } from '../periods.js';
import { applyDisclosureControl } from '../semantics/index.js';
import type { Indicator, Observation } from '../types.js';
import type { Place, ResolveContext } from './context.js';

/**
 * Every observation passes here before it is shown. The public export suppresses small
 * numbers and reports each case; the preview and the exempt export show exact figures
 * but still warn, so the author learns before publishing.
 */
export function disclose(
  ctx: ResolveContext,
  indicator: Indicator,
  observation: Observation,
  place: Place,
): Observation {
  const known = ctx.suppressed.get(observation);
  if (known) return known;
  const threshold = ctx.catalogue.smallNumberThreshold;
  const result = applyDisclosureControl(indicator, observation, threshold);
  if (result.suppressed.length === 0) return observation;
  const publicExport = ctx.mode === 'public';
  const what = `${indicator.id} ${periodShortLabel(observation.period)}`;
  const why = result.reasons.join('; ');
  const reason = publicExport
    ? `Small number in ${what} (${why}) suppressed as c in the public export${ctx.allowSmallNumbers ? '' : '; the export is refused unless you allow small numbers'}`
    : `Small number in ${what} (${why}) would be published; the public export suppresses it as c`;
  ctx.report(RULES.smallNumber, reason, place, {
    severity: publicExport && !ctx.allowSmallNumbers ? 'error' : 'warning',
  });
  const shown = publicExport ? result.observation : observation;
  ctx.suppressed.set(observation, shown);
  if (publicExport) ctx.suppressedShown.add(shown);
  return shown;
}
