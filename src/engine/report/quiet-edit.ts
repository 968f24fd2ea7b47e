import { fenceReading } from './exempt-scan.js';
import { mayLookLikeFrontMatter } from './front-matter-lookalike.js';
import { containerReading, lineShape } from './incremental-parse.js';

/**
 * Typing changes a few characters in one line. The checks at the door (work limits,
 * front-matter look-alikes, the `:::` line scan, the block cutter) each read the whole
 * text, so on every keystroke a long report paid for reading all of it again. They read
 * lines by their start (markers, fences, indentation), HTML, what a `:::` line opens,
 * marks side by side (`]:`, `[^`, runs of backticks, `_` at a word's edge, an escape)
 * and lines that look like front matter. An edit of plain characters after the line's
 * start, in a line none of them reads differently, with no such mark beside it, leaves
 * every one of their answers as it was: lines keep their numbers and every block but the
 * edited one keeps its text. `quietEdit` says when that holds; anything in doubt is read
 * whole. Lines with inline figures (`:value{id=X}`), links, table cells and a card's
 * opening line, where most typing happens, are quiet unless the typing touches a mark.
 */

export interface LineEdit {
  /** Offset in the old text where the two texts first differ. */
  readonly start: number;
  /** Characters of the old text replaced (from `start`). */
  readonly removed: number;
  /** Length of the text put in their place. */
  readonly inserted: number;
}

/** Characters an edit may remove or insert: none of them means anything to a door check. */
const PLAIN = /^[\p{L}\p{N} ,.;'"?!()/%£$€@+-]*$/u;
/**
 * What may stand beside the edit: a plain character, a mark that no check reads as one of
 * a pair with its neighbour (a table's `|`, a directive's colon and braces, `*`, `=`), a
 * line end (typing at the end of a line) or nothing (the text's end). Not `]`, `[`, `_`,
 * `\`, backticks or tildes: the edit could join or split `]:`, `[^`, `_` at a word's edge,
 * an escape, a fence's run. (`:::` it could join or split stands in one of the lines.)
 */
const NEIGHBOUR = /^[\p{L}\p{N} ,.;'"?!()/%£$€@+|{}*=:\n-]?$/u;
/**
 * A line's leading run of characters that can start a construct: spaces, quote and list
 * markers, headings, fences, tables, HTML. An edit must leave at least one character
 * after this run untouched before it, so the line starts as it did.
 */
const LEAD = /^[ \t>*+\-\d.)#=_~`:|<[\]!]*/;
/**
 * What, anywhere in a line, is read together with words that may be typed: an HTML tag's
 * or block's name (`<script`), and `data-line`, which the block render cache leaves to a
 * render of the whole tree (block-render-cache.ts). Runs of backticks, tildes or colons
 * that an edit joins or splits, and escapes, stand beside the edit, where NEIGHBOUR turns
 * them away; a `:::` line is read again (`fenceReading`, `containerReading`).
 */
const WATCHED = /<|data-line/i;
/**
 * A leaf directive's line (`::chart{id=OP148}`), in a quote or list too. Whether it is one
 * turns on every character after its name (`::chart{id=OP148}x` is a paragraph), and the
 * line after a paragraph reads otherwise than after a directive (`    :::` continues the
 * paragraph, or is indented code): such a line is read again (`lineShape`).
 */
const LEAF_LINE = /^[ \t>*+\-\d.)]*::(?!:)/;

/** True when the edit changes nothing: the two texts were the same. */
export function isNoEdit(edit: LineEdit): boolean {
  return edit.removed === 0 && edit.inserted === 0;
}

/** Where `after` differs from `before`, as one replacement. */
export function lineEdit(before: string, after: string): LineEdit {
  const shorter = Math.min(before.length, after.length);
  const start = sameFrom(before, after, shorter);
  const tail = sameTail(before, after, shorter - start);
  return { start, removed: before.length - start - tail, inserted: after.length - start - tail };
}

/**
 * Characters compared a run at a time, the runs doubling from this length while they
 * match and then halving down to one character: one string comparison of a run costs
 * about what a few characters do one by one, so a keystroke in the middle of a long
 * report costs a few dozen comparisons rather than one per character before it.
 */
const FIRST_RUN = 256;
/**
 * The longest run: the halving reads the last run again up to the difference, so a
 * run as long as the text before the edit would read that text nearly twice.
 */
const LONGEST_RUN = FIRST_RUN * 128;

/** How many characters the two texts have in common at their starts, up to `limit`. */
function sameFrom(before: string, after: string, limit: number): number {
  return commonRun(limit, (at, size) => before.slice(at, at + size) === after.slice(at, at + size));
}

/** How many characters the two texts have in common at their ends, up to `limit`. */
function sameTail(before: string, after: string, limit: number): number {
  return commonRun(
    limit,
    (tail, size) =>
      before.slice(before.length - tail - size, before.length - tail) ===
      after.slice(after.length - tail - size, after.length - tail),
  );
}

/**
 * How far, up to `limit`, two texts agree from one end: `same(from, size)` compares the
 * `size` characters `from` that end. Runs double while they match (up to LONGEST_RUN);
 * the first difference, or the limit, then lies in the run that did not, which is halved
 * down to the one character (run lengths are powers of two, so every half is whole).
 */
function commonRun(limit: number, same: (from: number, size: number) => boolean): number {
  const fits = (from: number, size: number) => from + size <= limit && same(from, size);
  let from = 0;
  let size = FIRST_RUN;
  while (fits(from, size)) {
    from += size;
    if (size < LONGEST_RUN) size *= 2;
  }
  while (size > 1) {
    size /= 2;
    if (fits(from, size)) from += size;
  }
  return from;
}

/**
 * True when the edit leaves every door check's answer unchanged: it stays in one line,
 * changes only plain characters after the line's start with no paired mark beside it,
 * and neither the old nor the new line holds HTML or looks like front matter, or is a
 * `:::` line the edit makes read differently.
 */
export function quietEdit(before: string, after: string, edit: LineEdit): boolean {
  const removed = before.slice(edit.start, edit.start + edit.removed);
  const inserted = after.slice(edit.start, edit.start + edit.inserted);
  if (!PLAIN.test(removed) || !PLAIN.test(inserted)) return false;
  // Only pairs that straddle the edit can be made or broken by it (`]` + `:` once the
  // characters between them go); the texts agree on both neighbours.
  const previous = before.charAt(edit.start - 1);
  const next = before.charAt(edit.start + edit.removed);
  if (!NEIGHBOUR.test(previous) || !NEIGHBOUR.test(next)) return false;
  const lineStart = before.lastIndexOf('\n', edit.start - 1) + 1;
  const column = edit.start - lineStart;
  const lines = [lineAt(before, lineStart), lineAt(after, lineStart)] as const;
  for (const line of lines) {
    if (column <= (LEAD.exec(line)?.[0].length ?? 0)) return false;
    if (WATCHED.test(line) || mayLookLikeFrontMatter(line)) return false;
  }
  // Typing in a card's or a scorecard's opening line (an id, a title): quiet while the
  // fence scan and the cutter read the line as before; in a chart's, while it stays one.
  const [old, edited] = lines;
  if ((LEAF_LINE.test(old) || LEAF_LINE.test(edited)) && lineShape(old) !== lineShape(edited))
    return false;
  return (
    !(old.includes(':::') || edited.includes(':::')) ||
    (fenceReading(old) === fenceReading(edited) &&
      containerReading(old) === containerReading(edited))
  );
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}
