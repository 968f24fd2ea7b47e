/**
 * Offsets in a text to the 1-based line and column an editor shows (columns in UTF-16
 * units, a line break being `\n`). The one line index of the engine: messages placed by
 * offset (attribute syntax, encoding faults, nesting limits, CSV cells) all go through it.
 */
export class LineIndex {
  /** Offset at which each line starts; line 1 starts at 0. */
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.#starts.push(i + 1);
    }
  }

  /** The line and column of `offset` (an offset past the end is on the last line). */
  position(offset: number): { readonly line: number; readonly column: number } {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.#starts[low] ?? 0) + 1 };
  }

  /** The offset at which 1-based `line` starts; the text's end past the last line. */
  lineStart(line: number): number {
    return this.#starts[Math.max(0, line - 1)] ?? this.#starts[this.#starts.length - 1] ?? 0;
  }
}
