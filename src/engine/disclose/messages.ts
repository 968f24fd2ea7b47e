/**
 * The disclose stage's messages: one `small-number` at every place a suppressed figure
 * is shown, so the author finds each of them where it is. The public export suppresses
 * and refuses unless small numbers are allowed; the preview and the exempt export show
 * the figures as they are and warn.
 */
import type { RenderMode } from '../api.js';
import type { Place } from '../directives/context.js';
import type { RuleId, MessageOptions } from '../messages.js';
import { RULES } from '../messages.js';
import { indicatorLabel } from '../breakdown-categories.js';
import { parsePeriod, periodShortLabel } from '../periods.js';
import type { Decisions, ShownFigure } from './figures.js';
import { figureKey, suppressionOf } from './figures.js';

export interface DisclosureMessageOptions {
  readonly mode: RenderMode;
  readonly allowSmallNumbers: boolean;
}

export type Report = (ruleId: RuleId, reason: string, at: Place, options?: MessageOptions) => void;

export function reportDisclosure(
  figures: readonly ShownFigure[],
  decisions: Decisions,
  options: DisclosureMessageOptions,
  report: Report,
): void {
  if (decisions.observations.size === 0 && decisions.benchmarks.size === 0) return;
  const publicExport = options.mode === 'public';
  const severity = publicExport && !options.allowSmallNumbers ? 'error' : 'warning';
  const seen = new Set<string>();
  for (const figure of figures) {
    const suppression = suppressionOf(decisions, figure);
    if (!suppression) continue;
    const once = `${figure.place.line}:${figure.place.column}\u0000${figureKey(figure)}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const period = parsePeriod(figure.period);
    const what = [
      indicatorLabel(figure.indicator),
      ...(figure.kind === 'benchmark' ? [figure.comparator] : []),
      period ? periodShortLabel(period) : figure.period,
    ].join(' ');
    const why = suppression.reasons.join('; ');
    const refused = options.allowSmallNumbers
      ? ''
      : '; the export is refused unless you allow small numbers';
    const reason =
      'complementary' in suppression && suppression.complementary
        ? publicExport
          ? `${what} suppressed as c in the public export: ${why}${refused}`
          : `${what} would reveal a small number: ${why}; the public export suppresses it as c`
        : publicExport
          ? `Small number in ${what} (${why}) suppressed as c in the public export${refused}`
          : `Small number in ${what} (${why}) would be published; the public export suppresses it as c`;
    report(RULES.smallNumber, reason, figure.place, { severity });
  }
}
