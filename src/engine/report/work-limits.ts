import { RULES, createMessage } from '../messages.js';
import type { Message } from '../types.js';
import { splitBlocks } from './incremental-parse.js';
import { LineIndex } from '../line-index.js';

/**
 * Lists and block quotes nested deeper than this are refused. Every walk over the
 * parsed tree (remark's transforms, mdast-util-to-hast, the sanitizer, the HTML
 * serializer, our own) recurses once per level, and a few kilobytes of `>>>>` or
 * `1. 1. 1.` reach the stack's limit; a committee report nests lists three or four deep.
 */
export const MAX_NESTING = 32;

/**
 * Author HTML elements open inside one another past this are refused, for the same
 * reason (parse5's tree is converted recursively). Elements whose end tag HTML lets an
 * author leave out (`<p>`, `<li>`, `<td>`...) and void ones (`<br>`) are not counted.
 */
export const MAX_HTML_NESTING = 64;

/**
 * Emphasis markers (`*`, `_` at a word edge, `~`), link brackets (`[`) or backticks in
 * one paragraph, heading or table cell past which the report is refused. micromark
 * resolves each of these by searching back through, and splicing into, the paragraph's
 * events, so its time grows with their number times the paragraph's length (45,000 `*a`
 * took minutes). 200 allows fifty bold phrases or a hundred links in one paragraph.
 */
export const MAX_INLINE_MARKERS = 200;

/**
 * Separate block quotes, lists and footnote definitions past which a report that is
 * parsed whole is refused. A report with footnotes or link definitions cannot be parsed
 * block by block, and parsed whole the parser's time grows with the square of their
 * number (4,000 footnotes took 50 s, 500 about 1 s). A long committee report has tens.
 */
export const MAX_CONTAINERS = 200;

/**
 * Rows in one table past which the report is refused. A GFM table is parsed and turned
 * into HTML as one block, at about a millisecond a row with markup in its cells (a table
 * of 2,000 such rows took nearly 3 s to render); a committee pack's tables fit on a page
 * or two, and a longer listing belongs in a data file or an appendix.
 */
export const MAX_TABLE_ROWS = 500;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})/;
const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>/g;
const UNCOUNTED_ELEMENTS = new Set(
  (
    'area base br col embed hr img input link meta source track wbr ' +
    'p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption html head body'
  ).split(' '),
);

/**
 * The refusal of a report whose nesting or inline markup would make the parser or a
 * tree walk take too long or too deep, pointing where the limit is passed; each check
 * reads the text once, so this costs time linear in the report.
 */
export function workProblem(text: string, file: string): Message | undefined {
  return (
    nestingProblem(text, file) ??
    wholeParseProblem(text, file) ??
    inlineProblem(text, file) ??
    htmlProblem(text, file)
  );
}

function refusal(file: string, line: number, column: number, reason: string): Message {
  return createMessage(RULES.inputTooLarge, `${reason} (the report was not read)`, {
    file,
    line,
    column,
  });
}

/** Each line's container markers (`>`, list markers) and the columns its lists' content starts at. */
function nestingProblem(text: string, file: string): Message | undefined {
  // Content columns of the list items a line indented enough would still be inside.
  let open: number[] = [];
  let lineNumber = 0;
  for (const line of lines(text)) {
    lineNumber++;
    if (THEMATIC_BREAK.test(line)) continue;
    let at = 0;
    let column = 0;
    let markers = 0;
    let firstMarkerColumn: number | undefined;
    const items: number[] = [];
    for (;;) {
      while (at < line.length && (line[at] === ' ' || line[at] === '\t')) {
        column += line[at] === '\t' ? 4 - (column % 4) : 1;
        at++;
      }
      if (line[at] === '>') {
        markers++;
        at++;
        column++;
        continue;
      }
      const marker = LIST_MARKER.exec(line.slice(at, at + 11));
      if (!marker) break;
      firstMarkerColumn ??= column;
      markers++;
      at += marker[0].length;
      column += marker[0].length;
      items.push(column + 1);
      if (markers > MAX_NESTING) break;
    }
    if (firstMarkerColumn !== undefined) {
      const within = open.filter((content) => content <= (firstMarkerColumn ?? 0));
      open = [...within, ...items];
    } else if (at < line.length && markers === 0) {
      open = open.filter((content) => content <= column);
    }
    if (open.length - items.length + markers > MAX_NESTING) {
      return refusal(
        file,
        lineNumber,
        at + 1,
        `Lists and quotes are nested more than ${MAX_NESTING} deep here; no report needs this many levels`,
      );
    }
    if (open.length > MAX_NESTING) open = open.slice(-MAX_NESTING - 1);
  }
  return undefined;
}

/** Cutting the text into blocks costs about as much as counting: it is done only when needed. */
function wholeParseProblem(text: string, file: string): Message | undefined {
  const problem = containerProblem(text, file);
  return problem && splitBlocks(text) === undefined ? problem : undefined;
}

