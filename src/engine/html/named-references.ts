/**
 * The named character references the strict markup readers (the public gate's scan, the
 * Vega SVG reader) accept, and the characters they stand for; any other name sends the
 * markup to the full parser.
 */
export const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};
