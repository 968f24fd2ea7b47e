/**
 * What a list of blocks (or spans, records, messages) is read through: an array, or a
 * `PatchedList` standing for one.
 */
export interface ReadList<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * A list with one item replaced, read as if it were a copy. Typing changes one block on
 * every keystroke, and copying a long report's lists of blocks for each keystroke was
 * the part of a quiet render that grew with the report: the copies cost their own time
 * and, kept from one keystroke to the next, they were moved out of the young generation
 * and filled the old one, so a long report paid for more garbage collection per keystroke
 * too. The earlier list still reads as it was: a result handed out before the keystroke
 * may be read after it.
 */
export class PatchedList<T> implements ReadList<T> {
  private constructor(
    private readonly base: readonly T[],
    /** The replaced item's index, or -1 when none is. */
    private readonly index: number,
    private readonly item: T | undefined,
  ) {}

  /** The items as they are; the caller no longer changes the array. */
  static of<T>(items: readonly T[]): PatchedList<T> {
    return new PatchedList(items, -1, undefined);
  }

  get length(): number {
    return this.base.length;
  }

  at(index: number): T | undefined {
    return index === this.index ? this.item : this.base[index];
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let index = 0; index < this.base.length; index++) yield this.at(index) as T;
  }

  /**
   * The list with the item at `index` replaced. Replacing the same item again (typing on
   * in one block) copies nothing; replacing another writes the last replacement into a
   * copy first.
   */
  with(index: number, item: T): PatchedList<T> {
    if (!Number.isInteger(index) || index < 0 || index >= this.base.length) {
      throw new RangeError(`index ${index} is outside a list of ${this.base.length}`);
    }
    if (this.index === -1 || this.index === index) return new PatchedList(this.base, index, item);
    return new PatchedList(this.items(), index, item);
  }

  /** Every item, in order: the array itself when none is replaced, else a copy. */
  items(): readonly T[] {
    if (this.index === -1) return this.base;
    const copy = this.base.slice();
    copy[this.index] = this.item as T;
    return copy;
  }
}

/** Every item of a list as an array: the list itself when it is one (a full pass reads it so). */
export function itemsOf<T>(list: ReadList<T>): readonly T[] {
  if (list instanceof PatchedList) return list.items();
  return Array.isArray(list) ? list : Array.from(list);
}
