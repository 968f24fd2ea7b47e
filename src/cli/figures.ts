/**
 * `scorecard figures`: the data team's sign-off list, every figure the report shows and
 * where it came from, as aligned text for a terminal, JSON (the records as the engine
 * gives them) or CSV for a spreadsheet.
 */
import type { FiguresFormat } from './args.js';
import { FIGURE_FIELDS, type FigureRecord } from '../engine/index.js';
import { csvText, inertText, type CsvField } from './csv.js';

const COLUMNS = [
  ...FIGURE_FIELDS,
  'source_file',
  'source_line',
  'place_file',
  'place_line',
  'place_column',
] as const;

export function formatFigures(figures: readonly FigureRecord[], format: FiguresFormat): string {
  if (format === 'json') return JSON.stringify(figures, null, 2);
  if (format === 'csv') return csvText([[...COLUMNS], ...figures.map(csvRow)]);
  return textTable(figures);
}

function csvRow(figure: FigureRecord): CsvField[] {
  const text = (value: string | undefined) => (value === undefined ? '' : inertText(value));
  return [
    text(figure.indicator),
    text(figure.period),
    figure.kind,
    text(figure.comparator),
    text(figure.category),
    text(figure.text),
    figure.value,
    figure.numerator,
    figure.denominator,
    text(figure.state),
    figure.suppressed,
    text(figure.source?.file),
    figure.source?.line,
    text(figure.place.file),
    figure.place.line,
    figure.place.column,
  ];
}

/** One line per figure, columns aligned, read left to right as "where: what = text (from)". */
function textTable(figures: readonly FigureRecord[]): string {
  if (figures.length === 0) return 'No figures.';
  const rows = figures.map((figure) => [
    `${figure.place.file}:${figure.place.line}:${figure.place.column}`,
    figure.indicator,
    figure.period,
    figure.kind,
    figure.comparator ?? figure.category ?? '',
    figure.text,
    figure.suppressed ? 'suppressed' : figure.value === null ? '' : String(figure.value),
    figure.numerator === undefined ? '' : `${figure.numerator} of ${figure.denominator}`,
    figure.state ?? '',
    figure.source ? `${figure.source.file}:${figure.source.line}` : '',
  ]);
  const header = [
    'PLACE',
    'INDICATOR',
    'PERIOD',
    'KIND',
    'OF',
    'TEXT',
    'VALUE',
    'COUNTS',
    'STATE',
    'SOURCE',
  ];
  const table = [header, ...rows].map((row) => row.map(printable));
  const widths = header.map((_, column) =>
    Math.max(...table.map((row) => [...(row[column] ?? '')].length)),
  );
  return table
    .map((row) =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - [...cell].length),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Data files are untrusted: no control character reaches the terminal to act on it. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}
