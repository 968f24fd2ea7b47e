/**
 * The host's half of the block patch: what the preview must be sent to go from the blocks
 * it holds to a new render's. Only blocks it lacks travel with their HTML (a 100-chart
 * report is near 2 MB; a keystroke changes one paragraph of it).
 */
import { firstDataLine } from '../../engine/index.js';
import type { BlockSlot } from './preview-protocol.js';

export interface KeyedBlock {
  readonly key: string;
  readonly html: string;
}

/**
 * Slots for `next` given the blocks the page holds (`held`, undefined for a page that
 * holds none): a held key is kept, moved by the difference of its first `data-line` when
 * its HTML differs (the engine keys blocks so that is the only way they can differ).
 */
export function planBlocks(
  held: readonly KeyedBlock[] | undefined,
  next: readonly KeyedBlock[],
): BlockSlot[] {
  const known = new Map(held?.map((block) => [block.key, block.html]));
  return next.map(({ key, html }) => {
    const before = known.get(key);
    if (before === undefined) return { key, html };
    if (before === html) return { key };
    const from = firstDataLine(before);
    const to = firstDataLine(html);
    // Not a pure shift after all: send the block rather than guess.
    if (from === undefined || to === undefined || from === to) return { key, html };
    return { key, shift: to - from };
  });
}

/** How many characters of HTML a plan sends (tests and the output channel read it). */
export function sentChars(slots: readonly BlockSlot[]): number {
  return slots.reduce((sum, slot) => sum + (slot.html?.length ?? 0), 0);
}
