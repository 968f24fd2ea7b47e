/**
 * What changed between two versions of a report's figures (`scorecard diff`): one row
 * per figure identity, the changes a committee cares about called out first. Pure: two
 * record lists in, rows out.
 */
import { figureIdentity, type FigureKind, type FigureRecord } from './figure-record.js';

/**
 * The changes reviewers must not miss: a RAG status that moved, a direction of travel
 * that turned, a figure that became (or stopped being) suppressed, a benchmark the
 * publisher revised.
 */
export type FigureCallout =
  'rag-flip' | 'direction-flip' | 'suppression-flip' | 'benchmark-revised';

export const FIGURE_CALLOUTS: readonly FigureCallout[] = [
  'rag-flip',
  'direction-flip',
  'suppression-flip',
  'benchmark-revised',
];

/** One figure that is not the same in both versions. */
export interface FigureChange {
  readonly indicator: string;
  readonly period: string;
  readonly kind: FigureKind;
  readonly comparator?: string;
  readonly category?: string;
  /** `added` and `removed`: the figure is shown in one version only. */
  readonly change: 'changed' | 'added' | 'removed';
  /** Empty for an ordinary change; otherwise what the row is called out for. */
  readonly callouts: readonly FigureCallout[];
  /** As printed (distinct texts of its places joined with ` / `); null where absent. */
  readonly before: string | null;
  readonly after: string | null;
  /** The RAG status, direction of travel or quartile band, where the figure has one. */
  readonly beforeState?: string;
  readonly afterState?: string;
  readonly beforeSuppressed?: boolean;
  readonly afterSuppressed?: boolean;
}

export interface FigureDiff {
  /** Called-out rows first, then other changes, then added, then removed. */
  readonly changes: readonly FigureChange[];
  readonly counts: DiffCounts;
}

export interface DiffCounts {
  /** Rows with at least one callout (each is also counted as changed). */
  readonly calledOut: number;
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  readonly ragFlips: number;
  readonly directionFlips: number;
  readonly suppressionFlips: number;
  readonly revisedBenchmarks: number;
}

/** One figure identity in one version: every place it is shown, folded. */
interface Folded {
  readonly first: FigureRecord;
  readonly texts: readonly string[];
  readonly values: readonly (number | null)[];
  /** The counts printed beside it (`120 of 207`), where they are. */
  readonly counts: readonly string[];
  readonly states: readonly string[];
  readonly suppressed: boolean;
}

