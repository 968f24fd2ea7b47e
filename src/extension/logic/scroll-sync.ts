/**
 * Maps source lines to preview positions and back through the `data-line` attributes the
 * engine puts on top-level blocks (0-based source lines, like VS Code's own preview).
 * Pure arithmetic, so the webview script stays thin and this stays testable.
 */

export interface Block {
  /** 0-based source line the block starts on. */
  readonly line: number;
  /** Offset of the block's top from the page top, in pixels. */
  readonly top: number;
  readonly height: number;
}

/** Pixel offset at which `line` (fractional) should sit, interpolating between blocks. */
export function offsetForLine(blocks: readonly Block[], line: number): number {
  let previous: Block | undefined;
  for (const block of blocks) {
    if (block.line > line) {
      if (!previous) return block.top;
      const span = block.line - previous.line;
      const fraction = span > 0 ? (line - previous.line) / span : 0;
      return previous.top + fraction * (block.top - previous.top);
    }
    previous = block;
  }
  if (!previous) return 0;
  // Past the last block: move through it in proportion, assuming one line per 20 px.
  return previous.top + Math.min(previous.height, (line - previous.line) * 20);
}

/** The (fractional) source line shown at pixel offset `top`. */
export function lineForOffset(blocks: readonly Block[], top: number): number {
  let previous: Block | undefined;
  for (const block of blocks) {
    if (block.top > top) {
      if (!previous) return block.line;
      const span = block.top - previous.top;
      const fraction = span > 0 ? (top - previous.top) / span : 0;
      return previous.line + fraction * (block.line - previous.line);
    }
    previous = block;
  }
  return previous ? previous.line : 0;
}
