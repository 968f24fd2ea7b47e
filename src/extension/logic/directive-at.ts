import { listItemAt, scanAttributes, type AttributeToken } from './attribute-scan.js';

/** A directive found on one line, with the attribute (if any) under the cursor. */
export interface DirectiveHit {
  readonly name: string;
  readonly colons: number;
  /** Span of the whole directive on the line (characters). */
  readonly start: number;
  readonly end: number;
  readonly attributes: ReadonlyMap<string, string>;
  /** The indicator id under the cursor, or the directive's own `id`. */
  readonly id?: string;
  /** Span of `id` on the line when the cursor is on an id value. */
  readonly idStart?: number;
  readonly idEnd?: number;
}

const DIRECTIVE = /(?<![\w\\:])(:{1,3})([A-Za-z][\w-]*)(\[[^\]]*\])?(?:\{([^}]*)\}?)?/g;
const ID_ATTRIBUTES = new Set(['id', 'ids']);

/** The directive that `character` falls in on `line`, if any. */
export function directiveAt(line: string, character: number): DirectiveHit | undefined {
  for (const match of line.matchAll(DIRECTIVE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (character < start || character > end) continue;
    const name = match[2] ?? '';
    const colons = (match[1] ?? ':').length;
    const inner = match[4];
    const tokens = inner === undefined ? [] : scanAttributes(inner);
    const innerStart = inner === undefined ? end : start + match[0].indexOf('{') + 1;
    const attributes = new Map(tokens.map((t) => [t.name, t.value ?? '']));
    const onId = idUnderCursor(tokens, character - innerStart);
    if (onId) {
      return {
        name,
        colons,
        start,
        end,
        attributes,
        id: onId.item,
        idStart: innerStart + onId.start,
        idEnd: innerStart + onId.end,
      };
    }
    const own = attributes.get('id');
    return { name, colons, start, end, attributes, ...(own ? { id: own } : {}) };
  }
  return undefined;
}

function idUnderCursor(
  tokens: readonly AttributeToken[],
  offset: number,
): { item: string; start: number; end: number } | undefined {
  for (const token of tokens) {
    if (!ID_ATTRIBUTES.has(token.name) || token.value === undefined) continue;
    const valueStart = token.valueStart ?? 0;
    const valueEnd = token.valueEnd ?? valueStart;
    if (offset < valueStart || offset > valueEnd) continue;
    const item = listItemAt(token.value, offset - valueStart);
    if (item.item === '') return undefined;
    return { item: item.item, start: valueStart + item.start, end: valueStart + item.end };
  }
  return undefined;
}
