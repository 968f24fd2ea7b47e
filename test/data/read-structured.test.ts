import assert from 'node:assert/strict';
import { parseStructured } from '../../src/engine/data/read-structured.js';

describe('data: parseStructured', () => {
  it('keeps the positions of nodes and keys', () => {
    const text = 'indicators:\n  - id: OP1\n    values:\n      - { period: 2023/24, value: 3 }\n';
    const parsed = parseStructured(text, '/d/x.yaml');
    assert.deepEqual(parsed.messages, []);
    assert.deepEqual(parsed.placeOf(['indicators', 0, 'values', 0, 'period']), {
      file: '/d/x.yaml',
      line: 4,
      column: 19,
    });
    assert.deepEqual(parsed.placeOfKey(['indicators', 0], 'values'), {
      file: '/d/x.yaml',
      line: 3,
      column: 5,
    });
    // An absent node falls back to its nearest ancestor.
    assert.deepEqual(parsed.placeOf(['indicators', 0, 'targets', 2]), {
      file: '/d/x.yaml',
      line: 2,
      column: 5,
    });
  });

  it('reports a YAML syntax error at its line and column, without data', () => {
    const parsed = parseStructured('indicators:\n  - id: OP1\n    title: x: y\n', '/d/x.yaml');
    assert.equal(parsed.data, undefined);
    assert.equal(parsed.messages.length > 0, true);
    const first = parsed.messages[0]!;
    assert.equal(first.ruleId, 'data-invalid');
    assert.match(first.reason, /^YAML syntax error: /);
    assert.equal(
      first.reason,
      'YAML syntax error: Nested mappings are not allowed in compact mappings',
    );
    assert.deepEqual([first.line, first.column], [3, 12]);
  });

  it('reports a duplicate key as a YAML error', () => {
    const parsed = parseStructured('a: 1\na: 2\n', '/d/x.yaml');
    assert.equal(parsed.messages[0]?.line, 2);
  });

  it('reports a JSON syntax error as a JSON error at its position', () => {
    const parsed = parseStructured(
      '{\n  "indicators": [\n    { "id": "A" }\n  ],\n}\n',
      '/d/x.json',
    );
    assert.equal(parsed.data, undefined);
    const message = parsed.messages[0]!;
    assert.match(message.reason, /^JSON syntax error: /);
    assert.deepEqual([message.line, message.column], [5, 1]);
  });

  it('reads JSON with positions', () => {
    const parsed = parseStructured(
      '{\n  "indicators": [\n    { "id": "A" }\n  ]\n}\n',
      '/d/x.json',
    );
    assert.deepEqual(parsed.data, { indicators: [{ id: 'A' }] });
    assert.deepEqual(parsed.placeOf(['indicators', 0, 'id']), {
      file: '/d/x.json',
      line: 3,
      column: 13,
    });
  });

  it('reports an alias to no anchor, and too many aliases, where the alias is, without throwing', () => {
    const unresolved = parseStructured(
      'indicators:\n  - id: A\n    title: x\n    unit: *a80\n',
      '/d/x.yaml',
    );
    assert.equal(unresolved.data, undefined);
    assert.deepEqual(
      unresolved.messages.map((m) => [m.ruleId, m.line, m.column]),
      [['data-invalid', 4, 11]],
    );
    assert.match(unresolved.messages[0]?.reason ?? '', /^YAML syntax error: Unresolved alias/);
    const many = parseStructured(
      `a: &a [1]\nb: [${Array.from({ length: 150 }, () => '*a').join(', ')}]\n`,
      '/d/x.yaml',
    );
    assert.equal(many.data, undefined);
    assert.deepEqual(
      many.messages.map((m) => [m.ruleId, m.line, m.column]),
      [['data-invalid', 2, 5]],
    );
  });
});
