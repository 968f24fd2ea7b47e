/**
 * The preview's unit of patching: each top-level block's HTML under a key that stays the
 * same while the block's output does. A line typed above a block moves its `data-line`
 * numbers and nothing else, so the key is taken over the HTML with those numbers made
 * relative to the block's first one: the preview then shifts the numbers of the nodes it
 * has instead of receiving the block again.
 */
import { createHash } from 'node:crypto';

export interface PreviewBlock {
  /** Unique within one render; equal keys mean equal HTML up to a `data-line` shift. */
  readonly key: string;
  readonly html: string;
}

const DATA_LINE = / data-line="(\d+)"/g;

/** The first `data-line` number in `html`, or undefined when it has none. */
export function firstDataLine(html: string): number | undefined {
  const match = / data-line="(\d+)"/.exec(html);
  return match ? Number(match[1]) : undefined;
}

/**
 * Keys for the blocks of one render, in order. `relativeLines: false` keys the HTML as it
 * is (a body that holds author-written `data-line` attributes must never be shifted).
 */
export function keyBlocks(
  htmls: readonly string[],
  relativeLines = true,
  known?: Map<string, string>,
): readonly PreviewBlock[] {
  const seen = new Map<string, number>();
  return htmls.map((html) => {
    const digest = known?.get(html) ?? digestOf(html, relativeLines);
    known?.set(html, digest);
    // Two blocks with the same output (two rules, two equal paragraphs) stay apart.
    const occurrence = seen.get(digest) ?? 0;
    seen.set(digest, occurrence + 1);
    return { key: `${relativeLines ? 'r' : 'a'}${digest}.${occurrence}`, html };
  });
}

function digestOf(html: string, relativeLines: boolean): string {
  const base = relativeLines ? firstDataLine(html) : undefined;
  const keyed =
    base === undefined
      ? html
      : html.replace(DATA_LINE, (_, line: string) => ` data-line="${Number(line) - base}"`);
  return createHash('sha1').update(keyed).digest('base64url').slice(0, 22);
}

/**
 * Keys the blocks of one report after another, remembering the last render's digests: a
 * keystroke changes one block, and the block cache hands back the very same strings for
 * the others, so they are not hashed again.
 */
export class BlockKeyer {
  private last = new Map<string, string>();

  key(htmls: readonly string[]): readonly PreviewBlock[] {
    const known = new Map<string, string>();
    for (const html of htmls) {
      const digest = this.last.get(html);
      if (digest !== undefined) known.set(html, digest);
    }
    const blocks = keyBlocks(htmls, true, known);
    this.last = known;
    return blocks;
  }
}
