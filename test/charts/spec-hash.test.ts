import { strictEqual, notStrictEqual } from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson, specHash } from '../../src/engine/charts/spec-hash.js';

/** The definition: JSON.stringify of a copy whose keys are sorted (what the hash was first). */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortedCopy(item);
    }
    return sorted;
  }
  return value;
}

describe('spec hash', () => {
  it('writes the JSON of a key-sorted copy, for any value a spec can hold', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withObjectString: true,
          key: fc.string({ unit: 'grapheme' }),
        }),
        (value) => {
          strictEqual(canonicalJson(value), JSON.stringify(sortedCopy(value)) ?? 'null');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('hashes alike what differs only in key order, and apart what differs in a value', () => {
    const spec = { mark: 'line', encoding: { x: { field: 'period' }, y: { field: 'value' } } };
    const reordered = { encoding: { y: { field: 'value' }, x: { field: 'period' } }, mark: 'line' };
    strictEqual(specHash(spec), specHash(reordered));
    notStrictEqual(specHash(spec), specHash({ ...spec, mark: 'bar' }));
    strictEqual(canonicalJson({ b: [1, undefined, () => 0], a: undefined }), '{"b":[1,null,null]}');
  });
});
