import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { dataYaml } from '../../bench/generate.js';
import { readPlainYaml, resolvePlain } from '../../src/engine/data/read-plain-yaml.js';
import { parseStructured, readWithYamlPackage } from '../../src/engine/data/read-structured.js';
import type { PathSegment } from '../../src/engine/data/read-structured.js';
import { REPOSITORY_YAML_FILES, yamlDocument } from './yaml-documents.js';

const FILE = '/d/data.yaml';

/** RUNS=20000 for a longer search than the suite's. */
const runsOr = (runs: number): number => Number(process.env['RUNS'] ?? runs);

/** Every data file the repository ships or tests with: each must take the quick path. */
const DATA_FILES = REPOSITORY_YAML_FILES;

/**
 * The paths to ask about: every node, and next to each the paths the `yaml` package's
 * reader answers with a nearest ancestor (a missing key, an index past the end, a number
 * on a mapping, a string on a sequence).
 */
function probes(value: unknown, at: PathSegment[] = []): PathSegment[][] {
  const here: PathSegment[][] = [at, [...at, 'no-such-key'], [...at, 999], [...at, -1]];
  if (Array.isArray(value)) {
    here.push([...at, '0'], [...at, 0.5]);
    return here.concat(...value.map((item, i) => probes(item, [...at, i])));
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (/^(?:0|[1-9][0-9]*)$/.test(key)) here.push([...at, Number(key)]);
    }
    return here.concat(...Object.entries(value).map(([key, child]) => probes(child, [...at, key])));
  }
  return here;
}

/** The keys of every object in document order, which deepEqual does not compare. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([key, child]) => [key, keyOrder(child)]);
  }
  return null;
}

/**
 * Whether the quick reader took `text`; when it did, it must give what the `yaml`
 * package gives: no messages, the same data, the same place for every path and key.
 */
function agreesWithYamlPackage(text: string): boolean {
  const quick = readPlainYaml(text, FILE);
  if (quick === undefined) return false;
  const full = readWithYamlPackage(text, FILE);
  const shown = JSON.stringify(text);
  assert.deepEqual(
    full.messages,
    [],
    `the yaml package refuses what the quick reader took: ${shown}`,
  );
  assert.deepEqual(quick.messages, []);
  assert.deepEqual(quick.data, full.data, `data of ${shown}`);
  assert.deepEqual(keyOrder(quick.data), keyOrder(full.data), `key order of ${shown}`);
  for (const at of probes(full.data)) {
    assert.deepEqual(
      quick.placeOf(at),
      full.placeOf(at),
      `place of ${JSON.stringify(at)} in ${shown}`,
    );
    const key = at.at(-1);
    if (typeof key === 'string') {
      const parent = at.slice(0, -1);
      assert.deepEqual(
        quick.placeOfKey(parent, key),
        full.placeOfKey(parent, key),
        `place of key ${JSON.stringify(at)} in ${shown}`,
      );
    }
  }
  return true;
}

