import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { directiveSpec } from '../../src/engine/directives/registry.js';

interface Snippet {
  readonly prefix: string | string[];
  readonly body: string[];
}

const snippets = JSON.parse(
  readFileSync(new URL('../../snippets/scorecard.json', import.meta.url), 'utf8'),
) as Record<string, Snippet>;

/** Every directive a snippet writes exists, in that form, with attributes it takes. */
describe('snippets', () => {
  it('offer rank, quartile, breakdown, category and ranked-scorecard snippets', () => {
    const prefixes = Object.values(snippets).flatMap((s) => [s.prefix].flat());
    for (const wanted of [
      ':rank',
      ':quartile',
      '::breakdown',
      'scorecard-category',
      'scorecard-ranked',
    ])
      assert.ok(prefixes.includes(wanted), wanted);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name}: writes only known directives and attributes`, () => {
      const body = snippet.body.join('\n').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
      for (const m of body.matchAll(/(?<![:\w])(:{1,3})([a-z]+)\{([^}]*)\}/g)) {
        const spec = directiveSpec(m[2]!);
        assert.ok(spec, `${m[1]}${m[2]} is a directive`);
        const kind = ['textDirective', 'leafDirective', 'containerDirective'][m[1]!.length - 1];
        assert.ok(spec.kinds.includes(kind as never), `${m[1]}${m[2]} form`);
        for (const a of m[3]!.matchAll(/([a-z]+)=/g))
          assert.ok(
            spec.attributes.some((attribute) => attribute.name === a[1]),
            `${m[2]} takes ${a[1]}`,
          );
      }
    });
  }
});
