/**
 * Random YAML data documents in and near the plain subset the quick reader takes: random
 * trees of mappings, sequences and scalars, written in random block and flow styles with
 * random indentation, comments and blank lines, and scalars of every YAML 1.2 core-schema
 * kind next to their near-misses. Some documents are invalid YAML on purpose.
 */
import fc from 'fast-check';

/** Every YAML data file the repository ships or tests with (paths from the repository root). */
export const REPOSITORY_YAML_FILES: readonly string[] = [
  'samples/data/indicators.yaml',
  'samples/data/broken-data.yaml',
  'samples/data/broken-schema.yaml',
  'samples/dfe/data/haringey-dfe.yaml',
  'test/fixtures/render/data.yaml',
  'test/fixtures/data/good/indicators.yaml',
  'test/fixtures/data/chain/top.yaml',
  'test/fixtures/data/chain/more/bottom.yaml',
  'test/claims/data.yaml',
  'test/security/corpus/data/attacks.yaml',
];

/** A node; scalars and keys are kept as the source text they are written as. */
export type Tree =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'seq'; readonly items: readonly Tree[]; readonly style: number }
  | {
      readonly kind: 'map';
      readonly entries: readonly (readonly [string, Tree])[];
      readonly style: number;
    };

type MapTree = Extract<Tree, { kind: 'map' }>;

/** Plain scalars of every core-schema kind, and the near-misses that must stay strings. */
const EDGE_SCALARS = [
  ...['~', 'null', 'Null', 'NULL', 'nUll', 'true', 'True', 'TRUE', 'tRue', 'false', 'False'],
  ...['FALSE', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y'],
  ...['0', '-0', '+0', '007', '+12', '-12', '12345678901234567890', '0o17', '0o8', '0O17'],
  ...['0o', '-0o7', '0x1F', '0x1f', '0X1F', '0x', '-0x1F', '+0x1', '0b101', '1_000', '1,000'],
  ...['.inf', '-.inf', '+.inf', '.Inf', '.INF', '.iNf', '.nan', '.NaN', '.NAN', '-.nan'],
  ...['Infinity', 'NaN', '.5', '-.5', '+.5', '5.', '-5.', '0.0', '1.50', '1e3', '1E3', '1e+3'],
  ...['1.5e-3', '.5e3', '1e', 'e3', '1e3.5', '.', '..', '-.', '+', '12:30', '1:2:3'],
  ...['2022/23', '2023/24 Q1', 'c', 'z', 'x#y', "children's", 'say "hi"', 'a :b', 'http://x'],
  ...['-x', '?x', ':x', '-', '?', ':', 'a: b', 'x:', 'a #b', '# c', '[x]', '{x}', 'x, y'],
  ...['@x', '`x', '%x', '!x', '!!str x', '&a x', '*a', '|', '>', '|-', 'x\\y', 'a,b', 'x]'],
  ...['---', '...', '- x', 'a  b', '\u00a0x', 'é', '😀', 'x\u00a0'],
];

const KEYS = [
  ...['id', 'title', 'value', 'period', 'counting_unit', 'a b', 'x-y', 'k/l', 'Q1', 'k.1'],
  ...['1', '-1', '0x1F', '1.5', 'true', 'True', '~', 'null', '__proto__', '"__proto__"', '<<'],
  ...['constructor', 'toString', 'hasOwnProperty', 'a:b', 'a#b', 'a #b', '?k', '-k', ':k'],
  ...['"q"', "'s'", '""', '"1"', "'true'", '"a: b"', 'k ', '@k', '[k]', '{k}', 'k,j', 'k: v'],
  ...['-', '"\\u00e9"', '"k" ', 'é', 'x'.repeat(1030)],
];

const ESCAPES = [
  ...['\\n', '\\t', '\\\\', '\\"', '\\/', '\\0', '\\a', '\\b', '\\e', '\\f', '\\r', '\\v'],
  ...['\\N', '\\_', '\\L', '\\P', '\\ ', '\\x41', '\\xe9', '\\u00e9', '\\uD83D', '\\x4'],
  ...['\\u12', '\\U0001F600', '\\q', '\\', "'", '#', ': ', ' #', ', '],
];

const typicalPlain = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._/()-]{0,14}$/),
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
);

const nearMissPlain = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .:#'"_,~+!&*|>%@`?{}[\]\\-]{1,8}$/),
  fc.double().map(String),
);

const singleQuoted = fc
  .oneof(fc.string({ maxLength: 10 }), fc.stringMatching(/^[a-z '"#:,{}[\]]{0,10}$/))
  .map((s) => `'${s.replace(/'/g, "''")}'`);

const doubleQuoted = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[a-z '#:,]{0,4}$/) },
      { weight: 2, arbitrary: fc.constantFrom(...ESCAPES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: 'binary' }) },
    ),
    { maxLength: 4 },
  )
  .map((parts) => `"${parts.join('')}"`);

export const scalarText = fc.oneof(
  { weight: 8, arbitrary: typicalPlain },
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_SCALARS) },
  { weight: 1, arbitrary: nearMissPlain },
  { weight: 2, arbitrary: singleQuoted },
  { weight: 2, arbitrary: doubleQuoted },
);

export const keyText = fc.oneof(
  { weight: 10, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: singleQuoted },
  { weight: 1, arbitrary: doubleQuoted },
);

