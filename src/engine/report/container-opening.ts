/**
 * Whether a `:::` line, read alone, opens a container: the block cutter asks this of every
 * opening line. Parsing each one alone costs a millisecond or more (remark sets up its
 * parser on every call), a hundred times in a report of a hundred cards, on every cold
 * render. The lines officers write are a name and plain attributes, which open a
 * container in any parse: those are answered here, and a differential test holds the
 * answer to remark-directive's (test/incremental-parse.test.ts). Every other line is
 * parsed, and the answer kept.
 */
import type { Root } from 'mdast';

/**
 * `:::indicator{id=OP148}`, `:::exempt`, `::::scorecard{ids="OP148 OP660" .wide #a}`:
 * a name, then attributes (`key`, `key=plain`, `key="quoted"`, `.class`, `#id`) apart by
 * spaces between braces, and nothing after but spaces.
 */
const ATTRIBUTE = String.raw`(?:[.#][A-Za-z][A-Za-z0-9-]*|[A-Za-z][A-Za-z0-9-]*(?:=[A-Za-z0-9.-]+|="[^"\n{}]*")?)`;
export const PLAIN_OPENING = new RegExp(
  String.raw`^ {0,3}:{3,}[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\{ *(?:${ATTRIBUTE}(?: +${ATTRIBUTE})*)? *\})?[ \t]*$`,
);

/** Lines parsed before, and whether remark-directive took them as a container. */
const parsed = new Map<string, boolean>();
const PARSED_LIMIT = 5000;

export function opensContainer(line: string, parse: (line: string) => Root): boolean {
  if (PLAIN_OPENING.test(line)) return true;
  let opens = parsed.get(line);
  if (opens === undefined) {
    opens = parse(line).children[0]?.type === 'containerDirective';
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(line, opens);
  }
  return opens;
}
