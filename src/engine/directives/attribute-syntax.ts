import { directiveSpec } from './registry.js';

export interface AttributeSyntaxHit {
  /** 0-based offset of the first colon. */
  readonly offset: number;
  readonly length: number;
  readonly written: string;
  /** The same directive written with braces, offered as the fix. */
  readonly replacement: string;
}

/**
 * Attributes as people first sketch them: `:::indicator<id=OP148>` or `:value(id=OP660)`.
 * remark-directive does not see these as directives at all, so they are found in the
 * source text; only known directive names count, so `10:30(am)` is left alone.
 */
const SKETCH = /(?<![\w:])(:{1,3})([A-Za-z][\w-]*)(\[[^\]\n]*\])?\s?(<([^<>\n]*)>|\(([^()\n]*)\))/g;

export function findAttributeSyntax(text: string): AttributeSyntaxHit[] {
  const hits: AttributeSyntaxHit[] = [];
  for (const match of text.matchAll(SKETCH)) {
    const [written, colons = '', name = '', label = '', , angled, round] = match;
    const inner = (angled ?? round ?? '').trim();
    if (!directiveSpec(name) || !/^[\w.#-]+\s*=|^[.#]/.test(inner)) continue;
    if (isEscaped(text, match.index)) continue;
    hits.push({
      offset: match.index,
      length: written.length,
      written,
      replacement: `${colons}${name}${label}{${inner.replace(/\s*,\s*/g, ' ')}}`,
    });
  }
  return hits;
}

/** A known directive written with braces, whose attributes remark may or may not have read. */
export interface BracedDirective {
  /** 0-based offset of the first colon. */
  readonly offset: number;
  readonly colons: number;
  readonly name: string;
  /** A space between the name (or label) and the brace, which remark does not allow. */
  readonly spaced: boolean;
}

const BRACED = /(?<![\w:])(:{1,3})([A-Za-z][\w-]*)(\[[^\]\n]*\])?(\s?)\{/g;

/**
 * Every known directive in the text written with braces. Where remark made no directive
 * of one, its attributes could not be read (a `\"` inside quotes, a brace left open, a
 * space before the brace) and the author's directive would be shown as text.
 */
export function findBracedDirectives(text: string): BracedDirective[] {
  const found: BracedDirective[] = [];
  for (const match of text.matchAll(BRACED)) {
    const [, colons = '', name = '', , space = ''] = match;
    if (!directiveSpec(name) || isEscaped(text, match.index)) continue;
    found.push({ offset: match.index, colons: colons.length, name, spaced: space !== '' });
  }
  return found;
}

/**
 * `\:value{id=OP148}`: a backslash before the colon makes the directive text, as the
 * author meant (an odd run of backslashes escapes; an even one is backslashes).
 */
function isEscaped(text: string, offset: number): boolean {
  let backslashes = 0;
  while (text.charAt(offset - 1 - backslashes) === '\\') backslashes++;
  return backslashes % 2 === 1;
}
