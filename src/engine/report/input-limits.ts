import { RULES, createMessage } from '../messages.js';
import type { Message } from '../types.js';

/**
 * Consecutive non-blank lines in one block beyond which the report is not parsed. The
 * Markdown parser's cost grows faster than linearly within one block (a paragraph or
 * table of many thousand `| a | b |` lines takes minutes), and no real report has a
 * single block this long; refusing it keeps every render bounded.
 */
export const MAX_BLOCK_LINES = 2000;

/** The refusal of a report over the size limit, or undefined when it is within it. */
export function sizeProblem(text: string, file: string, limit: number): Message | undefined {
  // Each UTF-16 unit is at most 3 bytes of UTF-8, so most texts need no counting at all.
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limit) return undefined;
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return createMessage(
    RULES.inputTooLarge,
    `The report is ${mb(bytes)}, over the ${mb(limit)} limit; it was not read (is this the right file?)`,
    { file, line: 1, column: 1 },
  );
}

/** The refusal of a report with a block longer than `maxLines`, pointing at its start. */
export function longBlockProblem(
  text: string,
  file: string,
  maxLines = MAX_BLOCK_LINES,
): Message | undefined {
  let run = 0;
  let line = 0;
  let start = 0;
  let from = 0;
  while (from <= text.length) {
    const newline = text.indexOf('\n', from);
    const end = newline === -1 ? text.length : newline;
    line += 1;
    if (/\S/.test(text.slice(from, end))) {
      if (run === 0) start = line;
      run += 1;
      if (run > maxLines) {
        return createMessage(
          RULES.inputTooLarge,
          `The block starting here runs to more than ${maxLines} lines without a blank line; split it with blank lines (the report was not read)`,
          { file, line: start, column: 1 },
        );
      }
    } else run = 0;
    if (newline === -1) break;
    from = newline + 1;
  }
  return undefined;
}
