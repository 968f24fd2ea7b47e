/**
 * The reviewer's page for `scorecard diff --format html` and the VS Code comparison: one
 * self-contained document in the exports' own style (no script, no request), every text
 * from the figure records escaped (an export's figure blob is untrusted input).
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { renderDocument } from '../html/document.js';
import { VERSION } from '../version.js';
import { CALLOUT_LABELS, diffSummary, type FigureChange, type FigureDiff } from './diff.js';

export interface DiffReportInput {
  readonly diff: FigureDiff;
  /** How the two versions are named to the reader (file names, `HEAD~1`...). */
  readonly beforeName: string;
  readonly afterName: string;
  /**
   * Either version is exempt: the page then carries the exempt banner, as the exempt
   * export does, because it repeats exempt figures.
   */
  readonly exempt?: boolean;
}

/** RAG as the exports show it: shape and word, never colour alone. */
const RAG_LOOKS: Readonly<Record<string, { shape: string; word: string }>> = {
  green: { shape: '▲', word: 'Green' },
  amber: { shape: '●', word: 'Amber' },
  red: { shape: '▼', word: 'Red' },
};

const SECTIONS: readonly {
  id: string;
  heading: string;
  caption: string;
  rows: (row: FigureChange) => boolean;
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

/** The whole document: header, summary, then one table per kind of change. */
export function diffReportHtml(input: DiffReportInput): string {
  const { diff } = input;
  const body: Element[] = [
    h('p', [
      'Comparing ',
      h('strong', input.beforeName),
      ' (before) with ',
      h('strong', input.afterName),
      ' (after): ',
      diffSummary(diff.counts),
      '.',
    ]),
  ];
  if (diff.changes.length === 0) {
    body.push(h('p', 'Every figure is printed the same in both versions.'));
  }
  for (const section of SECTIONS) {
    const rows = diff.changes.filter(section.rows);
    if (rows.length === 0) continue;
    body.push(
      h('section', { ariaLabelledBy: `sc-diff-${section.id}` }, [
        h('h2', { id: `sc-diff-${section.id}` }, `${section.heading} (${rows.length})`),
        h('div', { className: ['sc-table-wrap'] }, [changeTable(section.caption, rows)]),
      ]),
    );
  }
  return renderDocument({
    title: 'Figures changed',
    periodLabel: `${input.beforeName} → ${input.afterName}`,
    classification: input.exempt ? 'exempt' : 'public',
    mode: input.exempt ? 'exempt' : 'public',
    bodyHtml: body.map((node) => toHtml(node)).join('\n'),
    symbolsUsed: [],
    legend: [],
    generator: VERSION,
  });
}

function changeTable(caption: string, rows: readonly FigureChange[]): Element {
  const headers = [
    'Indicator',
    'Period',
    'Figure',
    'Compared with',
    'Before',
    'After',
    'What changed',
  ];
  return h('table', { className: ['sc-diff'] }, [
    h('caption', caption),
    h(
      'thead',
      h(
        'tr',
        headers.map((header) => h('th', { scope: 'col' }, header)),
      ),
    ),
    h(
      'tbody',
      rows.map((row) =>
        h('tr', [
          h('th', { scope: 'row' }, row.indicator),
          h('td', row.period),
          h('td', row.kind),
          h('td', [row.comparator, row.category].filter(Boolean).join(', ')),
          h('td', printedCell(row, row.before, row.beforeState)),
          h('td', printedCell(row, row.after, row.afterState)),
          h('td', whatChanged(row)),
        ]),
      ),
    ),
  ]);
}

function printedCell(
  row: FigureChange,
  text: string | null,
  state: string | undefined,
): ElementContent[] {
  if (text === null) return [h('em', 'not shown')];
  const look = row.kind === 'rag' && state !== undefined ? RAG_LOOKS[state] : undefined;
  if (!look) return [{ type: 'text', value: text }];
  // The printed text keeps its own words; the status is said again in case it has none.
  const said = text.includes(look.word) ? text : `${look.shape} ${look.word}: ${text}`;
  return [h('span', { className: ['sc-rag', `sc-rag--${state}`] }, said)];
}

function ragWords(state: string | undefined): string {
  const look = state === undefined ? undefined : RAG_LOOKS[state];
  return look ? `${look.shape} ${look.word}` : (state ?? 'none');
}

function whatChanged(row: FigureChange): string {
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
