import type { Paragraph, Table } from 'docx';
import type { Rasterise } from './rasterise.js';

/** What a block of the document becomes in Word. */
export type Block = Paragraph | Table;

/** What every construct's converter is given: no state beyond these. */
export interface DocxContext {
  readonly rasterise: Rasterise;
  /** The width of the text on the page, in CSS pixels (images are no wider). */
  readonly textWidthPx: number;
  /** The width of the text on the page, in twips (table grids are laid out in it). */
  readonly textWidthTwips: number;
  /** A new list instance, so each ordered list counts from 1 again. */
  nextListInstance(): number;
  /**
   * The next picture id of this document (`wp:docPr id`, unique within it). docx would
   * take one from a counter shared by the whole process, so the same report exported
   * twice would differ.
   */
  nextDrawingId(): string;
}

/** Inline formatting inherited from the elements around a run. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly code?: boolean;
  readonly strike?: boolean;
  readonly underline?: boolean;
  readonly superScript?: boolean;
  readonly subScript?: boolean;
  /** In half-points (Word's unit), where it differs from the style's. */
  readonly size?: number;
}
