import type { Nodes, Root } from 'mdast';
import { walk } from '../tree-walk.js';
import { RULES, createMessage } from '../messages.js';
import type { Message } from '../types.js';

/**
 * A deliberately naive, line-based reading of `:::` fences, independent of the Markdown
 * parser. It reads fences the way an author means them (any opener, innermost block
 * closed first, code and HTML ignored) and is liberal about what opens an exempt block.
 * Wherever the parser's exempt blocks do not cover exactly the lines this finds, the
 * parser closed a block early or never opened it, and text the author marked exempt
 * would be published: the report is refused instead (`unmatched-fence`).
 */

export interface ExemptRegion {
  /** 1-based line of the opener. */
  readonly opener: number;
  /** 1-based line of the `:::` that closes it, undefined when none does. */
  readonly closer: number | undefined;
  /** Written the Pandoc way (`::: exempt`, `::: {.exempt}`), which the parser does not read. */
  readonly pandoc: boolean;
}

export interface FenceScan {
  readonly regions: readonly ExemptRegion[];
  /** `:::` lines with no open block to close. */
  readonly strays: readonly number[];
  /** `:::` lines that close a block the scan saw open (of any name). */
  readonly closers: readonly number[];
  /** Exempt openers inside a list item, a quote or indented text. */
  readonly nested: readonly number[];
  /** Whether the text has any `:::` line at all (else nothing here can go wrong). */
  readonly anyFence: boolean;
}

/** Odd spaces an author may leave after a name: no-break, thin, zero-width and the like. */
const ODD_SPACE = '\\u00a0\\u1680\\u2000-\\u200d\\u202f\\u205f\\u2060\\u3000\\ufeff';
/**
 * Any run of spaces, tabs and invisible characters may come before the colons: what the
 * parser does not take as a fence there (four spaces, a zero-width space, a BOM pasted in
 * the middle of the file) then shows up as a disagreement.
 */
const CLOSER = new RegExp(`^[ \\t${ODD_SPACE}]*:{3,}[\\s${ODD_SPACE}]*$`);
const OPENER = new RegExp(`^[ \\t${ODD_SPACE}]*:{3,}(.*)$`);
const EXEMPT_NAME = new RegExp(
  `^[\\s${ODD_SPACE}]*\\{?[\\s${ODD_SPACE}]*\\.?exempt(?![A-Za-z0-9_-])`,
  'i',
);
const DIRECTIVE_EXEMPT = /^exempt(?![A-Za-z0-9_-])/i;
const NESTED_EXEMPT = new RegExp(
  `^(?:[ \\t]*(?:>|[-*+]|\\d{1,9}[.)])[ \\t]*)+:{3,}[\\s${ODD_SPACE}]*\\{?\\.?exempt(?![A-Za-z0-9_-])`,
  'i',
);

/**
 * What the scan reads in one line, for a caller that keeps the scan across an edit of the
 * line (quiet-edit.ts): the kind of `:::` line it is. A line that names `exempt` reads as
 * itself, since whether it opens an exempt block, and what the messages say of it, turn
 * on its every character.
 */
export function fenceReading(line: string): string {
  if (!line.includes(':::')) return '';
  if (/exempt/i.test(line)) return line;
  return CLOSER.test(line) ? 'closer' : OPENER.test(line) ? 'opener' : 'other';
}

export function scanFences(text: string): FenceScan {
  const regions: ExemptRegion[] = [];
  const strays: number[] = [];
  const closers: number[] = [];
  const nested: number[] = [];
  if (!text.includes(':::')) return { regions, strays, closers, nested, anyFence: false };
  const open: Array<{ line: number; exempt: boolean; pandoc: boolean }> = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    if (!line.includes(':::')) continue;
    if (CLOSER.test(line)) {
      const closed = open.pop();
      if (!closed) strays.push(number);
      else {
        closers.push(number);
        if (closed.exempt) {
          regions.push({ opener: closed.line, closer: number, pandoc: closed.pandoc });
        }
      }
      continue;
    }
    const rest = OPENER.exec(line)?.[1];
    if (rest !== undefined) {
      const exempt = EXEMPT_NAME.test(rest);
      open.push({ line: number, exempt, pandoc: exempt && !DIRECTIVE_EXEMPT.test(rest) });
    } else if (NESTED_EXEMPT.test(line)) nested.push(number);
  }
  for (const left of open) {
    if (left.exempt) regions.push({ opener: left.line, closer: undefined, pandoc: left.pandoc });
  }
  regions.sort((a, b) => a.opener - b.opener);
  return { regions, strays, closers, nested, anyFence: true };
}

export interface ParsedFences {
  /** Lines (first, last) of every exempt container the parser made, at any depth. */
  readonly exempt: ReadonlyArray<{ start: number; end: number }>;
  /** Lines of raw HTML and code, where a fence is text (to say why a block was not read). */
  readonly literal: ReadonlyArray<{ start: number; end: number }>;
  /** Last lines of every container the parser made, of any name. */
  readonly ends: ReadonlySet<number>;
}

/**
 * What the parser made of the fences: each part is a tree and the report line its line 1
 * stands on (a block of the incremental parse, or the whole tree at line 1).
 */
export function parsedFences(
  parts: ReadonlyArray<{ readonly tree: Root; readonly line: number }>,
): ParsedFences {
  const exempt: Array<{ start: number; end: number }> = [];
  const literal: Array<{ start: number; end: number }> = [];
  const ends = new Set<number>();
  for (const part of parts) collect(part.tree, part.line - 1, { exempt, literal, ends });
  return { exempt, literal, ends };
}

