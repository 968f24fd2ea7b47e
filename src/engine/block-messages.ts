import type { Message } from './types.js';

/**
 * Every block's messages in block order, as one list, with the block each came from. A
 * keystroke that changes one block's messages (a card whose id is half typed) replaces
 * that block's run: the copy is as long as the messages, where joining a list per block
 * read every block (3,000 of them at 1000 indicators) on every such keystroke.
 */
export class BlockMessages {
  private constructor(
    /** The messages, block by block. */
    readonly list: readonly Message[],
    /** The index of the block each message came from, in ascending order. */
    private readonly owners: readonly number[],
  ) {}

  static of(perBlock: ReadonlyArray<readonly Message[]>): BlockMessages {
    const list: Message[] = [];
    const owners: number[] = [];
    for (const [block, messages] of perBlock.entries()) {
      for (const message of messages) {
        list.push(message);
        owners.push(block);
      }
    }
    return new BlockMessages(list, owners);
  }

  /** These messages with block `block`'s replaced by `own`. */
  with(block: number, own: readonly Message[]): BlockMessages {
    const [from, to] = this.run(block);
    if (from === to && own.length === 0) return this;
    return new BlockMessages(
      [...this.list.slice(0, from), ...own, ...this.list.slice(to)],
      [...this.owners.slice(0, from), ...own.map(() => block), ...this.owners.slice(to)],
    );
  }

  /** Where block `block`'s messages start and end in the list. */
  private run(block: number): readonly [number, number] {
    let from = 0;
    for (let high = this.owners.length; from < high;) {
      const middle = (from + high) >> 1;
      if (this.owners[middle]! < block) from = middle + 1;
      else high = middle;
    }
    let to = from;
    while (to < this.owners.length && this.owners[to] === block) to++;
    return [from, to];
  }
}
