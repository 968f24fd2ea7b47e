/**
 * A quick reader for the plain YAML that data files are written in. The `yaml` package
 * takes about 170 ms for the benchmark's 118 KB data file once warm and twice that in a
 * new process, and a data file is read again after every change to it, so this reader
 * takes the common shapes in a single pass over the lines: block mappings and sequences,
 * `- key: value` items, one-line flow collections (`{ a: 1, b: x }`, `[a, b]`), plain
 * scalars resolved as the YAML 1.2 core schema resolves them, one-line quoted strings,
 * and whole-line comments.
 *
 * It gives up (returns undefined) on anything else, and the `yaml` package, which words
 * every error with its place, reads the file as before: tabs, carriage returns, anchors,
 * aliases, tags, block scalars, scalars over several lines, a comment after a value,
 * document markers, empty values, keys that are not strings, duplicate keys, and every
 * syntax error. What it does read it must read exactly as the `yaml` package does: the
 * same data (key order included) and the same place for every path. A differential
 * property test (test/data/read-plain-yaml.test.ts) holds it to that.
 */
import type { SourcePlace } from '../types.js';
import type { PathSegment, StructuredFile } from './read-structured.js';

/** A node read, with the offset at which the `yaml` package's node starts. */
interface PlainNode {
  readonly start: number;
  /** The node as `doc.toJS()` gives it. */
  readonly value: unknown;
  readonly pairs?: ReadonlyMap<string, PlainPair>;
  readonly items?: readonly PlainNode[];
  /**
   * Set on an item taken from a memo (see PlainItemMemo): its own `start` is in this
   * text, the offsets below it are in the text it was read from, `shift` characters off.
   */
  readonly shift?: number;
}

/** One top-level sequence item as read once: a function of its lines alone. */
interface MemoItem {
  /** The item's node, offsets in the text it was read from. */
  readonly node: PlainNode;
  /** Where the item's first line started in that text. */
  readonly lineStart: number;
  /** How far below the item's first line the reader stood after it (the next content line). */
  readonly rows: number;
}

/**
 * Remembers the items of the sequences under the root mapping (a data file's
 * `indicators:` entries) by their source lines, so that reading a file again after one
 * item changed reads only that item and gives the others back as the same objects.
 *
 * Reading an item there is a function of its lines: the reader only moves forward, and
 * an item ends at the first line with content (not blank, not a comment) indented no
 * deeper than its `-`. Those lines, and whether the text ended after them, are the key;
 * the depth is always the same (the root mapping and the sequence). A line left in
 * between that no collection takes makes the whole file fall to the `yaml` package, as
 * it does without the memo. Two items with the same lines share one value object. Keep
 * one memo per file: it holds only what the last read used.
 */
export class PlainItemMemo {
  private items = new Map<string, MemoItem>();
  private next = new Map<string, MemoItem>();
  /** Items read, and items given back, over all reads (for tests and benchmarks). */
  read = 0;
  reused = 0;

  /** @internal */
  get(key: string): MemoItem | undefined {
    const item = this.items.get(key);
    if (item) {
      this.reused++;
      this.next.set(key, item);
    }
    return item;
  }

  /** @internal */
  set(key: string, item: MemoItem): void {
    this.read++;
    this.next.set(key, item);
  }

  /** @internal The read is over: keep what it used, whether it succeeded or not. */
  done(): void {
    this.items = this.next;
    this.next = new Map();
  }
}

/** Ends a memo key when an item runs to the end of the text (no text read holds a tab). */
const AT_END = '\t';

interface PlainPair {
  readonly keyStart: number;
  readonly node: PlainNode;
}

interface Key {
  readonly key: string;
  readonly start: number;
  /** Just after the `:`. */
  readonly after: number;
}

/** Thrown anywhere in the reader to give the file to the `yaml` package. */
const GIVE_UP = new Error('not plain YAML');

/**
 * Characters the reader takes: printable characters and line feeds. Tabs, carriage
 * returns, a byte order mark, control characters, NEL and the Unicode line separators
 * (which YAML treats in ways a line-based reader would have to copy) are left out, and
 * so are unpaired surrogates.
 */
