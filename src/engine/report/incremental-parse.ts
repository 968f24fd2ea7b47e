/**
 * Block-level incremental parsing. The preview re-renders on every pause in typing, and a
 * full remark parse of a long annual report costs tens of milliseconds; an edit touches
 * one block. So the text is cut into top-level blocks at places where no Markdown
 * construct can span the cut, each block is parsed alone (and remembered by its text),
 * and the blocks' trees are put together with their positions moved to where the block
 * stands. When the text holds anything that could tie blocks together (definitions,
 * footnotes, multi-line raw HTML, indented fences), the whole text is parsed instead.
 */
import type { Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { itemsOf, PatchedList, type ReadList } from '../patched-list.js';
import { opensContainer } from './container-opening.js';
import { detached } from './detached-text.js';
import { parseReport } from './parse-report.js';

/** The same plugins as `parseReport`; the property test holds the two together. */
const firstBlockParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective);

/** Front matter exists only at the very start; a later block that looks like it is not. */
const laterBlockParser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** One top-level block of the report text. */
export interface BlockSpan {
  /** Offset of the block's first character in the report. */
  readonly offset: number;
  /** 1-based line the block starts on. */
  readonly line: number;
  readonly text: string;
}

const BLANK = /^[ \t]*\r?$/;
const FRONT_MATTER_OPEN = /^---\r?$/;
const FRONT_MATTER_CLOSE = /^---[ \t]*\r?$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const CONTAINER = /^ {0,3}(:{3,})(.*)$/;
/** A `:::name` opening anywhere but at the start of a line. */
const NESTED_CONTAINER = /^(?! {0,3}:{3,}).*?:{3,}[A-Za-z]/;
/** `[label]:` starts a definition or a footnote definition, which links blocks together. */
const DEFINITION = /\]:|\[\^/;
/** Raw HTML kinds 1 to 5 run past blank lines until their end marker. */
const HTML_OPEN = /<!--|<\?|<!\[CDATA\[|<![A-Za-z]|<(?:script|pre|style|textarea)(?=[\s>]|$)/gi;
const HTML_END: ReadonlyArray<readonly [RegExp, string]> = [
  [/^<!--/, '-->'],
  [/^<\?/, '?>'],
  [/^<!\[CDATA\[/, ']]>'],
  [/^<![A-Za-z]/, '>'],
];

/**
 * Cuts the text into blocks, or returns undefined when a cut cannot be proved safe.
 *
 * A cut goes before a line that follows a blank line, starts in column 1 with a
 * character that cannot continue a list (`-`, `*`, `+`, a digit) or indented content,
 * and lies outside fenced code and `:::` containers. After a blank line nothing but list
 * items and indented lines continues a block, so such a line starts a new top-level
 * block in any parse; merging two blocks is always safe, so every doubt merges.
 */
export function splitBlocks(text: string): BlockSpan[] | undefined {
  // The engine hands over text with LF line ends only (decode-text.ts); a CR anywhere (as
  // CRLF too: the patterns below read lines split at LF) is parsed whole.
  if (text.charCodeAt(0) === 0xfeff || text.includes('\r') || DEFINITION.test(text)) {
    return undefined;
  }
  const lines = text.split('\n');
  if (!linesAreSafe(lines)) return undefined;
  const cuts: number[] = [0];
  let index = 0;
  if (FRONT_MATTER_OPEN.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_CLOSE.test(line));
    if (close === -1) return undefined;
    index = close + 1;
    if (index < lines.length) cuts.push(index);
  }
  let fence: { readonly marker: string; readonly size: number } | undefined;
  const containers: number[] = [];
  let previousBlank = false;
  for (let i = index; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const closing = containerClosing(line);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      else if (closing !== undefined && closeContainers(containers, closing)) {
        // A container's closing fence is checked before its content, so it ends the code too.
        fence = undefined;
      }
      previousBlank = false;
      continue;
    }
    if (previousBlank && containers.length === 0 && i > index && startsBlock(line)) cuts.push(i);
    const opened = FENCE.exec(line);
    if (opened?.[1] && !(opened[1].startsWith('`') && opened[2]?.includes('`'))) {
      fence = { marker: opened[1].charAt(0), size: opened[1].length };
    } else if (closing !== undefined) {
      closeContainers(containers, closing);
    } else {
      const size = containerOpening(line);
      if (size !== undefined) containers.push(size);
    }
    previousBlank = BLANK.test(line);
  }
  const starts = [0];
  for (let i = 0; i < lines.length - 1; i++)
    starts.push((starts[i] ?? 0) + (lines[i]?.length ?? 0) + 1);
  return cuts.map((cut, k) => {
    const offset = starts[cut] ?? text.length;
    const next = cuts[k + 1];
    const end = next === undefined ? text.length : (starts[next] ?? text.length);
    return { offset, line: cut + 1, text: text.slice(offset, end) };
  });
}

/**
 * Fences and container openings anywhere but column 1 (lists, quotes) and raw HTML over
 * several lines tie lines together in ways the cutter does not follow: such text is
 * parsed whole.
 */
function linesAreSafe(lines: readonly string[]): boolean {
  for (const [i, line] of lines.entries()) {
    // Raw HTML blocks swallow fences and containers up to the next blank line.
    if (/^ {0,3}</.test(line) && !BLANK.test(lines[i + 1] ?? '')) return false;
    const fence = /`{3,}|~{3,}/.exec(line);
    if (fence && fence.index > 0) return false;
    // Likewise a container opened inside a list item or a quote (`- :::note`): its content
    // runs on past blank lines in ways the cutter's container count does not follow.
    if (NESTED_CONTAINER.test(line)) return false;
    for (const match of line.matchAll(HTML_OPEN)) {
      const rest = line.slice(match.index);
      const end =
        HTML_END.find(([open]) => open.test(rest))?.[1] ??
        `</${(match[0].slice(1).match(/[a-z]+/i)?.[0] ?? '').toLowerCase()}>`;
      if (!rest.toLowerCase().includes(end, match[0].length)) return false;
    }
  }
  return true;
}

/**
 * Like micromark: each open container checks for its closing fence before its content
 * sees the line, outermost first, and closing one closes everything inside it.
 */
function closeContainers(containers: number[], closing: number): boolean {
  const outermost = containers.findIndex((size) => closing >= size);
  if (outermost === -1) return false;
  containers.length = outermost;
  return true;
}

/**
 * What the cutter reads in a `:::` line: whether it closes or opens a container, with how
 * many colons, or opens one inside a list or quote. The same reading before and after an
 * edit of the line leaves every cut where it was (quiet-edit.ts).
 */
export function containerReading(line: string): string {
  return `${containerClosing(line)} ${containerOpening(line)} ${NESTED_CONTAINER.test(line)}`;
}

/**
 * The blocks a line makes when parsed alone, outermost first (`list listItem
 * leafDirective`): a leaf directive's line is a paragraph once text follows its brace,
 * and the line after a paragraph reads otherwise (lazy continuation, not code or a new
 * item). The same shape before and after an edit of the line leaves the lines after it as
 * they were (quiet-edit.ts).
 */
export function lineShape(line: string): string {
  const types: string[] = [];
  let nodes: readonly RootContent[] = laterBlockParser.parse(line).children;
  while (nodes.length > 0) {
    types.push(nodes.map((node) => node.type).join('+'));
    const first = nodes[0]!;
    nodes =
      'children' in first && first.type !== 'paragraph' && first.type !== 'leafDirective'
        ? (first.children as RootContent[])
        : [];
  }
  return types.join(' ');
}

/**
 * The colon count of a line that opens a container. The opening grammar (name, label,
 * attributes, nothing after) is remark-directive's, so it answers (container-opening.ts).
 */
function containerOpening(line: string): number | undefined {
  const match = CONTAINER.exec(line);
  if (!match?.[1] || !/^[A-Za-z]/.test(match[2] ?? '')) return undefined;
  return opensContainer(line, (alone) => laterBlockParser.parse(alone))
    ? match[1].length
    : undefined;
}

function startsBlock(line: string): boolean {
  const first = line.charAt(0);
  return first !== '' && !/[\s\-*+0-9]/.test(first);
}

function closesFence(
  line: string,
  fence: { readonly marker: string; readonly size: number },
): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*\r?$/.exec(line);
  return (
    match?.[1] !== undefined && match[1].charAt(0) === fence.marker && match[1].length >= fence.size
  );
}

/** The colon count of a `:::` line that could close a container. */
function containerClosing(line: string): number | undefined {
  const match = CONTAINER.exec(line);
  if (!match?.[1] || !BLANK.test(match[2] ?? '')) return undefined;
  return match[1].length;
}

/** A copy of a parsed block with every position moved to where the block stands. */
function shifted<T>(value: T, lines: number, offset: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => shifted(item, lines, offset)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  // `for...in` rather than `Object.entries`: a long report's trees hold tens of thousands
  // of objects, and an array of pairs for each is garbage the first render collects.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (key === 'position' && item && typeof item === 'object') {
      const { start, end } = item as {
        start: { line: number; column: number; offset?: number };
        end: { line: number; column: number; offset?: number };
      };
      copy[key] = { start: movePoint(start, lines, offset), end: movePoint(end, lines, offset) };
    } else {
      copy[key] = shifted(item, lines, offset);
    }
  }
  return copy as T;
}

function movePoint(
  point: { line: number; column: number; offset?: number },
  lines: number,
  offset: number,
): { line: number; column: number; offset?: number } {
  return {
    line: point.line + lines,
    column: point.column,
    ...(point.offset === undefined ? {} : { offset: point.offset + offset }),
  };
}

/** The point just past the end of the text, as micromark gives the root. */
function endPoint(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

/**
 * The whole text's tree from its blocks, every position moved to where its block stands.
 * A block starts at the start of its line, so its offset is worked out from the text here
 * rather than kept in the block: typing moves every later block's offset, and no line.
 */
export function treeOf(blocks: Iterable<ParsedBlock>, text: string): Root {
  const children: RootContent[] = [];
  let line = 1;
  let lineStart = 0;
  for (const block of blocks) {
    while (line < block.line) {
      lineStart = text.indexOf('\n', lineStart) + 1;
      line++;
    }
    for (const node of block.nodes()) {
      children.push(shifted(node, block.line - 1, lineStart));
    }
  }
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) },
  };
}

/**
 * The one block whose text changed between two cuts of a text, every block on the line
 * it was: its index, or -1 when none changed; undefined for any other change.
 */
export function onlyChangedBlock(
  before: ReadList<{ readonly line: number; readonly text: string }>,
  after: ReadList<{ readonly line: number; readonly text: string }>,
): number | undefined {
  if (before.length !== after.length) return undefined;
  let changed = -1;
  for (let index = 0; index < after.length; index++) {
    const block = after.at(index)!;
    const was = before.at(index)!;
    if (block.line !== was.line) return undefined;
    if (block.text === was.text) continue;
    if (changed !== -1) return undefined;
    changed = index;
  }
  return changed;
}

/**
 * A parsed block, positions relative to the block's own start. It has no offset: the same
 * block stands for its text on its line while typing elsewhere moves it (see `treeOf`).
 */
export interface ParsedBlock {
  /** 1-based line the block starts on. */
  readonly line: number;
  readonly text: string;
  /**
   * Fresh copy of the block's nodes, positions relative to the block (line 1, offset 0).
   * A block not seen before is parsed on the first call, so a renderer that works
   * through the blocks in order parses each just before it needs it.
   */
  readonly nodes: () => RootContent[];
  /** The block's nodes as parsed and kept: for reading only, never to be changed. */
  readonly pristine: () => readonly RootContent[];
}

/**
 * How one list of blocks (or spans) differs from the list before it: only the text of the
 * one at `edited` (-1: none), every block starting on the line it did. Whoever made the
 * change knows this without comparing the lists; the identities say which lists it is about.
 */
export interface BlockEdit<T> {
  readonly before: ReadList<T>;
  readonly after: ReadList<T>;
  readonly edited: number;
}

/**
 * Parses report text, reusing the blocks it parsed last time. One per open document:
 * it remembers only the blocks of the text it saw last.
 */
export class IncrementalParser {
  private blocks = new Map<string, readonly RootContent[]>();
  /** The first block apart: it alone is parsed with front matter. */
  private first: { readonly text: string; readonly nodes: readonly RootContent[] } | undefined;
  /** Blocks parsed and reused since the last `parse`/`parseBlocks` (for tests and benchmarks). */
  lastStats = { parsed: 0, reused: 0, whole: false };
  /** Counts the cuts, so that a block kept from one to the next is counted in each. */
  round = 0;
  /** The spans last cut and their blocks, for the next quiet edit. */
  private last:
    { readonly spans: ReadList<BlockSpan>; readonly blocks: PatchedList<ParsedBlock> } | undefined;
  /** How many of the last spans have each text (a text may stand in several blocks). */
  private textCounts = new Map<string, number>();
  /** How the last blocks given out differ from the ones before, when only one changed. */
  lastEdit: BlockEdit<ParsedBlock> | undefined;

  /** The same tree as `parseReport(text)`; the caller owns it and may change it. */
  parse(text: string): Root {
    const blocks = this.parseBlocks(text);
    return blocks ? treeOf(blocks, text) : parseReport(text);
  }

  /**
   * The text's blocks with their nodes in block-relative positions, or undefined when the
   * text must be parsed whole. Lets a renderer cache its work per block too.
   */
  parseBlocks(
    text: string,
    /** The text's blocks when the caller has cut it already (`splitBlocks(text)`). */
    cut?: ReadList<BlockSpan> | undefined,
    /** How `cut` differs from the spans given last time, when the caller knows. */
    spanEdit?: BlockEdit<BlockSpan> | undefined,
  ): PatchedList<ParsedBlock> | undefined {
    const spans = cut ?? splitBlocks(text);
    this.lastEdit = undefined;
    if (!spans) {
      this.blocks.clear();
      this.textCounts.clear();
      this.first = undefined;
      this.last = undefined;
      this.lastStats = { parsed: 0, reused: 0, whole: true };
      return undefined;
    }
    this.lastStats = { parsed: 0, reused: 0, whole: false };
    this.round++;
    const blocks = this.quietlyEdited(spans, spanEdit) ?? this.cut(spans);
    this.last = { spans, blocks };
    return blocks;
  }

  /**
   * The blocks of a text whose one block changed and the others kept their text and line
   * (typing in a paragraph), or none did: the other blocks are the same objects, and only
   * the edited text is looked up. Undefined for any other change.
   */
  private quietlyEdited(
    spans: ReadList<BlockSpan>,
    spanEdit: BlockEdit<BlockSpan> | undefined,
  ): PatchedList<ParsedBlock> | undefined {
    const last = this.last;
    if (!last) return undefined;
    // The caller's word for it, when it is about these spans and the last ones.
    const known = spanEdit?.before === last.spans && spanEdit.after === spans;
    const edited = known ? spanEdit.edited : onlyChangedBlock(last.spans, spans);
    // The first block alone may hold front matter: a change there is cut again.
    if (edited === undefined || edited === 0) return undefined;
    // Every block but the edited one is kept: a block is its text on its line, wherever
    // the typing before it moved it.
    if (edited === -1) {
      this.lastEdit = { before: last.blocks, after: last.blocks, edited };
      return last.blocks;
    }
    // The edited block's last text goes, unless another block has it too.
    const span = detachedSpan(spans.at(edited)!);
    const gone = last.spans.at(edited)!.text;
    this.countText(span.text, 1);
    if (this.countText(gone, -1) <= 0) this.blocks.delete(gone);
    const blocks = last.blocks.with(edited, new Block(span, false, this));
    this.lastEdit = { before: last.blocks, after: blocks, edited };
    return blocks;
  }

  /** Adds `by` to the number of spans with `text`; returns the new number. */
  private countText(text: string, by: 1 | -1): number {
    const count = (this.textCounts.get(text) ?? 0) + by;
    if (count > 0) this.textCounts.set(text, count);
    else this.textCounts.delete(text);
    return count;
  }

  /** The blocks of a text, keeping the parsed nodes of the blocks it still has. */
  private cut(spans: ReadList<BlockSpan>): PatchedList<ParsedBlock> {
    // Keyed by the block's text itself: an unchanged block's string is the one seen last
    // time, whose hash the engine keeps, so looking it up costs nothing per character.
    const previous = this.blocks;
    const previousFirst = this.first;
    this.blocks = new Map();
    this.textCounts = new Map();
    this.first = undefined;
    const blocks: ParsedBlock[] = [];
    for (const [index, span] of itemsOf(spans).entries()) {
      this.countText(span.text, 1);
      if (index === 0) {
        if (previousFirst?.text === span.text) this.first = previousFirst;
      } else {
        const known = previous.get(span.text);
        if (known) this.blocks.set(span.text, known);
      }
      // A text not seen before gets its own copy (see detached-text.ts); the others keep
      // the report they were cut from alive only until the next cut.
      const kept = index === 0 ? this.first !== undefined : this.blocks.has(span.text);
      blocks.push(new Block(kept ? span : detachedSpan(span), index === 0, this));
    }
    return PatchedList.of(blocks);
  }

  /** A block's nodes as kept, parsed on first use (`ParsedBlock.pristine`). */
  nodesOf(text: string, first: boolean): readonly RootContent[] {
    let nodes = first ? this.first?.nodes : this.blocks.get(text);
    if (nodes) return nodes;
    const parser = first ? firstBlockParser : laterBlockParser;
    nodes = (parser.runSync(parser.parse(text)) as Root).children;
    if (first) this.first = { text, nodes };
    else this.blocks.set(text, nodes);
    this.lastStats.parsed++;
    return nodes;
  }
}

function detachedSpan(span: BlockSpan): BlockSpan {
  return { offset: span.offset, line: span.line, text: detached(span.text) };
}

/** One block of a text, its nodes parsed when first asked for. */
class Block implements ParsedBlock {
  readonly line: number;
  readonly text: string;
  /** The parser's round in which the block was last counted as parsed or reused. */
  private countedIn = -1;
  constructor(
    span: BlockSpan,
    private readonly first: boolean,
    private readonly parser: IncrementalParser,
  ) {
    this.line = span.line;
    this.text = span.text;
  }
  nodes(): RootContent[] {
    return shifted([...this.pristine()], 0, 0);
  }
  pristine(): readonly RootContent[] {
    const before = this.parser.lastStats.parsed;
    const nodes = this.parser.nodesOf(this.text, this.first);
    const round = this.parser.round;
    if (this.countedIn !== round && this.parser.lastStats.parsed === before) {
      this.parser.lastStats.reused++;
    }
    this.countedIn = round;
    return nodes;
  }
}
