import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import type { Node, Parent } from 'unist';
import { visit, EXIT as LIB_EXIT, SKIP as LIB_SKIP } from 'unist-util-visit';
import { parseReport } from '../../src/engine/report/parse-report.js';
import { EXIT, SKIP, walk, walkType, type WalkAnswer } from '../../src/engine/tree-walk.js';
import { realExports, sampleReportPaths } from '../html/gate-documents.js';

/**
 * The engine's tree walk against unist-util-visit, the library it stands in for: on real
 * report trees (mdast) and real exports (hast), with visitors that skip, stop, remove,
 * insert and replace nodes as the render's own visitors do, both must visit the same
 * nodes at the same places in the same order and leave the same tree.
 */
function reportTrees(): Array<{ name: string; tree: Node }> {
  return sampleReportPaths().map((path) => ({
    name: path,
    tree: parseReport(readFileSync(path, 'utf8')),
  }));
}

type Numbered = Node & { serial?: number; children?: Numbered[] };

/** Numbers every node, so that two copies of a tree can be compared visit by visit. */
function numbered<T extends Node>(tree: T): T {
  let serial = 0;
  const copy = structuredClone(tree) as Numbered;
  const number = (node: Numbered): void => {
    node.serial = serial++;
    for (const child of node.children ?? []) number(child);
  };
  number(copy);
  return copy as unknown as T;
}

interface Visit {
  readonly serial: number | undefined;
  readonly index: number | undefined;
  readonly parent: number | undefined;
}

/** Both walkers' answers, in the library's spelling and in ours. */
const ANSWERS = {
  lib: { skip: LIB_SKIP, exit: LIB_EXIT },
  ours: { skip: SKIP, exit: EXIT },
} as const;

/**
 * A visitor that, from the same seed, makes the same choices at the same visits: go on,
 * skip, stop, jump to a later sibling or out of the parent, remove the node, put a node before or after it,
 * or put a copy in its place that keeps its children (as directives become slots).
 */
function choosyVisitor(seed: number, spelling: keyof typeof ANSWERS, visits: Visit[]) {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  let made = 0;
  const { skip, exit } = ANSWERS[spelling];
  return (node: Node, index: number | undefined, parent: Parent | undefined) => {
    visits.push({
      serial: (node as Numbered).serial,
      index,
      parent: (parent as Numbered | undefined)?.serial,
    });
    if (visits.length > 5000) return exit as WalkAnswer;
    const roll = next();
    if (roll < 0.6 || !parent || index === undefined) return undefined;
    if (roll < 0.7) return skip as WalkAnswer;
    if (roll < 0.71) return exit as WalkAnswer;
    // Out of the parent's children: the library leaves them.
    if (roll < 0.72) return -1;
    if (roll < 0.75) return index + 2;
    if (roll < 0.8) {
      parent.children.splice(index, 1);
      return (next() < 0.5 ? index : [skip, index]) as WalkAnswer;
    }
    const fresh = { type: 'text', value: `made ${made}`, serial: 100_000 + made++ };
    if (roll < 0.85) {
      parent.children.splice(index, 0, fresh);
      return index + 2;
    }
    if (roll < 0.9) {
      parent.children.splice(index + 1, 0, fresh);
      return undefined;
    }
    parent.children[index] = { ...node, serial: 200_000 + made++ } as Node;
    return next() < 0.5 ? undefined : (skip as WalkAnswer);
  };
}

function compare(tree: Node, seed: number): void {
  const theirs = numbered(tree);
  const ours = numbered(tree);
  const libVisits: Visit[] = [];
  const ourVisits: Visit[] = [];
  visit(
    theirs as Parent,
    choosyVisitor(seed, 'lib', libVisits) as Parameters<typeof visit>[1] as never,
  );
  walk(ours, choosyVisitor(seed, 'ours', ourVisits));
  deepStrictEqual(ourVisits, libVisits);
  deepStrictEqual(ours, theirs);
}

describe('tree walk (the render’s own, against unist-util-visit)', () => {
  const reports = reportTrees();

  it('visits every node of a report as the library does', () => {
    for (const { tree } of reports) {
      const theirs: Visit[] = [];
      const ours: Visit[] = [];
      const tree2 = numbered(tree);
      visit(tree2 as Parent, (node, index, parent) => {
        theirs.push({
          serial: (node as Numbered).serial,
          index,
          parent: (parent as Numbered | undefined)?.serial,
        });
      });
      walk(tree2, (node, index, parent) => {
        ours.push({
          serial: (node as Numbered).serial,
          index,
          parent: (parent as Numbered | undefined)?.serial,
        });
      });
      deepStrictEqual(ours, theirs);
    }
  });

  it('makes the same visits and the same tree when visitors change report trees', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: reports.length - 1 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (which, seed) => compare(reports[which]!.tree, seed),
      ),
      { numRuns: 300 },
    );
  });

  it('makes the same visits and the same tree when visitors change exported pages', async function () {
    this.timeout(120_000);
    const pages = (await realExports()).map(({ input }) => fromHtml(input.html));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: pages.length - 1 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (which, seed) => compare(pages[which]!, seed),
      ),
      { numRuns: 100 },
    );
  });

  it('calls a typed visitor only for its type, and stops when told', () => {
    const tree = parseReport('# Title\n\nSome *emphasis* and `code`, then *more*.\n');
    const seen: string[] = [];
    walkType<Node & { children: Array<Node & { value?: string }> }>(tree, 'emphasis', (node) => {
      seen.push(node.children.map((child) => child.value).join(''));
      return EXIT;
    });
    deepStrictEqual(seen, ['emphasis']);
    let count = 0;
    walk(tree, () => {
      count++;
      return undefined;
    });
    strictEqual(count, 13);
  });
});