const UNTAKEN_CHARACTER =
  /[^\n\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** A line starting with `---` or `...` may be a document marker. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

/** Characters that cannot start a plain scalar (`-`, `?` and `:` may, before a non-space). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
const FLOW_INDICATORS = ',[]{}';

/**
 * The characters a plain scalar in a block runs over: up to a `:` followed by a space or
 * the line's end (a key's end), or a `#` after a space (a comment). Sticky regular
 * expressions scan runs of characters in compiled code, which matters most in a new
 * process, where a loop over characters still runs in the interpreter.
 */
const BLOCK_PLAIN_RUN = /(?:[^:#\n]|:(?=[^ \n])|(?<! )#)*/y;

/** In a flow collection, up to a flow indicator, a `:` or a `#` (the last two left alone). */
const FLOW_PLAIN_RUN = /[^,[\]{}:#\n]*/y;

/** Deeper than any data file nests; keeps a hostile file from exhausting the stack. */
const MAX_DEPTH = 64;

/**
 * The `yaml` package refuses an implicit key longer than 1024 characters; leave such
 * keys (and any near the limit) to it.
 */
const MAX_KEY_LENGTH = 1000;

/** The file read with the places of its nodes, or undefined when the `yaml` package must read it. */
export function readPlainYaml(
  text: string,
  file: string,
  memo?: PlainItemMemo,
): StructuredFile | undefined {
  if (UNTAKEN_CHARACTER.test(text) || DOCUMENT_MARKER.test(text)) return undefined;
  const reader = new PlainReader(text, memo);
  let root: PlainNode;
  try {
    root = reader.document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  } finally {
    memo?.done();
  }
  const at = (offset: number): SourcePlace => {
    const row = reader.rowOf(offset);
    return { file, line: row + 1, column: offset - reader.lineStart(row) + 1 };
  };
  // As the `yaml` package's reader does: walk down while the path exists, and answer the
  // deepest node found. `shift` is what the offsets below `node` are off by.
  const locate = (segments: readonly PathSegment[]) => {
    let node = root;
    let start = root.start;
    let shift = 0;
    for (const segment of segments) {
      const next = child(node, segment);
      if (next === undefined) break;
      node = next.node;
      if (node.shift === undefined) start = node.start + shift;
      else ({ start, shift } = node);
    }
    return { node, start, shift };
  };
  return {
    file,
    data: root.value,
    messages: [],
    placeOf: (segments) => at(locate(segments).start),
    placeOfKey: (segments, key) => {
      const { node, start, shift } = locate(segments);
      const keyStart = child(node, key)?.keyStart;
      return at(keyStart === undefined ? start : keyStart + shift);
    },
  };
}

/** A map's entries are found by the key's text; a sequence's items by a number only. */
function child(
  node: PlainNode,
  segment: PathSegment,
): { readonly keyStart?: number; readonly node: PlainNode } | undefined {
  if (node.pairs) return node.pairs.get(String(segment));
  if (node.items && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

/**
 * Reads line by line. `row` is always the next line with content (not blank, not a
 * comment), or the number of lines at the end. Block collections are read by their
 * column; nodes within a line by their offset in the text. The character at a line's
 * end offset is a line feed (or nothing), which no check below takes for anything else.
 */
class PlainReader {
  private readonly starts: number[] = [];
  private row = 0;
  /** Where the last node read within a line ended. */
  private next = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly memo?: PlainItemMemo,
  ) {
    for (let at = 0; ;) {
      this.starts.push(at);
      const newline = text.indexOf('\n', at);
      if (newline === -1) break;
      at = newline + 1;
    }
  }

  document(): PlainNode {
    this.row = this.contentFrom(0);
    // An empty document, or one of comments only, is read by the `yaml` package.
    if (this.row === this.starts.length) throw GIVE_UP;
    const column = this.indentOf(this.row);
    const root = this.isItem(column) ? this.sequence(column) : this.mapping(column);
    // Anything left is indented less than the root or is not a key: a syntax error.
    if (this.row !== this.starts.length) throw GIVE_UP;
    return root;
  }

  lineStart(row: number): number {
    return this.starts[row] ?? this.text.length;
  }

  /** The line an offset is on (binary search over the line starts). */
  rowOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStart(middle) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private lineEnd(row: number): number {
    const next = this.starts[row + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  private indentOf(row: number): number {
    const start = this.lineStart(row);
    return this.skipSpaces(start, this.lineEnd(row)) - start;
  }

  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === 0x20) at++;
    return at;
  }

  /** The end of a plain scalar: trailing spaces belong to no node. */
  private trimSpaces(start: number, end: number): number {
    while (end > start && this.text.charCodeAt(end - 1) === 0x20) end--;
    return end;
  }

  /** The first line from `row` that holds a node: blank lines and comments are skipped. */
  private contentFrom(row: number): number {
    for (; row < this.starts.length; row++) {
      const end = this.lineEnd(row);
      const first = this.skipSpaces(this.lineStart(row), end);
      if (first < end && this.text[first] !== '#') return row;
    }
    return row;
  }

  /** Whether a line in `from` up to `to` (not included) is a comment. */
  private hasComment(from: number, to: number): boolean {
    for (let row = from; row < to; row++) {
      const end = this.lineEnd(row);
      const first = this.skipSpaces(this.lineStart(row), end);
      if (this.text[first] === '#' && first < end) return true;
    }
    return false;
  }

  /** Whether the current line has a `-` item indicator at `column`. */
  private isItem(column: number): boolean {
    const at = this.lineStart(this.row) + column;
    const next = this.text[at + 1];
    return this.text[at] === '-' && (at + 1 === this.lineEnd(this.row) || next === ' ');
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  /**
   * Whether the collection at `column` goes on: the next line is at its column. A line
   * indented less belongs to an outer collection. A line indented more (the rest of a
   * scalar over several lines, or a mistake) ends every collection, and the document
   * gives up on it as a line left over.
   */
  private continues(column: number): boolean {
    return this.row < this.starts.length && this.indentOf(this.row) === column;
  }

  /** A block mapping whose first key is at `column` of the current line. */
  private mapping(column: number): PlainNode {
    this.enter();
    const start = this.lineStart(this.row) + column;
    const value: Record<string, unknown> = {};
    const pairs = new Map<string, PlainPair>();
    do {
      const key = this.keyAt(this.lineStart(this.row) + column);
      if (key === undefined || pairs.has(key.key)) throw GIVE_UP;
      const node = this.valueAfterKey(column, key.after);
      value[key.key] = node.value;
      pairs.set(key.key, { keyStart: key.start, node });
    } while (this.continues(column));
    this.depth--;
    return { start, value, pairs };
  }

  /** The value of a block mapping's key: on the key's line, or on the lines below it. */
  private valueAfterKey(column: number, after: number): PlainNode {
    const end = this.lineEnd(this.row);
    const at = this.skipSpaces(after, end);
    if (at < end) return this.inline(at);
    const keyRow = this.row;
    this.row = this.contentFrom(this.row + 1);
    // `key:` with nothing below it is a null with no node to place it by.
    if (this.row === this.starts.length) throw GIVE_UP;
    const indent = this.indentOf(this.row);
    if (indent > column) {
      const commented = this.hasComment(keyRow + 1, this.row);
      const node = this.block(indent);
      // A scalar below its key with a comment between them can confuse the `yaml`
      // package's reading of the lines after it (found by the differential test).
      if (commented && !node.pairs && !node.items) throw GIVE_UP;
      return node;
    }
    // YAML lets a mapping's sequence start at the mapping's own column.
    if (indent === column && this.isItem(column)) return this.sequence(column);
    throw GIVE_UP;
  }

  /** A node that starts a line of its own, at `column`. */
  private block(column: number): PlainNode {
    if (this.isItem(column)) return this.sequence(column);
    const at = this.lineStart(this.row) + column;
    return this.keyAt(at) === undefined ? this.inline(at) : this.mapping(column);
  }

  /** A block sequence whose first `-` is at `column` of the current line. */
  private sequence(column: number): PlainNode {
    this.enter();
    const start = this.lineStart(this.row) + column;
    const items: PlainNode[] = [];
    // The root mapping and this sequence: an item here is read the same in any file.
    const memo = this.depth === 2 ? this.memo : undefined;
    do {
      items.push(memo ? this.memoItem(column, memo) : this.item(column));
    } while (this.continues(column) && this.isItem(column));
    this.depth--;
    return { start, value: items.map((item) => item.value), items };
  }

  /** The item whose `-` is at `column` of the current line. */
  private item(column: number): PlainNode {
    const end = this.lineEnd(this.row);
    // An empty item, an item that starts on the next line, a comment after the `-`, or
    // a sequence in a sequence (`- - x`) is no key and no plain scalar: inline() gives
    // up on them.
    const at = this.skipSpaces(this.lineStart(this.row) + column + 1, end);
    const itemColumn = at - this.lineStart(this.row);
    return this.keyAt(at) === undefined ? this.inline(at) : this.mapping(itemColumn);
  }

  /** An item read as item() reads it, or given back from the memo when its lines are the same. */
  private memoItem(column: number, memo: PlainItemMemo): PlainNode {
    const row = this.row;
    const lineStart = this.lineStart(row);
    let last = row + 1;
    while (last < this.starts.length && !this.endsItem(last, column)) last++;
    const key =
      this.text.slice(lineStart, this.lineStart(last)) +
      (last === this.starts.length ? AT_END : '');
    const known = memo.get(key);
    if (known) {
      this.row = row + known.rows;
      const shift = lineStart - known.lineStart;
      const { node } = known;
      return shift === 0 && node.shift === undefined
        ? node
        : { ...node, start: node.start + shift, shift };
    }
    const node = this.item(column);
    memo.set(key, { node, lineStart, rows: this.row - row });
    return node;
  }

  /** Whether `row` has content indented no deeper than `column`. */
  private endsItem(row: number, column: number): boolean {
    const start = this.lineStart(row);
    const end = this.lineEnd(row);
    const first = this.skipSpaces(start, Math.min(end, start + column + 1));
    return first - start <= column && first < end && this.text[first] !== '#';
  }

  /**
   * The key at `at` when the line holds `key: ...` there, else undefined. Gives up on a
   * key the `yaml` package would read as anything but a string of its own.
   */
  private keyAt(at: number): Key | undefined {
    const end = this.lineEnd(this.row);
    const first = this.text[at];
    const quoted = first === '"' || first === "'";
    let key: string;
    let colon: number;
    if (quoted) {
      key = this.quoted(at, end);
      colon = this.skipSpaces(this.next, end);
    } else {
      if (!this.plainStarts(at, end, false)) return undefined;
      // The run stops at the key's `:`, at a comment, or at the line's end.
      colon = this.scan(BLOCK_PLAIN_RUN, at);
      key = this.text.slice(at, this.trimSpaces(at, colon));
    }
    // In a block mapping the `:` must be followed by a space (`"a":1` is an error).
    if (this.text[colon] !== ':' || (colon + 1 < end && this.text[colon + 1] !== ' ')) {
      return undefined;
    }
    // `1: x`, `true: x`, `~: x`: keys that are numbers, booleans or null.
    if (!quoted && typeof resolvePlain(key) !== 'string') throw GIVE_UP;
    checkKey(key, colon - at);
    return { key, start: at, after: colon + 1 };
  }

  /** Where a run of characters that `pattern` (sticky) takes from `at` ends. */
  private scan(pattern: RegExp, at: number): number {
    pattern.lastIndex = at;
    pattern.test(this.text);
    return pattern.lastIndex;
  }

  /** A node that ends on the line it starts on, at `at`; moves on to the next line. */
  private inline(at: number): PlainNode {
    const end = this.lineEnd(this.row);
    const first = this.text[at];
    let node: PlainNode;
    if (first === '[' || first === '{' || first === '"' || first === "'") {
      node = first === '[' || first === '{' ? this.flow(at, end) : this.quotedNode(at, end);
      // Nothing may follow on the line, not even a comment (kept simple).
      if (this.skipSpaces(this.next, end) !== end) throw GIVE_UP;
    } else {
      node = this.blockPlain(at, end);
    }
    this.row = this.contentFrom(this.row + 1);
    return node;
  }

  /** A plain scalar running to the end of the line. */
  private blockPlain(at: number, end: number): PlainNode {
    if (!this.plainStarts(at, end, false)) throw GIVE_UP;
    // `a: b: c` nests a mapping (an error); ` #` starts a comment.
    if (this.scan(BLOCK_PLAIN_RUN, at) !== end) throw GIVE_UP;
    return { start: at, value: resolvePlain(this.text.slice(at, this.trimSpaces(at, end))) };
  }

  /** Whether a plain scalar may start at `at` (YAML's ns-plain-first). */
  private plainStarts(at: number, end: number, inFlow: boolean): boolean {
    if (at >= end) return false;
    const first = this.text.charAt(at);
    if (!INDICATORS.includes(first)) return first !== ' ';
    if (first !== '-' && first !== '?' && first !== ':') return false;
    const next = this.text.charAt(at + 1);
    if (at + 1 === end || next === ' ') return false;
    // In a flow collection only `-` (as in `-1`) is taken, and not before an indicator.
    return !inFlow || (first === '-' && !FLOW_INDICATORS.includes(next));
  }

  /** A flow collection closed on its line: `[a, b]`, `{ a: 1, b: [x] }`. */
  private flow(at: number, end: number): PlainNode {
    this.enter();
    const isMap = this.text[at] === '{';
    const close = isMap ? '}' : ']';
    const items: PlainNode[] = [];
    const pairs = new Map<string, PlainPair>();
    const value: Record<string, unknown> = {};
    let next = this.skipSpaces(at + 1, end);
    if (this.text[next] !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowKey(next, end);
          if (pairs.has(key)) throw GIVE_UP;
          const node = this.flowNode(this.skipSpaces(this.next, end), end);
          value[key] = node.value;
          pairs.set(key, { keyStart: next, node });
        } else {
          items.push(this.flowNode(next, end));
        }
        next = this.skipSpaces(this.next, end);
        if (this.text[next] !== ',') break;
        // A trailing comma (`[a, ]`) is valid YAML but rare: no node starts with `]` or
        // `}`, so it is left to the `yaml` package.
        next = this.skipSpaces(next + 1, end);
      }
      if (this.text[next] !== close) throw GIVE_UP;
    }
    this.depth--;
    this.next = next + 1;
    return isMap
      ? { start: at, value, pairs }
      : { start: at, value: items.map((item) => item.value), items };
  }

  /** A key in a flow mapping; `next` is left just past its `:`. */
  private flowKey(at: number, end: number): string {
    const first = this.text[at];
    if (first === '"' || first === "'") {
      // A quoted key may be followed by `:` with no space, as in JSON.
      const key = this.quoted(at, end);
      const colon = this.skipSpaces(this.next, end);
      if (this.text[colon] !== ':') throw GIVE_UP;
      checkKey(key, colon - at);
      this.next = colon + 1;
      return key;
    }
    if (!this.plainStarts(at, end, true)) throw GIVE_UP;
    const colon = this.scan(FLOW_PLAIN_RUN, at);
    // A plain key needs `: ` (`{a:1}` is the key `a:1` with no value).
    if (this.text[colon] !== ':' || this.text[colon + 1] !== ' ') throw GIVE_UP;
    const key = this.text.slice(at, this.trimSpaces(at, colon));
    if (typeof resolvePlain(key) !== 'string') throw GIVE_UP;
    checkKey(key, colon - at);
    this.next = colon + 1;
    return key;
  }

  /** A node inside a flow collection. */
  private flowNode(at: number, end: number): PlainNode {
    const first = this.text[at];
    if (first === '[' || first === '{') return this.flow(at, end);
    if (first === '"' || first === "'") return this.quotedNode(at, end);
    if (!this.plainStarts(at, end, true)) throw GIVE_UP;
    // `a: b` (a one-pair mapping), `12:30` and `x #y` stop the run at `:` or `#`, where
    // the collection finds neither a `,` nor its end, and gives up.
    const stop = this.scan(FLOW_PLAIN_RUN, at);
    this.next = stop;
    return { start: at, value: resolvePlain(this.text.slice(at, this.trimSpaces(at, stop))) };
  }

  private quotedNode(at: number, end: number): PlainNode {
    return { start: at, value: this.quoted(at, end) };
  }

  /** A single- or double-quoted scalar closed on its line; `next` is left past its end. */
  private quoted(at: number, end: number): string {
    const text = this.text;
    let value = '';
    let from = at + 1;
    if (text[at] === "'") {
      for (;;) {
        const quote = text.indexOf("'", from);
        if (quote === -1 || quote >= end) throw GIVE_UP;
        value += text.slice(from, quote);
        if (text[quote + 1] !== "'") {
          this.next = quote + 1;
          return value;
        }
        value += "'";
        from = quote + 2;
      }
    }
    for (let i = from; i < end; i++) {
      const c = text[i];
      if (c === '"') {
        this.next = i + 1;
        return value + text.slice(from, i);
      }
      if (c !== '\\') continue;
      value += text.slice(from, i);
      // Every escape needs at least one character after the backslash on this line.
      if (i + 1 >= end) throw GIVE_UP;
      const escape = text.charAt(i + 1);
      const simple = Object.hasOwn(ESCAPES, escape) ? ESCAPES[escape] : undefined;
      if (simple !== undefined) {
        value += simple;
        i += 1;
      } else if (escape === 'x' || escape === 'u') {
        const digits = escape === 'x' ? 2 : 4;
        const hex = text.slice(i + 2, i + 2 + digits);
        if (i + 2 + digits > end || !/^[0-9a-fA-F]+$/.test(hex)) throw GIVE_UP;
        value += String.fromCharCode(parseInt(hex, 16));
        i += 1 + digits;
      } else {
        // `\U`, an escaped line break, or an escape YAML does not have.
        throw GIVE_UP;
      }
      from = i + 1;
    }
    throw GIVE_UP;
  }
}

/** The one-character escapes of a double-quoted scalar (YAML 1.2), as the `yaml` package reads them. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/**
 * Keys the `yaml` package reads differently from a plain object's property, or refuses:
 * `__proto__` (which it defines as an own property), the merge key `<<`, and long keys.
 */
function checkKey(key: string, length: number): void {
  if (key === '__proto__' || key === '<<' || length > MAX_KEY_LENGTH) throw GIVE_UP;
}

/**
 * A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves
 * it: the first of its tests in order (null, bool, octal, decimal and hex integers,
 * infinities and NaN, exponent floats, floats) that matches. Each test can match only
 * scalars starting with certain characters, so the first character picks the tests to run.
 */
export function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0);
  if (first === 0x7e /* ~ */ || first === 0x6e /* n */ || first === 0x4e /* N */) {
    return /^(?:~|[Nn]ull|NULL)$/.test(source) ? null : source;
  }
  if (first === 0x74 /* t */ || first === 0x54 /* T */ || first === 0x66 || first === 0x46) {
    return /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)
      ? first === 0x74 || first === 0x54
      : source;
  }
  // Anything else but a digit, a sign or a dot is a string.
  if (!(first >= 0x30 && first <= 0x39) && first !== 0x2b && first !== 0x2d && first !== 0x2e) {
    return source;
  }
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return first === 0x2d ? -Infinity : Infinity;
  }
  if (
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)
  ) {
    return parseFloat(source);
  }
  return source;
}