function collect(
  tree: Root,
  shift: number,
  found: {
    exempt: Array<{ start: number; end: number }>;
    literal: Array<{ start: number; end: number }>;
    ends: Set<number>;
  },
): void {
  const { exempt, literal, ends } = found;
  walk<Nodes>(tree, (node) => {
    if (!node.position) return;
    const lines = {
      start: node.position.start.line + shift,
      end: node.position.end.line + shift,
    };
    if (node.type === 'containerDirective') ends.add(lines.end);
    if (node.type === 'containerDirective' && node.name.toLowerCase() === 'exempt') {
      exempt.push(lines);
    } else if (node.type === 'html' || node.type === 'code') literal.push(lines);
  });
}

/** Every disagreement between the scan and the parse, as an `unmatched-fence` error. */
export function fenceProblems(
  scan: FenceScan,
  parsedTree: ParsedFences,
  text: string,
  file: string,
): Message[] {
  const parsed = parsedTree.exempt;
  const inLiteral = (line: number) =>
    parsedTree.literal.some((span) => line >= span.start && line <= span.end);
  const messages: Message[] = [];
  const lines = text.split('\n');
  const report = (line: number, reason: string) => {
    const column = Math.max(1, (lines[line - 1] ?? '').search(/\S/) + 1);
    messages.push(createMessage(RULES.unmatchedFence, reason, { file, line, column }));
  };
  const byStart = new Map(parsed.map((block) => [block.start, block]));
  const scanned = new Set(scan.regions.map((region) => region.opener));
  for (const region of scan.regions) {
    const line = lines[region.opener - 1] ?? '';
    if (region.pandoc) {
      report(
        region.opener,
        'Write the exempt block as `:::exempt` (no space, no braces): this Pandoc-style fence is not read, so its content would be published',
      );
      continue;
    }
    const block = byStart.get(region.opener);
    if (region.closer === undefined) {
      report(region.opener, 'This exempt block is never closed: end it with a `:::` line');
    } else if (!block) {
      report(
        region.opener,
        `This line is not read as the start of an exempt block (${inLiteral(region.opener) ? 'it is inside an HTML comment, raw HTML or code; take it out, or delete the block' : whyNotOpened(line)}), so its content would be published`,
      );
    } else if (block.end !== region.closer) {
      report(
        region.opener,
        `The Markdown ends this exempt block at line ${block.end}, not at its \`:::\` on line ${region.closer} (a \`:::\` line in code, \`<pre>\` or an HTML comment, or a nested block with as many colons, closes it early); the lines after it would be published`,
      );
    }
  }
  for (const block of parsed) {
    if (!scanned.has(block.start)) {
      report(
        block.start,
        'Start an exempt block with `:::exempt` at the beginning of a line, outside lists, quotes and indented text',
      );
    }
  }
  for (const line of scan.nested) {
    if (!byStart.has(line)) {
      report(
        line,
        'Start an exempt block with `:::exempt` at the beginning of a line, outside lists, quotes and indented text',
      );
    }
  }
  // A `:::` the scan pairs with an opener must close a block the parser made too: else the
  // opener was not read as a block (text after its name, a typo) and this line is a stray.
  const flagged = new Set(messages.map((message) => message.line));
  const regionClosers = new Set(scan.regions.map((region) => region.closer));
  for (const line of scan.closers) {
    if (parsedTree.ends.has(line)) continue;
    const region = scan.regions.find((r) => r.closer === line);
    if (regionClosers.has(line) && region && flagged.has(region.opener)) continue;
    report(
      line,
      inLiteral(line)
        ? 'This `:::` line is inside code or HTML, so it closes nothing: a report may not hold a `:::` line there'
        : 'This `:::` line closes nothing: the line that was meant to open its block was not read as one (text after the name, or a misspelling); fix the opening line',
    );
  }
  for (const line of scan.strays) {
    report(
      line,
      'This `:::` line closes nothing: a block above it was closed earlier (or never opened); remove it or fix the block it was meant to close',
    );
  }
  return messages;
}

function whyNotOpened(line: string): string {
  if (new RegExp(`^[ \\t]*[${ODD_SPACE}]`).test(line)) {
    return 'an invisible or no-break space comes before the colons';
  }
  if (/^(?: {4,}|\t)/.test(line)) return 'it is indented four spaces or a tab, which makes it code';
  if (new RegExp(`exempt[${ODD_SPACE}]`, 'i').test(line)) {
    return 'a non-breaking or invisible space follows `exempt`';
  }
  if (/exempt\s*\[/i.test(line)) return 'its label is not closed once with `]`, or text follows it';
  if (/exempt\s*\{[^}]*$/i.test(line)) return 'its attributes must be on one line, closed with `}`';
  return 'it must follow a blank line and read `:::exempt` with nothing after it but a label or attributes';
}

/** The text of each exempt region (the lines between its fences), for the public gate. */
export function regionTexts(scan: FenceScan, text: string): Array<{ line: number; text: string }> {
  const lines = text.split('\n');
  return scan.regions.map((region) => ({
    line: region.opener + 1,
    text: lines.slice(region.opener, (region.closer ?? lines.length + 1) - 1).join('\n'),
  }));
}

/** The report with every exempt region's lines emptied: what the public part says. */
export function outsideRegions(scan: FenceScan, text: string): string {
  if (scan.regions.length === 0) return text;
  const lines = text.split('\n');
  for (const region of scan.regions) {
    const last = region.closer ?? lines.length;
    for (let i = region.opener - 1; i < last; i++) lines[i] = '';
  }
  return lines.join('\n');
}
