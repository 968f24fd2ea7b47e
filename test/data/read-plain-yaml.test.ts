import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { readPlainYaml } from '../../src/engine/data/read-plain-yaml.js';
import { readWithYamlPackage } from '../../src/engine/data/read-structured.js';
import type { PathSegment, StructuredFile } from '../../src/engine/data/read-structured.js';
import { dataYaml } from '../../bench/generate.js';

/** Every path in the data, the root first. */
function pathsOf(value: unknown, at: PathSegment[] = []): PathSegment[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...at, i])));
  if (value !== null && typeof value === 'object') {
    return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...at, k])));
  }
  return here;
}

/** The quick reader must read `text` and agree with the `yaml` package on data and places. */
function assertSameAsYamlPackage(text: string, name: string): void {
  const quick = readPlainYaml(text, name);
  assert.ok(quick, `${name} is read by the quick reader`);
  const full = readWithYamlPackage(text, name);
  assert.deepEqual(quick.data, full.data, `${name}: the same data`);
  const paths = pathsOf(full.data);
  // Absent paths fall back to the nearest existing node in both.
  paths.push(['indicators', 0, 'no-such-field'], ['indicators', 999], ['nothing', 'here']);
  for (const at of paths) {
    assert.deepEqual(quick.placeOf(at), full.placeOf(at), `${name}: place of ${at.join('.')}`);
  }
  for (const at of paths) {
    const parent = at.slice(0, -1);
    const key = at.at(-1);
    if (typeof key !== 'string') continue;
    assert.deepEqual(quick.placeOfKey(parent, key), full.placeOfKey(parent, key), `key ${key}`);
  }
}

describe('readPlainYaml', () => {
  it('reads the shipped data files as the yaml package does, place for place', () => {
    for (const name of ['indicators.yaml', 'broken-data.yaml', 'broken-schema.yaml']) {
      assertSameAsYamlPackage(readFileSync(`samples/data/${name}`, 'utf8'), name);
    }
    assertSameAsYamlPackage(dataYaml(12), 'bench.yaml');
  });

  it('agrees on the forms authors write: flow maps, quotes, block text, nulls, comments, CRLF', () => {
    const text = [
      '# Indicators for the panel',
      'comparators: [England, "Inner London", \'Statistical neighbours\']',
      'indicators:',
      '  - id: OP148   # care leavers in EET',
      '    title: >-',
      '      Care leavers in education,',
      '      employment or training',
      '    definition: |',
      '      Aged 19 to 21.',
      '    unit:',
      '    counting_unit:    # to follow',
      '    polarity: ~',
      '    decimals: 0',
      '    "quoted key": yes',
      '    tags: []',
      '    values:',
      '      - { period: 2023/24 Q1, value: 57, numerator: 57, denominator: 100 }',
      '      -   period: 2023/24 Q2',
      '          value: -1.5e1',
      '      - {period: 2023/24 Q3, symbol: c}',
      '',
    ].join('\n');
    assertSameAsYamlPackage(text, 'forms.yaml');
    assertSameAsYamlPackage(text.replace(/\n/g, '\r\n'), 'crlf.yaml');
    assertSameAsYamlPackage('', 'empty.yaml');
    assertSameAsYamlPackage('# only a comment\n', 'comment.yaml');
    assertSameAsYamlPackage('---\nindicators: []\n', 'marker.yaml');
  });

  it('agrees with the yaml package on random data files written in random styles', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 12, unit: 'binary' }),
      fc.stringMatching(/^[ \ta-z#:'"\n\r\\-]{0,10}$/),
      // Long enough to be folded over several lines.
      fc.stringMatching(/^[ a-z'"\n-]{20,60}$/),
      fc.constantFrom('2023/24 Q4', 'c', 'z', ':', '- x', '# y', 'a: b', '', ' ', 'null', '0x1F'),
      fc.integer({ min: -1000, max: 100000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    let quick = 0;
    const style = fc.record({
      flowLevel: fc.constantFrom(-1, 1, 2, 3),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'),
      indent: fc.constantFrom(2, 4),
      lineWidth: fc.constantFrom(0, 20, 80),
      minContentWidth: fc.constantFrom(0, 10),
    });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), value, { maxKeys: 5 }),
        style,
        (data, options) => {
          const text = stringify(data, null, options);
          if (readPlainYaml(text, 'r.yaml') === undefined) return; // left to the yaml package
          quick++;
          assertSameAsYamlPackage(text, 'r.yaml');
        },
      ),
      { numRuns: Number(process.env['RUNS'] ?? 300) },
    );
    assert.ok(quick > 60, `only ${quick} files took the quick path`);
  });

  it('leaves to the yaml package what it does not read plainly', () => {
    for (const text of [
      'a: 1\na: 2\n',
      'base: &b { unit: percent }\nother: *b\n',
      'a: !!str 12\n',
      'a: { <<: {b: 1} }\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      '\uFEFFa: 1\n',
      'a: |2-\n   x\n',
      'a: |+\n  keep\n\n',
      'a: |-\n\n  x\n',
      "a: '''\n\n  '\n",
      'a: "two\n  lines"\n',
      "a: 'two\n  lines'\n",
      'a: "esc\\\n  aped"\n',
      'a: [1, 2\n',
      'a: "unclosed\n',
      'a:\n  - 1\n b: 2\n',
      'a: [ , ]\n',
      'a: [1,, 2]\n',
      'a: { , b: 1 }\n',
    ]) {
      assert.equal(readPlainYaml(text, 'x.yaml'), undefined, JSON.stringify(text));
    }
  });
});

describe('readPlainYaml on damaged files', () => {
  it('places an empty value in a flow map where the yaml package does', () => {
    assertSameAsYamlPackage('a:\n  - { period:  }\n  - { period: , value: 1 }\n', 'empty.yaml');
    assertSameAsYamlPackage('a: { b: }\n', 'empty.yaml');
  });

  it('reads a slip of the editor as the yaml package does, or leaves it to it', () => {
    // Deleting or inserting a few characters is how data files break in practice.
    const original = readFileSync('samples/data/indicators.yaml', 'utf8');
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 40 }),
      insert: fc.constantFrom(
        '',
        ',',
        ' ',
        ':',
        '-',
        '{',
        '}',
        '[',
        ']',
        '\n',
        '"',
        "'",
        '#',
        '  ',
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = original;
        for (const { at, remove, insert } of edits) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + insert + text.slice(from + remove);
        }
        const quick = readPlainYaml(text, 'd.yaml');
        if (!quick) return;
        const full = readWithYamlPackage(text, 'd.yaml');
        assert.deepEqual(
          full.messages,
          [],
          `the quick reader took a file the yaml package refuses`,
        );
        assertSameAsYamlPackage(text, 'd.yaml');
      }),
      { numRuns: Number(process.env['RUNS'] ?? 300) },
    );
  });
});

/** For the type checker: the quick reader returns the same interface as the full one. */
export type Reader = (text: string, file: string) => StructuredFile | undefined;