function fold(records: readonly FigureRecord[]): Map<string, Folded> {
  const groups = new Map<string, FigureRecord[]>();
  for (const record of records) {
    const key = figureIdentity(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const folded = new Map<string, Folded>();
  for (const [key, group] of groups) {
    const first = group[0];
    if (!first) continue;
    folded.set(key, {
      first,
      texts: distinct(group.map((record) => record.text)),
      values: distinctValues(group.map((record) => record.value)),
      counts: distinct(
        group.flatMap((record) =>
          record.numerator === undefined ? [] : [`${record.numerator} of ${record.denominator}`],
        ),
      ),
      states: distinct(
        group.flatMap((record) => (record.state === undefined ? [] : [record.state])),
      ),
      // Suppressed anywhere is suppressed: the published figure is what the reader gets.
      suppressed: group.some((record) => record.suppressed),
    });
  }
  return folded;
}

function distinct(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function distinctValues(items: readonly (number | null)[]): (number | null)[] {
  return [...new Set(items)];
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}

/** Its texts, and the counts printed beside it: `67% (201 of 300)`. */
function printed(folded: Folded | undefined): string | null {
  if (!folded) return null;
  const texts = folded.texts.join(' / ');
  return folded.counts.length > 0 ? `${texts} (${folded.counts.join(' / ')})` : texts;
}

/** A single state, or undefined when the figure has none or its places disagree. */
function stateOf(folded: Folded | undefined): string | undefined {
  return folded?.states.length === 1 ? folded.states[0] : undefined;
}

function calloutsFor(before: Folded, after: Folded): FigureCallout[] {
  const kind = after.first.kind;
  const callouts: FigureCallout[] = [];
  const from = stateOf(before);
  const to = stateOf(after);
  const stateFlipped = from !== undefined && to !== undefined && from !== to;
  if (kind === 'rag' && stateFlipped) callouts.push('rag-flip');
  if (kind === 'change' && stateFlipped) callouts.push('direction-flip');
  if (before.suppressed !== after.suppressed) callouts.push('suppression-flip');
  else if (kind === 'benchmark') callouts.push('benchmark-revised');
  return callouts;
}

/**
 * Changed when its number or its state changed (rounded as printed, so a reader sees the
 * difference), or a wording of it, or the counts printed beside it, were replaced
 * (`▲ Green: on target`, now `▲ Green: 2 pp above target`; `21 of 80`, now `42 of 160`).
 * Shown in one more place, or one fewer, in another wording (`70` in a scorecard, `70 per
 * 10,000 children` in a sentence, a RAG with its reason, a card with its counts), it is
 * the same figure. A figure printed exactly as before is not a change even if its
 * suppressed flag moved (a RAG "Not rated" before for want of a target, now because the
 * value is suppressed): its own value row says so.
 */
function isChanged(before: Folded, after: Folded): boolean {
  return (
    !sameList(before.values, after.values) ||
    !sameList(before.states, after.states) ||
    replaced(before.texts, after.texts) ||
    replaced(before.counts, after.counts)
  );
}

/** Whether one of `before` is gone and one of `after` has come in its place. */
function replaced(before: readonly string[], after: readonly string[]): boolean {
  return (
    before.some((item) => !after.includes(item)) && after.some((item) => !before.includes(item))
  );
}

const ORDER = { changed: 1, added: 2, removed: 3 } as const;

/**
 * The rows that differ between BEFORE and AFTER, in the order a reviewer reads them:
 * called-out rows, other changes, added, removed; within each, the order AFTER shows
 * its figures in (then BEFORE's, for removed ones).
 */
export function diffFigures(
  before: readonly FigureRecord[],
  after: readonly FigureRecord[],
): FigureDiff {
  const old = fold(before);
  const now = fold(after);
  const keys = distinct([...now.keys(), ...old.keys()]);
  const rows: { row: FigureChange; rank: number; seq: number }[] = [];
  for (const [seq, key] of keys.entries()) {
    const a = old.get(key);
    const b = now.get(key);
    const figure = (b ?? a)?.first;
    if (!figure) continue;
    if (a && b && !isChanged(a, b)) continue;
    const change = a && b ? 'changed' : b ? 'added' : 'removed';
    const callouts = a && b ? calloutsFor(a, b) : [];
    const beforeState = stateOf(a);
    const afterState = stateOf(b);
    const row: FigureChange = {
      indicator: figure.indicator,
      period: figure.period,
      kind: figure.kind,
      ...(figure.comparator !== undefined ? { comparator: figure.comparator } : {}),
      ...(figure.category !== undefined ? { category: figure.category } : {}),
      change,
      callouts,
      before: printed(a),
      after: printed(b),
      ...(beforeState !== undefined ? { beforeState } : {}),
      ...(afterState !== undefined ? { afterState } : {}),
      ...(a ? { beforeSuppressed: a.suppressed } : {}),
      ...(b ? { afterSuppressed: b.suppressed } : {}),
    };
    rows.push({ row, rank: callouts.length > 0 ? 0 : ORDER[change], seq });
  }
  rows.sort((x, y) => x.rank - y.rank || x.seq - y.seq);
  const changes = rows.map(({ row }) => row);
  const having = (callout: FigureCallout) =>
    changes.filter((row) => row.callouts.includes(callout)).length;
  return {
    changes,
    counts: {
      calledOut: changes.filter((row) => row.callouts.length > 0).length,
      changed: changes.filter((row) => row.change === 'changed').length,
      added: changes.filter((row) => row.change === 'added').length,
      removed: changes.filter((row) => row.change === 'removed').length,
      ragFlips: having('rag-flip'),
      directionFlips: having('direction-flip'),
      suppressionFlips: having('suppression-flip'),
      revisedBenchmarks: having('benchmark-revised'),
    },
  };
}

/** `RAG flip`, `direction flip`...: how a callout is said to a reader. */
export const CALLOUT_LABELS: Readonly<Record<FigureCallout, string>> = {
  'rag-flip': 'RAG flip',
  'direction-flip': 'Direction flip',
  'suppression-flip': 'Suppression flip',
  'benchmark-revised': 'Revised benchmark',
};

/** The figure a row is about in words: `ks2-rwm, 2023/24, benchmark (England)`. */
export function figureLabel(
  row: Pick<FigureChange, 'indicator' | 'period' | 'kind' | 'comparator' | 'category'>,
): string {
  const qualifiers = [row.comparator, row.category].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  const kind = qualifiers.length > 0 ? `${row.kind} (${qualifiers.join(', ')})` : row.kind;
  return `${row.indicator}, ${row.period}, ${kind}`;
}

/** `2 RAG flips, 1 revised benchmark, 3 other changes, 1 added`: or `no figure changed`. */
export function diffSummary(counts: DiffCounts): string {
  const parts: string[] = [];
  const add = (count: number, one: string, many: string) => {
    if (count > 0) parts.push(`${count} ${count === 1 ? one : many}`);
  };
  add(counts.ragFlips, 'RAG flip', 'RAG flips');
  add(counts.directionFlips, 'direction flip', 'direction flips');
  add(counts.suppressionFlips, 'suppression flip', 'suppression flips');
  add(counts.revisedBenchmarks, 'revised benchmark', 'revised benchmarks');
  add(counts.changed - counts.calledOut, 'other change', 'other changes');
  add(counts.added, 'figure added', 'figures added');
  add(counts.removed, 'figure removed', 'figures removed');
  return parts.length > 0 ? parts.join(', ') : 'no figure changed';
}

/** RAG as the exports show it: shape and word, never colour alone. */
export const RAG_LOOKS: Readonly<Record<string, { shape: string; word: string }>> = {
  green: { shape: '▲', word: 'Green' },
  amber: { shape: '●', word: 'Amber' },
  red: { shape: '▼', word: 'Red' },
};

function ragWords(state: string | undefined): string {
  const look = state === undefined ? undefined : RAG_LOOKS[state];
  return look ? `${look.shape} ${look.word}` : (state ?? 'none');
}

/** What happened to a row, in words: `RAG flip: ▲ Green to ▼ Red`, `Added`, `Changed`. */
export function changeWords(row: FigureChange): string {
  if (row.change === 'added') return 'Added';
  if (row.change === 'removed') return 'Removed';
  const parts = row.callouts.map((callout) => {
    const label = CALLOUT_LABELS[callout];
    if (callout === 'rag-flip')
      return `${label}: ${ragWords(row.beforeState)} to ${ragWords(row.afterState)}`;
    if (callout === 'direction-flip')
      return `${label}: ${row.beforeState ?? 'none'} to ${row.afterState ?? 'none'}`;
    if (callout === 'suppression-flip')
      return `${label}: ${row.afterSuppressed ? 'now suppressed' : 'no longer suppressed'}`;
    return label;
  });
  return parts.length > 0 ? parts.join('; ') : 'Changed';
}

/** The JSON `scorecard diff --format json` prints (documented in the README). */
export interface DiffJson {
  readonly generator: string;
  readonly before: string;
  readonly after: string;
  readonly summary: string;
  readonly counts: DiffCounts;
  readonly changes: readonly FigureChange[];
}

export function diffJson(
  diff: FigureDiff,
  names: { readonly before: string; readonly after: string; readonly generator: string },
): DiffJson {
  return {
    generator: names.generator,
    before: names.before,
    after: names.after,
    summary: diffSummary(diff.counts),
    counts: diff.counts,
    changes: diff.changes,
  };
}

/** Absent figures in the text and HTML reports. */
export const NOT_SHOWN = '(not shown)';

/** The terminal report: a heading line, the summary, then the rows section by section. */
export function diffText(
  diff: FigureDiff,
  names: { readonly before: string; readonly after: string; readonly generator: string },
): string {
  const lines = [
    `Figures of ${names.before} compared with ${names.after} (${names.generator})`,
    `${diffSummary(diff.counts)}.`,
  ];
  for (const section of DIFF_SECTIONS) {
    const rows = diff.changes.filter(section.rows);
    if (rows.length === 0) continue;
    lines.push('', `${section.heading} (${rows.length})`);
    for (const row of rows) {
      lines.push(
        `  ${figureLabel(row)}: ${changeWords(row)}`,
        `    ${row.before ?? NOT_SHOWN}  ->  ${row.after ?? NOT_SHOWN}`,
      );
    }
  }
  return lines.join('\n');
}

/** The sections every report of a diff has, in order (flips first). */
export const DIFF_SECTIONS: readonly {
  readonly id: string;
  readonly heading: string;
  readonly caption: string;
  readonly rows: (row: FigureChange) => boolean;
}[] = [
  {
    id: 'called-out',
    heading: 'RAG, direction and suppression flips, revised benchmarks',
    caption:
      'Figures whose RAG status, direction of travel or suppression changed, and benchmarks revised',
    rows: (row) => row.callouts.length > 0,
  },
  {
    id: 'changed',
    heading: 'Other changed figures',
    caption: 'Other figures printed differently',
    rows: (row) => row.callouts.length === 0 && row.change === 'changed',
  },
  {
    id: 'added',
    heading: 'Figures added',
    caption: 'Figures shown only in the later version',
    rows: (row) => row.change === 'added',
  },
  {
    id: 'removed',
    heading: 'Figures removed',
    caption: 'Figures shown only in the earlier version',
    rows: (row) => row.change === 'removed',
  },
];
