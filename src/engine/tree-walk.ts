/**
 * A pre-order walk over a unist tree (mdast or hast) with unist-util-visit's answers and
 * its order, also when a visitor changes the tree.
 *
 * The library builds a closure, names it with `Object.defineProperty` and copies the
 * ancestor list for every node it passes, and finds each node's index with `indexOf`; over
 * the tens of thousands of nodes a long report's render walks, that was 0.2 s of the main
 * thread's 2.9 s in a cold export (bench/notes.md). This walk passes the index it is at
 * and allocates nothing.
 * `test/engine/tree-walk.test.ts` holds it to the library on real trees, edits included.
 */
import type { Node, Parent } from 'unist';

/** Do not walk into this node's children. */
export const SKIP = 'skip';
/** Stop the whole walk. */
export const EXIT = false;

/**
 * A visitor's answer, as unist-util-visit reads it:
 * - nothing: go on, into the node's children and then to the next sibling;
 * - `SKIP`: go on to the next sibling without entering the node;
 * - a number: enter the node, then go on at that index of the parent's children (after
 *   the visitor removed or inserted siblings);
 * - `[SKIP, index]`: both;
 * - `EXIT`: stop.
 */
export type WalkAnswer =
  void | undefined | typeof SKIP | typeof EXIT | number | readonly [typeof SKIP, number];

/** `N` and `P`: the node and parent types of the tree's language (mdast, hast). */
export type Visitor<N extends Node, P extends Parent = Parent> = (
  node: N,
  index: number | undefined,
  parent: P | undefined,
) => WalkAnswer;

/** Every node of `tree`, the tree itself first, in document order. */
export function walk<N extends Node, P extends Parent = Parent>(
  tree: Node,
  visitor: Visitor<N, P>,
): void {
  step(tree, undefined, undefined, visitor as unknown as Visitor<Node>);
}

/** Like `walk`, calling the visitor only for nodes of `type`. */
export function walkType<N extends Node, P extends Parent = Parent>(
  tree: Node,
  type: N['type'],
  visitor: Visitor<N, P>,
): void {
  walk<Node, P>(tree, (node, index, parent) =>
    node.type === type ? visitor(node as N, index, parent) : undefined,
  );
}

/**
 * Where the loop over the parent's children goes after a node: on to the next sibling
 * (undefined), to an index the visitor gave (any number, as the library takes it), or
 * nowhere, the walk having been stopped (null).
 */
type Onward = number | undefined | null;

function step(
  node: Node,
  index: number | undefined,
  parent: Parent | undefined,
  visitor: Visitor<Node>,
): Onward {
  const answer = visitor(node, index, parent);
  if (answer === EXIT) return null;
  let enter = true;
  let onward: Onward;
  if (answer === SKIP) enter = false;
  else if (typeof answer === 'number') onward = answer;
  else if (Array.isArray(answer)) {
    enter = false;
    onward = (answer as readonly [typeof SKIP, number])[1];
  }
  const children = enter ? (node as Partial<Parent>).children : undefined;
  if (children) {
    let at = 0;
    while (at > -1 && at < children.length) {
      const went = step(children[at]!, at, node as Parent, visitor);
      if (went === null) return null;
      at = went === undefined ? at + 1 : went;
    }
  }
  return onward;
}
