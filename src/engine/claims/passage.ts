/**
 * The officer's prose as plain text the claim rules can read: one passage per paragraph,
 * each inline directive standing as one placeholder character, with a map from every
 * character back to its offset in the report so a claim is reported where it is typed.
 */
import type { PhrasingContent } from 'mdast';

/** Stands for an inline directive in a passage (U+FFFC OBJECT REPLACEMENT CHARACTER). */
export const DIRECTIVE_MARK = '\uFFFC';

export interface DirectiveRef {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Index of its placeholder in the passage text. */
  readonly at: number;
}

export interface Passage {
  readonly text: string;
  /** Report offset of each character of `text` (a directive's is its first character). */
  readonly offsets: readonly number[];
  readonly directives: readonly DirectiveRef[];
}

interface Builder {
  text: string;
  offsets: number[];
  directives: DirectiveRef[];
}

/** Flattens a paragraph's inline content; code, HTML and images read as a neutral space. */
export function passageOf(children: readonly PhrasingContent[]): Passage {
  const builder: Builder = { text: '', offsets: [], directives: [] };
  for (const child of children) add(builder, child);
  return builder;
}

function push(builder: Builder, chars: string, offset: (index: number) => number): void {
  for (let i = 0; i < chars.length; i++) builder.offsets.push(offset(i));
  builder.text += chars;
}

function add(builder: Builder, node: PhrasingContent): void {
  const start = node.position?.start.offset ?? -1;
  const end = node.position?.end.offset ?? start;
  switch (node.type) {
    case 'text': {
      // Escapes and entities make the value shorter than its source: clamp into the node.
      const last = Math.max(start, end - 1);
      push(builder, node.value, (i) => (start < 0 ? -1 : Math.min(start + i, last)));
      return;
    }
    case 'textDirective': {
      const attributes: Record<string, string> = {};
      for (const [key, value] of Object.entries(node.attributes ?? {})) {
        if (typeof value === 'string') attributes[key] = value;
      }
      builder.directives.push({ name: node.name, attributes, at: builder.text.length });
      push(builder, DIRECTIVE_MARK, () => start);
      return;
    }
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      for (const child of node.children) add(builder, child);
      return;
    case 'break':
      push(builder, ' ', () => start);
      return;
    default:
      // Inline code, HTML, images, footnote references: nothing an officer claims in words.
      push(builder, ' \u2060 ', () => start);
  }
}
