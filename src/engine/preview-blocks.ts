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
export function keyBlocks(htmls: readonly string[], relativeLines = true): readonly PreviewBlock[] {
  const seen = new Map<string, number>();
  return htmls.map((html) => {
    const base = relativeLines ? firstDataLine(html) : undefined;
    const keyed =
      base === undefined
        ? html
        : html.replace(DATA_LINE, (_, line: string) => ` data-line="${Number(line) - base}"`);
    const digest = createHash('sha1').update(keyed).digest('base64url').slice(0, 22);
    // Two blocks with the same output (two rules, two equal paragraphs) stay apart.
    const occurrence = seen.get(digest) ?? 0;
    seen.set(digest, occurrence + 1);
    return { key: `${relativeLines ? 'r' : 'a'}${digest}.${occurrence}`, html };
  });
}