describe('data: the quick reader of plain YAML', () => {
  it('takes every data file of the samples, the fixtures and the benchmark, and agrees with the yaml package', () => {
    for (const name of DATA_FILES) {
      assert.ok(agreesWithYamlPackage(readFileSync(name, 'utf8')), `${name} takes the quick path`);
    }
    assert.ok(agreesWithYamlPackage(dataYaml(100)), 'the benchmark file takes the quick path');
  });

  it('takes the shapes data files are written in', () => {
    const shapes = [
      'a: 1\n',
      'a: 1',
      '# leading comment\n\nindicators:\n  - id: A\n    values: [1, 2.5, -3]\n',
      'list:\n- x\n- y\nafter: 1\n',
      '- a: 1\n  b:\n  - x\n  c: 2\n- b\n',
      'where:\n    { a: 1, b: "x, y" }\n',
      'title:\n  On its own line\n',
      "a: 'it''s'\nb: \"tab\\there \\u00e9 \\x41\"\nc: ''\n",
      'empty: { m: {}, s: [] }\n',
      '"quoted key": 1\n\'single\' : 2\n',
      'deep:\n  - { a: [1, [2, { b: 3 }]] }\n',
      'a  : x\nb:   y   \n',
      '  indented: root\n  second: 2\n',
      'a:\n  # between\n\n  b: 1\n# outdented comment\n  c: 2\n',
      'url: http://x/y\nhash: a#b\ncolon: a :b\nquote: say "hi"\n',
      'n: [~, null, true, False, 0o17, 0x1F, -.5, .inf, -.Inf, .NaN, 1e3, +12, 007, 1_000]\ntime: 12:30\n',
    ];
    for (const text of shapes) {
      assert.ok(agreesWithYamlPackage(text), `${JSON.stringify(text)} takes the quick path`);
    }
  });

  it('agrees with the yaml package on random documents in and near the subset', () => {
    let taken = 0;
    const runs = runsOr(1500);
    fc.assert(
      fc.property(yamlDocument, (text) => {
        if (agreesWithYamlPackage(text)) taken++;
      }),
      { numRuns: runs },
    );
    // The property must not hold merely because everything is left to the yaml package.
    assert.ok(taken > runs * 0.3, `only ${taken} of ${runs} documents took the quick path`);
  });

  it("agrees with the yaml package on the yaml package's own writing of random data", () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 12 }),
        fc.constantFrom('2023/24 Q4', 'c', 'null', '0x1F', '0o7', '.inf', '1e3', 'true', ''),
        fc.integer({ min: -1000, max: 100000 }),
        fc.double({ noNaN: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const style = fc.record({
      flowLevel: fc.constantFrom(-1, 1, 2, 3),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
    } as const);
    let taken = 0;
    const runs = runsOr(400);
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), value, { minKeys: 1, maxKeys: 5 }),
        style,
        (data, options) => {
          if (agreesWithYamlPackage(stringify(data, null, options))) taken++;
        },
      ),
      { numRuns: runs },
    );
    assert.ok(taken > runs * 0.3, `only ${taken} of ${runs} documents took the quick path`);
  });

  it('reads a slip of the editor as the yaml package does, or leaves it to it', () => {
    // Deleting or inserting a few characters is how data files break in practice.
    const originals = ['samples/data/indicators.yaml', 'samples/dfe/data/haringey-dfe.yaml'].map(
      (name) => readFileSync(name, 'utf8'),
    );
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 40 }),
      insert: fc.constantFrom('', ',', ' ', ':', ': ', '-', '- ', '{', '}', '[', ']', '\n', '"'),
    });
    const extra = fc.constantFrom("'", '#', ' #', '  ', '\t', '&a ', '*a', '|', '~', '0x', '.');
    fc.assert(
      fc.property(
        fc.nat({ max: originals.length - 1 }),
        fc.array(
          fc.oneof(edit, fc.record({ at: fc.nat(), remove: fc.constant(0), insert: extra })),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (which, edits) => {
          let text = originals[which] ?? '';
          for (const { at, remove, insert } of edits) {
            const from = at % (text.length + 1);
            text = text.slice(0, from) + insert + text.slice(from + remove);
          }
          agreesWithYamlPackage(text);
        },
      ),
      { numRuns: runsOr(300) },
    );
  });

  it('resolves plain scalars as the YAML 1.2 core schema does', () => {
    const cases: [string, unknown][] = [
      ['~', null],
      ['NULL', null],
      ['nUll', 'nUll'],
      ['True', true],
      ['FALSE', false],
      ['yes', 'yes'],
      ['0o17', 15],
      ['0o8', '0o8'],
      ['0x1F', 31],
      ['0X1F', '0X1F'],
      ['-0x1F', '-0x1F'],
      ['+12', 12],
      ['007', 7],
      ['-0', -0],
      ['1_000', '1_000'],
      ['.inf', Infinity],
      ['-.Inf', -Infinity],
      ['+.5', 0.5],
      ['-.5', -0.5],
      ['5.', 5],
      ['1e3', 1000],
      ['.nan', NaN],
      ['12:30', '12:30'],
      ['Infinity', 'Infinity'],
    ];
    for (const [source, expected] of cases) {
      assert.deepEqual(resolvePlain(source), expected, source);
      // The same answer as the yaml package, so the table above cannot drift from it.
      assert.deepEqual(readWithYamlPackage(`v: ${source}\n`, FILE).data, { v: expected }, source);
    }
  });
});