/** Block quotes, lists and footnote definitions that start anew (not the next item of a list). */
function containerProblem(text: string, file: string): Message | undefined {
  let count = 0;
  let previous = '';
  let previousNonBlank = '';
  let lineNumber = 0;
  for (const line of lines(text)) {
    lineNumber++;
    const top = /^ {0,3}(\S)/.exec(line);
    let starts = false;
    if (top?.[1] === '>') starts = !/^ {0,3}>/.test(previous);
    else if (/^ {0,3}\[\^[^\]]*\]:/.test(line)) starts = true;
    else if (top && LIST_MARKER.test(line.slice(top.index + top[0].length - 1))) {
      starts = !(LIST_MARKER.test(previousNonBlank.trimStart()) || /^[ \t]/.test(previousNonBlank));
    }
    if (starts && ++count > MAX_CONTAINERS) {
      return refusal(
        file,
        lineNumber,
        1,
        `The report has footnotes or link definitions and more than ${MAX_CONTAINERS} separate lists, block quotes and footnotes; split it into several reports`,
      );
    }
    previous = line;
    if (line.trim() !== '') previousNonBlank = line;
  }
  return undefined;
}

/** Emphasis markers, brackets and backticks per paragraph (per cell in a table). */
function inlineProblem(text: string, file: string): Message | undefined {
  let fence: string | undefined;
  let previous = '';
  let inTable = false;
  let tableRows = 0;
  let counts = { emphasis: 0, brackets: 0, backticks: 0 };
  const reset = () => (counts = { emphasis: 0, brackets: 0, backticks: 0 });
  let lineNumber = 0;
  for (const line of lines(text)) {
    lineNumber++;
    const content = line.replace(/^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/, '');
    const opened = FENCE.exec(content);
    if (fence !== undefined) {
      if (opened && opened[1]?.charAt(0) === fence.charAt(0) && opened[1].length >= fence.length)
        fence = undefined;
      continue;
    }
    if (opened?.[1]) {
      fence = opened[1];
      reset();
      continue;
    }
    if (content.trim() === '') {
      inTable = false;
      previous = '';
      reset();
      continue;
    }
    if (!inTable && previous.includes('|') && TABLE_DELIMITER_ROW.test(content)) {
      inTable = true;
      tableRows = -1;
    }
    if (inTable && ++tableRows > MAX_TABLE_ROWS) {
      return refusal(
        file,
        lineNumber,
        1,
        `This table has more than ${MAX_TABLE_ROWS} rows; split it, or keep the listing in a data file`,
      );
    }
    if (inTable || /^#{1,6}(?:[ \t]|$)/.test(content)) reset();
    previous = content;
    // Counted after the line's quote and list markers: a `*` list marker is not emphasis.
    const offset = line.length - content.length;
    for (let i = 0; i < content.length; i++) {
      const char = content[i];
      let kind: keyof typeof counts | undefined;
      if (char === '\\') {
        i++;
        continue;
      } else if (char === '|' && inTable) reset();
      else if (char === '*' || char === '~') kind = 'emphasis';
      else if (char === '_' && !(isWordChar(content[i - 1]) && isWordChar(content[i + 1])))
        kind = 'emphasis';
      else if (char === '[') kind = 'brackets';
      else if (char === '`') kind = 'backticks';
      if (kind === undefined) continue;
      counts[kind]++;
      if (counts[kind] > MAX_INLINE_MARKERS) {
        const what = {
          emphasis: 'emphasis markers (* _ ~)',
          brackets: 'link or label brackets ([)',
          backticks: 'backticks (`)',
        }[kind];
        return refusal(
          file,
          lineNumber,
          offset + i + 1,
          `This paragraph has more than ${MAX_INLINE_MARKERS} ${what}; split it into shorter paragraphs, or escape the markers with \\`,
        );
      }
    }
    if (/^#{1,6}(?:[ \t]|$)/.test(content)) reset();
  }
  return undefined;
}

/** Author HTML elements open at once, counted through the whole text. */
function htmlProblem(text: string, file: string): Message | undefined {
  if (!text.includes('<')) return undefined;
  const stack: string[] = [];
  for (const match of text.matchAll(TAG)) {
    const name = (match[2] ?? '').toLowerCase();
    if (UNCOUNTED_ELEMENTS.has(name)) continue;
    if (match[1] === '/') {
      const index = stack.lastIndexOf(name);
      if (index !== -1) stack.length = index;
      continue;
    }
    if ((match[3] ?? '').endsWith('/')) continue;
    stack.push(name);
    if (stack.length > MAX_HTML_NESTING) {
      const { line, column } = new LineIndex(text).position(match.index);
      return refusal(
        file,
        line,
        column,
        `HTML elements are nested more than ${MAX_HTML_NESTING} deep here; close them or write the content as Markdown`,
      );
    }
  }
  return undefined;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

function* lines(text: string): Generator<string> {
  let from = 0;
  while (from <= text.length) {
    const newline = text.indexOf('\n', from);
    const end = newline === -1 ? text.length : newline;
    yield text.slice(from, end).replace(/\r$/, '');
    if (newline === -1) return;
    from = newline + 1;
  }
}
