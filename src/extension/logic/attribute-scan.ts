/**
 * Splits the text between a directive's `{` and `}` into `key=value` tokens with their
 * offsets, tolerating an unfinished tail (the author is typing), which a full Markdown
 * parse would not give us at the cursor.
 */

export interface AttributeToken {
  readonly name: string;
  /** Offsets into the scanned text. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Present once `=` was written. */
  readonly value?: string;
  /** Offset of the value's first character (after any opening quote). */
  readonly valueStart?: number;
  readonly valueEnd?: number;
  readonly quote?: '"' | "'";
  /** The closing quote is missing (the scan reached the end inside the value). */
  readonly open?: boolean;
}

const NAME_CHAR = /[\w.#:-]/;

export function scanAttributes(text: string): AttributeToken[] {
  const tokens: AttributeToken[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (i >= text.length) break;
    const nameStart = i;
    while (i < text.length && NAME_CHAR.test(text[i] ?? '')) i++;
    if (i === nameStart) {
      // A stray character (quote, comma...): skip it rather than loop forever.
      i++;
      continue;
    }
    const name = text.slice(nameStart, i);
    if (text[i] !== '=') {
      tokens.push({ name, nameStart, nameEnd: i });
      continue;
    }
    i++;
    const first = text[i];
    if (first === '"' || first === "'") {
      const valueStart = i + 1;
      const close = text.indexOf(first, valueStart);
      const valueEnd = close === -1 ? text.length : close;
      tokens.push({
        name,
        nameStart,
        nameEnd: nameStart + name.length,
        value: text.slice(valueStart, valueEnd),
        valueStart,
        valueEnd,
        quote: first,
        ...(close === -1 ? { open: true } : {}),
      });
      i = close === -1 ? text.length : close + 1;
    } else {
      const valueStart = i;
      while (i < text.length && !/[\s"'}]/.test(text[i] ?? '')) i++;
      tokens.push({
        name,
        nameStart,
        nameEnd: nameStart + name.length,
        value: text.slice(valueStart, i),
        valueStart,
        valueEnd: i,
      });
    }
  }
  return tokens;
}

/** Which item of a comma-separated value (`ids="A,B"`) holds `offset`, with its span. */
export function listItemAt(
  value: string,
  offset: number,
): { readonly item: string; readonly start: number; readonly end: number } {
  const start = value.lastIndexOf(',', offset - 1) + 1;
  const comma = value.indexOf(',', offset);
  const end = comma === -1 ? value.length : comma;
  const raw = value.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const item = raw.trim();
  return { item, start: start + lead, end: start + lead + item.length };
}