describe('data: what the quick reader leaves to the yaml package', () => {
  /** Left to the yaml package, which reads it as it always did. */
  function leftToYamlPackage(text: string): ReturnType<typeof parseStructured> {
    assert.equal(readPlainYaml(text, FILE), undefined, JSON.stringify(text));
    const parsed = parseStructured(text, FILE);
    const full = readWithYamlPackage(text, FILE);
    assert.deepEqual([parsed.data, parsed.messages], [full.data, full.messages]);
    return parsed;
  }

  /** The first message, as `line:column reason`. */
  function firstError(text: string): string {
    const message = leftToYamlPackage(text).messages[0];
    assert.ok(message, `a message for ${JSON.stringify(text)}`);
    assert.equal(message.ruleId, 'data-invalid');
    return `${message.line}:${message.column} ${message.reason}`;
  }

  it('anchors, aliases and tags: read with the alias resolved', () => {
    const parsed = leftToYamlPackage('base: &b { unit: percent }\nother: *b\ntag: !!str 12\n');
    assert.deepEqual(parsed.data, {
      base: { unit: 'percent' },
      other: { unit: 'percent' },
      tag: '12',
    });
    assert.deepEqual(parsed.placeOf(['other']), { file: FILE, line: 2, column: 8 });
  });

  it('block scalars: read as text', () => {
    const parsed = leftToYamlPackage('a: |\n  one\n  two\nb: >-\n  folded\n  text\n');
    assert.deepEqual(parsed.data, { a: 'one\ntwo\n', b: 'folded text' });
  });

  it('a tab in the indentation: the yaml package says where', () => {
    assert.match(firstError('a:\n\tb: 1\n'), /^2:1 YAML syntax error: .*[Tt]ab/);
  });

  it('a duplicate key, in a block or a flow mapping: the yaml package says where', () => {
    assert.equal(
      firstError('a: 1\nb: 2\na: 3\n'),
      '3:1 YAML syntax error: Map keys must be unique',
    );
    assert.equal(
      firstError('v:\n  - { period: x, period: y }\n'),
      '2:18 YAML syntax error: Map keys must be unique',
    );
    // `k`, `"k"` and `k ` are one key.
    assert.match(firstError('k: 1\n"k": 2\n'), /^2:1 YAML syntax error: Map keys must be unique/);
  });

  it('syntax errors in otherwise plain files: the yaml package says where', () => {
    assert.match(firstError('a:\n  b: 1\n c: 2\n'), /^3:1 YAML syntax error: All mapping items/);
    assert.match(firstError('a: { b: 1\nc: 2\n'), /^\d+:\d+ YAML syntax error/);
    assert.match(firstError('a: "unclosed\n'), /^2:1 YAML syntax error: Missing closing "quote/);
    assert.match(firstError('a: b: c\n'), /^1:\d+ YAML syntax error: Nested mappings/);
    assert.match(firstError('a: @x\n'), /^1:4 YAML syntax error: Plain value cannot start/);
    assert.match(firstError('a: "\\q"\n'), /^1:\d+ YAML syntax error: Invalid escape/);
  });

  it('everything else outside the subset', () => {
    for (const text of [
      '',
      '# only a comment\n',
      'a: 1\r\nb: 2\r\n',
      '\uFEFFa: 1\n',
      '---\na: 1\n',
      'a: 1\n...\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1 # a comment after a value\n',
      'a: "x" # a comment after a value\n',
      'a:\n',
      'a:\nb: 1\n',
      'a:\n  -\n',
      '- - x\n',
      'a: [x, ]\n',
      'a: { b: }\n',
      'a: [a: b]\n',
      'a: plain\n  over two lines\n',
      'a: "\\U0001F600"\n',
      'a: "escaped \\\n  line break"\n',
      "a: 'two\n  lines'\n",
      '__proto__: { polluted: 1 }\n',
      '"__proto__": 1\n',
      '<<: { b: 1 }\n',
      '1: x\n',
      'true: x\n',
      '~: x\n',
      'a: { ~: x }\n',
      'a: { 1.0: x }\n',
      '? complex\n: key\n',
      'a: ' + '['.repeat(200) + ']'.repeat(200) + '\n',
      `${'k'.repeat(1030)}: v\n`,
      'a: x\u2028y\n',
      'just a scalar\n',
      // A quirk of the yaml package (an error) found by the random documents.
      'b:\n# x\n a\na:\n 0\n',
      'a: [x #y]\n',
      'a: [b, 12:30]\n',
      '[a, b]\n',
    ]) {
      leftToYamlPackage(text);
    }
  });

  it('JSON files, always: JSON-only mistakes stay JSON errors', () => {
    // Plain YAML the quick reader takes, but no JSON.
    const text = 'indicators: []\n';
    assert.notEqual(readPlainYaml(text, FILE), undefined);
    const parsed = parseStructured(text, '/d/data.json');
    assert.equal(parsed.data, undefined);
    assert.match(parsed.messages[0]?.reason ?? '', /^JSON syntax error: /);
  });
});
