/**
 * `<table>` (scorecards, chart data tables, author tables) -> a Word table: its caption
 * as a Caption paragraph kept with it, and its header rows repeated on every page the
 * table runs onto (`w:tblHeader`), as a reader of a long scorecard needs them.
 */
import type { Element } from 'hast';
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { blocks, captionParagraph, isBlockElement } from './blocks.js';
import type { Block, DocxContext } from './context.js';
import { elementChildren, textOf } from './hast-text.js';
import { inlineRuns } from './inline.js';

const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' } as const;
export const HEADER_FILL = 'F3F2F1';
/**
 * Type sizes in half-points: 11 pt, 9 pt for a table of more than five columns, 8 pt for
 * more than seven (a scorecard with three comparators), so it fits a portrait page.
 */
const NORMAL_TEXT = 22;
function textSize(columns: number): number | undefined {
  if (columns > 7) return 16;
  if (columns > 5) return 18;
  return undefined;
}
/**
 * Twips per half-point of size of an average character: Arial, or the DejaVu Sans that
 * stands in for it, is about 0.65 of its size wide.
 */
const CHAR_TWIPS_PER_HALF_POINT = 6.5;
/** A cell's left and right margins, in twips. */
const CELL_MARGINS = 120;

interface RowInfo {
  readonly row: Element;
  readonly header: boolean;
}

export function tableBlocks(table: Element, ctx: DocxContext): Block[] {
  const caption = elementChildren(table).find((child) => child.tagName === 'caption');
  const rows = tableRows(table);
  if (rows.length === 0) return caption ? [captionParagraph(caption.children, ctx)] : [];
  const columns = Math.max(
    ...rows.map(({ row }) => cellsOf(row).reduce((n, c) => n + span(c, 'colSpan'), 0)),
  );
  const size = textSize(columns);
  const widths = columnWidths(
    rows,
    ctx.textWidthTwips,
    (size ?? NORMAL_TEXT) * CHAR_TWIPS_PER_HALF_POINT,
  );
  const out: Block[] = [];
  if (caption) out.push(captionParagraph(caption.children, ctx));
  out.push(
    new Table({
      width: { size: ctx.textWidthTwips, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: {
        top: RULE,
        bottom: RULE,
        left: RULE,
        right: RULE,
        insideHorizontal: RULE,
        insideVertical: RULE,
      },
      rows: rows.map(({ row, header }) => tableRow(row, header, ctx, size)),
    }),
  );
  return out;
}

/**
 * The rows in reading order, marking the header: the `<thead>` rows, or else a first row
 * made only of `<th>` cells.
 */
function tableRows(table: Element): RowInfo[] {
  const rows: RowInfo[] = [];
  for (const part of elementChildren(table)) {
    if (part.tagName === 'tr') rows.push({ row: part, header: false });
    if (['thead', 'tbody', 'tfoot'].includes(part.tagName)) {
      for (const row of elementChildren(part).filter((child) => child.tagName === 'tr'))
        rows.push({ row, header: part.tagName === 'thead' });
    }
  }
  const first = rows[0];
  if (first && !rows.some((info) => info.header)) {
    const cells = cellsOf(first.row);
    if (cells.length > 0 && cells.every((cell) => cell.tagName === 'th'))
      rows[0] = { row: first.row, header: true };
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return elementChildren(row).filter((child) => child.tagName === 'th' || child.tagName === 'td');
}

function tableRow(
  row: Element,
  header: boolean,
  ctx: DocxContext,
  size: number | undefined,
): TableRow {
  return new TableRow({
    tableHeader: header,
    cantSplit: true,
    children: cellsOf(row).map((cell) => tableCell(cell, header, ctx, size)),
  });
}

function tableCell(
  cell: Element,
  header: boolean,
  ctx: DocxContext,
  size: number | undefined,
): TableCell {
  const columnSpan = span(cell, 'colSpan');
  const rowSpan = span(cell, 'rowSpan');
  const bold = cell.tagName === 'th';
  const alignment =
    !header && cell.tagName === 'td' && looksNumeric(textOf(cell))
      ? AlignmentType.RIGHT
      : AlignmentType.LEFT;
  const hasBlocks = cell.children.some(isBlockElement);
  const children: Block[] = hasBlocks
    ? blocks(cell.children, ctx)
    : [
        new Paragraph({
          alignment,
          children: inlineRuns(cell.children, ctx, { bold, ...(size ? { size } : {}) }),
        }),
      ];
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
    ...(columnSpan > 1 ? { columnSpan } : {}),
    ...(rowSpan > 1 ? { rowSpan } : {}),
  });
}

function span(cell: Element, name: 'colSpan' | 'rowSpan'): number {
  const value = Number(cell.properties[name] ?? 1);
  return Number.isInteger(value) && value > 0 ? Math.min(value, 63) : 1;
}

/** A figure (58%, £7,214, -3, 1.2 pp, c, x) lines up on the right as in the HTML. */
function looksNumeric(text: string): boolean {
  return /^[-+−£$€]?\d/.test(text) || /^[a-z]$/.test(text) || text === '–';
}

/**
 * Column widths from the text each column holds: every column gets room for its longest
 * word (so "Period" is not broken into letters), and the rest of the width goes to the
 * columns whose text would otherwise wrap most, such as an indicator's name.
 */
function columnWidths(rows: readonly RowInfo[], total: number, charTwips: number): number[] {
  const shortest: number[] = [];
  const longest: number[] = [];
  for (const { row } of rows) {
    let column = 0;
    for (const cell of cellsOf(row)) {
      const columns = span(cell, 'colSpan');
      if (columns === 1) {
        const text = textOf(cell);
        const word = Math.max(0, ...text.split(' ').map((part) => part.length));
        shortest[column] = Math.max(shortest[column] ?? 1, word);
        longest[column] = Math.max(longest[column] ?? 1, text.length);
      }
      column += columns;
    }
    for (let i = 0; i < column; i++) {
      shortest[i] ??= 1;
      longest[i] ??= 1;
    }
  }
  const least = shortest.map((chars) => chars * charTwips + CELL_MARGINS);
  const most = longest.map((chars) => chars * charTwips + CELL_MARGINS);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(least) >= total || sum(most) <= total) {
    const basis = sum(least) >= total ? least : most;
    widths = basis.map((width) => (width / sum(basis)) * total);
  } else {
    const spare = total - sum(least);
    const wanted = sum(most) - sum(least);
    widths = least.map((width, i) => width + (((most[i] ?? width) - width) / wanted) * spare);
  }
  return widths.map((width) => Math.floor(width));
}
