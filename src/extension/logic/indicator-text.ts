/**
 * What hover and completion say about an indicator, built from the engine's own facts
 * and formatters so the editor quotes exactly what the report will print. Loaded only
 * with the engine (lazily), never at activation.
 */
import path from 'node:path';
import {
  findIndicator,
  indicatorFacts,
  type Compare,
  comparePeriods,
  parsePeriod,
  periodShortLabel,
  formatAmount,
  formatDifference,
  formatObservation,
  latestObservation,
  ordinal,
  quartileWords,
  rankAmong,
  rankComparators,
  type Catalogue,
  type Indicator,
  type Period,
  type SourcePlace,
} from '../../engine/index.js';

export { findIndicator };

/** Markdown special characters in text that came from a data file. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** `67% (Q4 2023/24)`: the newest value, for completion details. */
export function latestText(indicator: Indicator): string | undefined {
  const latest = latestObservation(indicator);
  if (!latest) return undefined;
  return `${formatObservation(indicator, latest)} (${periodShortLabel(latest.period)})`;
}

/** `data/indicators.yaml:12`, relative to the report's folder when inside it. */
export function placeText(place: SourcePlace, reportDir: string): string {
  const relative = path.relative(reportDir, place.file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? place.file : relative;
  return `${shown.split(path.sep).join('/')}:${place.line}`;
}

export interface HoverOptions {
  /** The directive's `period`, else the report's front matter period. */
  readonly period?: string;
  readonly compare?: Compare;
  /** The catalogue's comparator display order. */
  readonly comparators: readonly string[];
  readonly reportDir: string;
}

function cell(text: string): string {
  return escapeMarkdown(text);
}

/**
 * The hover card: title, definition, counting unit, the figure for the period with its
 * target, RAG, change and benchmarks, each with the file and line it came from.
 */
export function hoverMarkdown(indicator: Indicator, options: HoverOptions): string {
  const requested: Period | undefined = options.period ? parsePeriod(options.period) : undefined;
  const facts = indicatorFacts(
    indicator,
    requested,
    options.compare ?? 'previous',
    options.comparators,
  );
  const from = (place: SourcePlace) =>
    `\`${placeText(place, options.reportDir).replace(/`/g, "'")}\``;
  const lines: string[] = [];
  const aliases =
    indicator.aliases.length > 0 ? ` (also ${indicator.aliases.map(cell).join(', ')})` : '';
  lines.push(`**${cell(indicator.id)}: ${cell(indicator.title)}**${aliases}`, '');
  if (indicator.definition) lines.push(cell(indicator.definition), '');
  const unitWords = indicator.unit.replace(/_/g, ' ');
  lines.push(
    `Counting unit: ${cell(indicator.countingUnit ?? 'not stated')}; unit: ${cell(unitWords)}; polarity: ${indicator.polarity}`,
    '',
  );
  if (indicator.breakdown !== undefined)
    lines.push(
      `Breakdown by ${cell(indicator.breakdown)}: ${(indicator.categories ?? []).map(cell).join(', ')}`,
      '',
    );
  lines.push('| | | from |', '|---|---|---|');
  if (facts.observation) {
    const stale = facts.status === 'stale' ? ' (newest; older than the report period)' : '';
    lines.push(
      `| Value, ${cell(periodShortLabel(facts.observation.period))}${stale} | ${cell(formatObservation(indicator, facts.observation))} | ${from(facts.observation.source)} |`,
    );
  } else {
    const when = requested ? ` for ${periodShortLabel(requested)}` : '';
    lines.push(`| Value | no value${cell(when)} | |`);
  }
  if (facts.target) {
    const tolerance =
      facts.target.tolerance !== undefined
        ? `, amber within ${formatDifference(indicator, facts.target.tolerance)}`
        : '';
    lines.push(
      `| Target, ${cell(periodShortLabel(facts.target.period))} | ${cell(formatAmount(indicator, facts.target.value) + tolerance)} | ${from(facts.target.source)} |`,
    );
  }
  if (facts.rag) lines.push(`| RAG | ${cell(facts.rag.text)} | |`);
  if (facts.change) lines.push(`| Change | ${cell(facts.change.text)} | |`);
  for (const benchmark of facts.benchmarks) {
    const figure = formatObservation(indicator, benchmark);
    const note = benchmark.note ? ` (${benchmark.note})` : '';
    lines.push(
      `| ${cell(benchmark.comparator)}, ${cell(periodShortLabel(benchmark.period))} | ${cell(figure + note)} | ${from(benchmark.source)} |`,
    );
  }
  if (facts.observation && indicator.peers)
    for (const vs of rankComparators(indicator)) {
      const result = rankAmong(indicator, facts.observation.period, vs);
      if (result.ok)
        lines.push(
          `| Rank among ${cell(vs)}, ${cell(periodShortLabel(facts.observation.period))} | ${cell(`${ordinal(result.rank)}${result.tied ? '=' : ''} of ${result.of}, ${quartileWords(result.quartile)}`)} | ${from(result.figure.source)} |`,
        );
    }
  lines.push('', `Defined at ${from(indicator.source)}`);
  return lines.join('\n');
}

/** Every period with a value or target in the data, newest first, for `period=`. */
export function periodKeys(catalogue: Catalogue): string[] {
  const periods = new Map<string, Period>();
  for (const indicator of catalogue.indicators.values()) {
    for (const item of [...indicator.values, ...indicator.targets])
      periods.set(item.period.key, item.period);
  }
  return [...periods.values()].sort((a, b) => comparePeriods(b, a)).map((p) => p.key);
}

/** Every category of every breakdown indicator, for `:value{category=…}`. */
export function categoryNames(catalogue: Catalogue): string[] {
  const names = new Set<string>();
  for (const indicator of catalogue.indicators.values())
    for (const category of indicator.categories ?? []) names.add(category);
  return [...names];
}

export function tagNames(catalogue: Catalogue): string[] {
  const tags = new Set<string>();
  for (const indicator of catalogue.indicators.values())
    for (const tag of indicator.tags) tags.add(tag);
  return [...tags].sort();
}
