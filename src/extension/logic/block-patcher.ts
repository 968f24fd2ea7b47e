/**
 * The preview page's half of the block patch: applies the host's slots to the content,
 * keeping the nodes of every block it already has (a chart's SVG stays the very same
 * node), adding the new ones, dropping the rest. Written against a small DOM interface
 * so the plan-and-apply round trip is tested in plain Node; the page passes the real DOM.
 */
import type { BlockSlot, ToPreview } from './preview-protocol.js';

export interface PatchDom<N> {
  /** The top-level nodes `html` parses to, not yet in the document. */
  parse(html: string): N[];
  /** The content's child nodes, in order. */
  children(): readonly N[];
  /** Inserts (or moves) `node` before `reference`, or at the end when it is null. */
  insertBefore(node: N, reference: N | null): void;
  remove(node: N): void;
  nextSibling(node: N): N | null;
  /** Adds `delta` to every `data-line` number in `node` and below it. */
  shiftLines(node: N, delta: number): void;
}

type BlocksMessage = Extract<ToPreview, { type: 'blocks' }>;

export class BlockPatcher<N> {
  private blocks = new Map<string, readonly N[]>();
  private seq: number | undefined;

  constructor(private readonly dom: PatchDom<N>) {}

  /**
   * Applies `message`; false when it is a patch on content this page does not hold (the
   * page then asks for the whole content and changes nothing meanwhile).
   */
  apply(message: BlocksMessage): boolean {
    const whole = message.base === null;
    if (!this.fits(message, whole)) return false;
    const next = new Map<string, readonly N[]>();
    for (const slot of message.blocks) {
      const held = whole ? undefined : this.blocks.get(slot.key);
      const nodes = slot.html !== undefined || !held ? this.dom.parse(slot.html ?? '') : held;
      if (slot.shift && held && slot.html === undefined)
        for (const node of nodes) this.dom.shiftLines(node, slot.shift);
      next.set(slot.key, nodes);
    }
    const keep = new Set<N>();
    for (const nodes of next.values()) for (const node of nodes) keep.add(node);
    // Whatever else is there goes: dropped blocks, and on a whole update the first page.
    for (const node of [...this.dom.children()]) if (!keep.has(node)) this.dom.remove(node);
    let cursor: N | null = this.dom.children()[0] ?? null;
    for (const nodes of next.values()) {
      for (const node of nodes) {
        if (node === cursor) cursor = this.dom.nextSibling(node);
        else this.dom.insertBefore(node, cursor);
      }
    }
    this.blocks = next;
    this.seq = message.seq;
    return true;
  }

  /** Checked before anything changes, so a refused patch leaves the page as it was. */
  private fits(message: BlocksMessage, whole: boolean): boolean {
    if (!whole && message.base !== this.seq) return false;
    const keys = new Set(message.blocks.map((slot: BlockSlot) => slot.key));
    if (keys.size !== message.blocks.length) return false;
    return message.blocks.every(
      (slot) => slot.html !== undefined || (!whole && this.blocks.has(slot.key)),
    );
  }
}
