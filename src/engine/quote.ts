/** Characters of a value quoted into a message: enough to recognise it, never a whole file. */
const MAX_QUOTED_CHARS = 60;

/**
 * A value from a data file or report as a message quotes it (JSON string syntax), cut
 * short when long: a data file saved as UTF-16 reads as one line of megabytes, and
 * that line is what a schema error would otherwise quote.
 */
export function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  if (text.length <= MAX_QUOTED_CHARS) return text;
  return `${text.slice(0, MAX_QUOTED_CHARS)}… (${text.length} characters)`;
}
