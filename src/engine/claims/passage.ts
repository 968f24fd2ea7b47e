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
  /** Report offset of a character of `text` (a directive's is its first character), or -1. */
  readonly sourceOffset: (index: number) => number;
  readonly directives: readonly DirectiveRef[];
}

/** A run of the passage's text and where it came from: `last` clamps escapes into the node. */
interface Segment {
  readonly at: number;
  readonly start: number;
  readonly last: number;
}

interface Builder {
  text: string;
  segments: Segment[];
  directives: DirectiveRef[];
}

/** Flattens a paragraph's inline content; code, HTML and images read as a neutral space. */
export function passageOf(children: readonly PhrasingContent[]): Passage {
  const builder: Builder = { text: '', segments: [], directives: [] };
  for (const child of children) add(builder, child);
  const { text, segments, directives } = builder;
  return {
    text,
    directives,
    sourceOffset: (index) => {
      let low = 0;
      let high = segments.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (segments[mid]!.at <= index) low = mid;
        else high = mid - 1;
      }
      const segment = segments[low];
      if (!segment || segment.start < 0) return -1;
      return Math.min(segment.start + index - segment.at, segment.last);
    },
  };
}

/** A plain passage whose text is its own source (for tests and tools). */
export function plainPassage(text: string, directives: readonly DirectiveRef[] = []): Passage {
  return { text, directives, sourceOffset: (index) => index };
}

function push(builder: Builder, chars: string, start: number, last = start): void {
  builder.segments.push({ at: builder.text.length, start, last });
  builder.text += chars;
}

function add(builder: Builder, node: PhrasingContent): void {
  const start = node.position?.start.offset ?? -1;
  const end = node.position?.end.offset ?? start;
  switch (node.type) {
    case 'text': {
      // Escapes and entities make the value shorter than its source: clamp into the node.
      push(builder, node.value, start, Math.max(start, end - 1));
      return;
    }
    case 'textDirective': {
      const attributes: Record<string, string> = {};
      for (const [key, value] of Object.entries(node.attributes ?? {})) {
        if (typeof value === 'string') attributes[key] = value;
      }
      builder.directives.push({ name: node.name, attributes, at: builder.text.length });
      push(builder, DIRECTIVE_MARK, start);
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
      push(builder, ' ', start);
      return;
    default:
      // Inline code, HTML, images, footnote references: nothing an officer claims in words.
      push(builder, ' \u2060 ', start, start);
  }
}
