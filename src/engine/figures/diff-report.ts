/**
 * The reviewer's page for `scorecard diff --format html` and the VS Code comparison: one
 * self-contained document in the exports' own style (no script, no request), every text
 * from the figure records escaped (an export's figure blob is untrusted input).
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { renderDocument } from '../html/document.js';
import type { FigureKind } from './figure-record.js';
import { VERSION } from '../version.js';
import {
  DIFF_SECTIONS,
  NOT_SHOWN,
  RAG_LOOKS,
  changeWords,
  diffSummary,
  type FigureChange,
  type FigureDiff,
} from './diff.js';

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

/** The figure kinds as a reviewer says them. */
const KIND_WORDS: Readonly<Record<FigureKind, string>> = {
  value: 'Value',
  target: 'Target',
  rag: 'RAG status',
  change: 'Direction of travel',
  benchmark: 'Benchmark',
  rank: 'Rank',
  quartile: 'Quartile',
};

/** The page's title; the two versions follow it in the header. */
export const DIFF_REPORT_TITLE = 'Figures changed';

/** The whole document: header, summary, then one table per kind of change. */
export function diffReportHtml(input: DiffReportInput): string {
  return renderDocument({
    title: DIFF_REPORT_TITLE,
    periodLabel: `${input.beforeName} → ${input.afterName}`,
    classification: input.exempt ? 'exempt' : 'public',
    mode: input.exempt ? 'exempt' : 'public',
    bodyHtml: diffReportBody(input),
    symbolsUsed: [],
    legend: [],
    generator: VERSION,
  });
}

/** What goes in `<main>`: the summary and the tables (for the VS Code webview too). */
export function diffReportBody(input: DiffReportInput): string {
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
  for (const section of DIFF_SECTIONS) {
    const rows = diff.changes.filter(section.rows);
    if (rows.length === 0) continue;
    body.push(
      h('section', { ariaLabelledBy: `sc-diff-${section.id}` }, [
        h('h2', { id: `sc-diff-${section.id}` }, `${section.heading} (${rows.length})`),
        h('div', { className: ['sc-table-wrap'] }, [changeTable(section.caption, rows)]),
      ]),
    );
  }
  return body.map((node) => toHtml(node)).join('\n');
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
          h('td', KIND_WORDS[row.kind]),
          h('td', [row.comparator, row.category].filter(Boolean).join(', ')),
          h('td', printedCell(row, row.before, row.beforeState)),
          h('td', printedCell(row, row.after, row.afterState)),
          h('td', changeWords(row)),
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
  if (text === null) return [h('em', NOT_SHOWN)];
  const look = row.kind === 'rag' && state !== undefined ? RAG_LOOKS[state] : undefined;
  if (!look) return [{ type: 'text', value: text }];
  // The printed text keeps its own words; the status is said again in case it has none.
  const said = text.includes(look.word) ? text : `${look.shape} ${look.word}: ${text}`;
  return [h('span', { className: ['sc-rag', `sc-rag--${state}`] }, said)];
}

/** An exempt export says so on its body (`sc-doc--exempt`), as renderDocument writes it. */
export function isExemptExport(html: string): boolean {
  return /<body\s+class="[^"]*\bsc-doc--exempt\b/i.test(html);
}
