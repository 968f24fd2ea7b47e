/**
 * An indicator card -> a compact framed table: the card's heading across the top, its
 * figure lines, one row per term of its definition list (Target, Status, Change, the
 * benchmarks), then its trend and the author's commentary. A card is recognised by what
 * it is (a section that opens with a heading and holds a definition list), not by class,
 * so a restyled card is still a card.
 */
import type { Element, ElementContent } from 'hast';
import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType } from 'docx';
import { blocks, definitionPairs, heading } from './blocks.js';
import type { Block, DocxContext } from './context.js';
import { elementChildren, isHeading } from './hast-text.js';
import { inlineRuns } from './inline.js';
import { HEADER_FILL } from './tables.js';

const FRAME = { style: BorderStyle.SINGLE, size: 8, color: '505A5F' } as const;
const INSIDE = { style: BorderStyle.SINGLE, size: 2, color: 'DDDDDD' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** The share of the card's width its terms take. */
const TERM_SHARE = 0.3;

export function isCard(element: Element): boolean {
  if (element.tagName !== 'section' && element.tagName !== 'article') return false;
  const children = elementChildren(element);
  const first = children[0];
  return (
    first !== undefined && isHeading(first) && children.some((child) => child.tagName === 'dl')
  );
}

export function cardBlocks(card: Element, ctx: DocxContext): Block[] {
  const termWidth = Math.round(ctx.textWidthTwips * TERM_SHARE);
  const widths = [termWidth, ctx.textWidthTwips - termWidth];
  const rows: TableRow[] = [];
  let loose: ElementContent[] = [];
  // Consecutive lines that are not terms share one row, to keep the card compact.
  const flush = () => {
    const content = blocks(loose, ctx);
    if (content.length > 0) rows.push(wideRow(content));
    loose = [];
  };
  for (const child of card.children) {
    if (child.type === 'element' && isHeading(child) && rows.length === 0 && loose.length === 0) {
      rows.push(wideRow([heading(child, ctx)], true));
    } else if (child.type === 'element' && child.tagName === 'dl') {
      flush();
      for (const { term, details } of definitionPairs(child)) {
        rows.push(
          new TableRow({
            cantSplit: true,
            children: [
              cell([
                new Paragraph({ children: inlineRuns(term?.children ?? [], ctx, { bold: true }) }),
              ]),
              cell(
                details.length > 0
                  ? details.map(
                      (detail) => new Paragraph({ children: inlineRuns(detail.children, ctx) }),
                    )
                  : [new Paragraph({})],
              ),
            ],
          }),
        );
      }
    } else {
      loose.push(child);
    }
  }
  flush();
  return [
    new Table({
      width: { size: ctx.textWidthTwips, type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: FRAME,
        bottom: FRAME,
        left: FRAME,
        right: FRAME,
        insideHorizontal: INSIDE,
        insideVertical: NONE,
      },
      rows,
    }),
    // Word runs two tables that touch into one; a paragraph keeps each card its own.
    new Paragraph({}),
  ];
}

function wideRow(children: Block[], header = false): TableRow {
  return new TableRow({
    cantSplit: header,
    children: [
      new TableCell({
        columnSpan: 2,
        children,
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        ...(header
          ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } }
          : {}),
      }),
    ],
  });
}

function cell(children: Block[]): TableCell {
  return new TableCell({ children, margins: { top: 40, bottom: 40, left: 100, right: 100 } });
}