const trees = fc.letrec<{ tree: Tree; seq: Tree; map: MapTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    { weight: 3, arbitrary: scalarText.map((text): Tree => ({ kind: 'scalar', text })) },
    { weight: 1, arbitrary: tie('seq') },
    { weight: 1, arbitrary: tie('map') },
  ),
  seq: fc.record({
    kind: fc.constant('seq' as const),
    items: fc.array(tie('tree'), { maxLength: 4 }),
    style: fc.nat(),
  }),
  map: fc.record({
    kind: fc.constant('map' as const),
    entries: fc.uniqueArray(fc.tuple(keyText, tie('tree')), {
      maxLength: 5,
      selector: ([key]) => key,
    }),
    style: fc.nat(),
  }),
}));

/** Choices for the decorations, drawn from a seeded generator so that a run repeats. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const spaces = (n: number): string => ' '.repeat(n);

function isFlow(node: Tree): boolean {
  if (node.kind === 'scalar') return false;
  const size = node.kind === 'seq' ? node.items.length : node.entries.length;
  return size === 0 || node.style % 5 === 0;
}

/** Now and then a mapping's first key written again at its end: an error. */
function withRepeat(node: MapTree): readonly (readonly [string, Tree])[] {
  const first = node.entries[0];
  return first && node.style % 23 === 0 ? [...node.entries, first] : node.entries;
}

/** A node on one line: a scalar, or a collection in flow style. */
function inline(node: Tree, style: number): string {
  if (node.kind === 'scalar') return node.text;
  const pad = (style >> 13) & 1 ? ' ' : '';
  if (node.kind === 'seq') {
    return `[${pad}${node.items.map((item) => inline(item, node.style)).join(', ')}${pad}]`;
  }
  const entries = withRepeat(node).map(([key, value]) => `${key}: ${inline(value, node.style)}`);
  return `{${pad}${entries.join(', ')}${pad}}`;
}

/** A node's lines, its first line starting at `indent`. */
function blockLines(node: Tree, indent: number): string[] {
  if (node.kind === 'scalar' || isFlow(node)) return [spaces(indent) + inline(node, 0)];
  const style = node.style;
  const step = 1 + ((style >> 3) % 4);
  if (node.kind === 'seq') {
    const gap = (style >> 9) % 3 === 0 ? 2 : 1;
    return node.items.flatMap((item) => {
      // A sequence in a sequence is mostly written in flow style: `- - x` is left to the
      // yaml package.
      if (item.kind === 'seq' && (style >> 15) % 4 !== 0) {
        return [`${spaces(indent)}-${spaces(gap)}${inline(item, style)}`];
      }
      // An item's node written as if it stood alone, its first indent replaced by `- `.
      const inner = indent + 1 + gap;
      const lines = blockLines(item, inner);
      lines[0] = `${spaces(indent)}-${spaces(gap)}${(lines[0] ?? '').slice(inner)}`;
      return lines;
    });
  }
  const colonGap = (style >> 11) % 5 === 0 ? 2 : 1;
  return withRepeat(node).flatMap(([key, value]) => {
    const head = `${spaces(indent)}${key}:`;
    if (value.kind === 'scalar' || isFlow(value)) {
      // Now and then the value on a line of its own, below its key.
      if ((style >> 6) % 7 === 0) return [head, ...blockLines(value, indent + step)];
      return [head + spaces(colonGap) + inline(value, style)];
    }
    const sameColumn = value.kind === 'seq' && (style >> 5) & 1;
    return [head, ...blockLines(value, sameColumn ? indent : indent + step)];
  });
}

const COMMENTS = ['# a comment', '#', "# it's: [x], {y} # z", '#- x'];

/**
 * Writes a document: the root's lines, with comment lines, blank lines and trailing
 * spaces put in, and, rarely, a slip (a tab, a carriage return, a comment after a value).
 */
export function writeDocument(root: Tree, seed: number): string {
  const next = random(seed);
  const chance = (p: number): boolean => next() < p;
  const indent = chance(0.1) ? 1 + Math.floor(next() * 2) : 0;
  const lines: string[] = [];
  for (const line of blockLines(root, indent)) {
    if (chance(0.08)) lines.push(spaces(Math.floor(next() * 8)) + COMMENTS[Math.floor(next() * 4)]);
    if (chance(0.05)) lines.push(chance(0.5) ? '' : spaces(1 + Math.floor(next() * 4)));
    let written = line;
    if (chance(0.05)) written += spaces(1 + Math.floor(next() * 2));
    if (chance(0.01)) written += ' # after';
    if (chance(0.005)) written = written.replace(/^ /, '\t');
    if (chance(0.005)) written += '\r';
    lines.push(written);
  }
  if (chance(0.1)) lines.push('# the end');
  return lines.join('\n') + (chance(0.8) ? '\n' : '');
}

/** A whole document: mostly a mapping at the root, as data files are. */
export const yamlDocument = fc
  .record({
    root: fc.oneof(
      {
        weight: 5,
        // In block style, with keys: a flow mapping or an empty one is left to the yaml package.
        arbitrary: trees.map
          .filter((t) => t.entries.length > 0)
          .map((t): Tree => ({ ...t, style: t.style - (t.style % 5) + 1 })),
      },
      { weight: 1, arbitrary: trees.tree },
    ),
    seed: fc.integer(),
  })
  .map(({ root, seed }) => writeDocument(root, seed));
