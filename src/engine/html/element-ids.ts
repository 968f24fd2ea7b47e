/**
 * Element ids from content. A card, chart, breakdown or summary is named by the indicators
 * it shows (`sc-chart-OP148`) and by how many elements of that same name come before it in
 * the document (`sc-chart-OP148-2` for the second), so an edit in one block renames
 * nothing in the others but the later elements of its own name.
 *
 * While a block is built its ids are marks (`MARK_TOKEN 3 z`: the block's third id; or
 * with `L`, a `data-line`), because the occurrence and the block's first line are only
 * known once every block is placed. The serialized HTML is then split on the marks once
 * (a string split on an unguessable token, not a pattern over HTML) and kept as parts;
 * placing a block joins the parts with the numbers of the moment.
 */
import { randomBytes } from 'node:crypto';

/** A token no author text can hold: random, and made of letters and digits only. */
export function markToken(): string {
  return `q${randomBytes(8).toString('hex')}`;
}

/**
 * `prefix-SLUG` where SLUG names the indicators. Ids are letters and digits, `_` `.` `-`
 * in the data schema, but a CSV or untrusted file may hold anything, so every other
 * character is written as an escape starting with `_`: the slug holds only `[A-Za-z0-9_]`
 * and never `-`. Indicators of one element are joined by `--`, and the occurrence is
 * added as `-N`, so no two distinct names can meet, and a chart's own ids (`NAME-title`,
 * `NAME-clip1`) never equal another element's name.
 */
export function elementIdBase(prefix: string, keys: readonly string[]): string {
  const slugs = keys.filter((key) => key !== '').map(slug);
  return slugs.length === 0 ? prefix : `${prefix}-${slugs.join('--')}`;
}

function slug(key: string): string {
  let out = '';
  for (const char of key) {
    const code = char.codePointAt(0) ?? 0;
    const plain =
      (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (plain) out += char;
    else if (char === '_') out += '__';
    else if (char === '.') out += '_d';
    else if (char === '-') out += '_h';
    else out += `_u${code.toString(16)}_`;
  }
  return out;
}

/** Hands out marks for the ids and lines of one block (or one whole tree). */
export class IdMarks {
  /** Each mark's name without its occurrence, by the mark's number. */
  readonly bases: string[] = [];

  constructor(readonly token: string) {}

  id(prefix: string, keys: readonly string[]): string {
    this.bases.push(elementIdBase(prefix, keys));
    return `${this.token}${this.bases.length - 1}z`;
  }

  line(line: number): string {
    return `${this.token}L${line}z`;
  }
}

/** Serialized HTML cut at its marks: `texts[i]`, slot `i`, `texts[i + 1]`, and so on. */
export interface HtmlParts {
  readonly texts: readonly string[];
  /** A number >= 0 is an index into `ids`; a negative one is the line `-slot - 1`. */
  readonly slots: readonly number[];
  /** The names without occurrence, in the order they first appear in the HTML. */
  readonly ids: readonly string[];
}

export function splitMarks(html: string, marks: IdMarks): HtmlParts {
  const pieces = html.split(marks.token);
  const texts: string[] = [pieces[0] ?? ''];
  const slots: number[] = [];
  const ids: string[] = [];
  const order = new Map<number, number>();
  for (let index = 1; index < pieces.length; index++) {
    const piece = pieces[index]!;
    const end = piece.indexOf('z');
    const isLine = piece.startsWith('L');
    const number = Number(piece.slice(isLine ? 1 : 0, end));
    if (isLine) slots.push(-number - 1);
    else {
      let at = order.get(number);
      if (at === undefined) {
        at = ids.length;
        order.set(number, at);
        ids.push(marks.bases[number] ?? '');
      }
      slots.push(at);
    }
    texts.push(piece.slice(end + 1));
  }
  return { texts, slots, ids };
}

/** Names elements in document order: the second of a name gets `-2`. */
export class IdCounter {
  private readonly counts = new Map<string, number>();

  name(base: string): string {
    const count = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}

/** The HTML with its ids named (`names` by `parts.ids`) and its lines moved down by `lines`. */
export function joinParts(parts: HtmlParts, names: readonly string[], lines: number): string {
  if (parts.slots.length === 0) return parts.texts[0] ?? '';
  let html = parts.texts[0] ?? '';
  for (let index = 0; index < parts.slots.length; index++) {
    const slot = parts.slots[index]!;
    html += slot >= 0 ? (names[slot] ?? '') : String(-slot - 1 + lines);
    html += parts.texts[index + 1] ?? '';
  }
  return html;
}
