import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { createEngine } from '../../src/engine/index.js';
import type { RenderMode } from '../../src/engine/index.js';
import {
  IdCounter,
  IdMarks,
  elementIdBase,
  joinParts,
  splitMarks,
} from '../../src/engine/html/element-ids.js';

const samplePath = fileURLToPath(
  new URL('../../samples/children-in-care-q4-2023-24.md', import.meta.url),
);
const sample = readFileSync(samplePath, 'utf8');
/** A definition makes blocks interdependent, so the engine renders the tree whole. */
const WHOLE = '\n[whole-tree-render]: https://example.org\n';

interface IdUse {
  /** Every `id`, in document order (repeats kept). */
  readonly ids: string[];
  /** Every id referred to: aria-labelledby/-describedby, `href="#…"`, `url(#…)`. */
  readonly references: string[];
}

function idUse(html: string): IdUse {
  const ids: string[] = [];
  const references: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    const { id, ariaLabelledBy, ariaDescribedBy, href, clipPath } = node.properties;
    if (typeof id === 'string') ids.push(id);
    for (const list of [ariaLabelledBy, ariaDescribedBy]) {
      if (Array.isArray(list)) references.push(...list.map(String));
      else if (list !== undefined && list !== null) references.push(...String(list).split(/\s+/));
    }
    if (typeof href === 'string' && href.startsWith('#') && href.length > 1) {
      references.push(decodeURIComponent(href.slice(1)));
    }
    if (typeof clipPath === 'string') {
      const start = clipPath.indexOf('url(#');
      if (start >= 0) references.push(clipPath.slice(start + 5, clipPath.indexOf(')', start)));
    }
  });
  return { ids, references };
}

function assertIdsSound(html: string): IdUse {
  const use = idUse(html);
  const seen = new Set<string>();
  for (const id of use.ids) {
    assert.ok(!seen.has(id), `id ${id} is used twice`);
    seen.add(id);
  }
  for (const reference of use.references) {
    assert.ok(seen.has(reference), `a reference to ${reference} finds no element`);
  }
  return use;
}

describe('element ids from content', () => {
  it('names an element by its indicators, escaping what is not a letter or digit', () => {
    assert.equal(elementIdBase('sc-chart', ['OP148']), 'sc-chart-OP148');
    assert.equal(elementIdBase('sc-chart', ['OP419', 'OP419I']), 'sc-chart-OP419--OP419I');
    assert.equal(elementIdBase('sc-summary', []), 'sc-summary');
    assert.equal(elementIdBase('sc-card', ['A.1']), 'sc-card-A_d1');
    assert.equal(elementIdBase('sc-card', ['A_d1']), 'sc-card-A__d1');
    assert.equal(elementIdBase('sc-card', ['A-2']), 'sc-card-A_h2');
    // Untrusted ids: quotes, spaces and markup never reach an attribute as they are.
    const hostile = elementIdBase('sc-card', ['" onload="x', '<b>é']);
    assert.match(hostile, /^sc-card-[A-Za-z0-9_-]+$/);
    // Distinct keys give distinct names, and no occurrence suffix makes one name another.
    const keys = ['A', 'A-2', 'A_2', 'A.2', 'A2', 'A--B', 'A_hB', 'a'];
    const names = new Set<string>();
    for (const key of keys) {
      const counter = new IdCounter();
      const base = elementIdBase('sc-chart', [key]);
      for (let n = 0; n < 3; n++) names.add(counter.name(base));
    }
    names.add(elementIdBase('sc-chart', ['A', 'B']));
    assert.equal(names.size, keys.length * 3 + 1);
  });

  it('puts names and lines into marked HTML in the order they first appear', () => {
    const marks = new IdMarks('qtoken');
    const second = marks.id('sc-chart', ['OP1']);
    const first = marks.id('sc-card', ['OP2']);
    const html = `<p data-line="${marks.line(3)}" id="${first}">x</p><svg id="${second}-clip1" aria-labelledby="${first}"></svg>`;
    const parts = splitMarks(html, marks);
    assert.deepEqual(parts.ids, ['sc-card-OP2', 'sc-chart-OP1']);
    const counter = new IdCounter();
    counter.name('sc-card-OP2');
    const names = parts.ids.map((base) => counter.name(base));
    assert.equal(
      joinParts(parts, names, 10),
      '<p data-line="13" id="sc-card-OP2-2">x</p><svg id="sc-chart-OP1-clip1" aria-labelledby="sc-card-OP2-2"></svg>',
    );
  });

  for (const mode of ['preview', 'public'] as const satisfies readonly RenderMode[]) {
    it(`gives every element of the sample a unique id that every reference finds (${mode})`, async () => {
      const blocks = await createEngine().render(sample, { path: samplePath, mode });
      const whole = await createEngine().render(sample + WHOLE, { path: samplePath, mode });
      const use = assertIdsSound(blocks.body);
      assertIdsSound(whole.body);
      assert.deepEqual(idUse(whole.body), use);
      // Charts, cards and the summary are named by what they show.
      assert.ok(use.ids.includes('sc-chart-OP148-title'), use.ids.join(' '));
      assert.ok(use.ids.includes('sc-chart-OP419--OP419I-title'), use.ids.join(' '));
      assert.ok(use.ids.includes('sc-summary'), use.ids.join(' '));
    });
  }

  it('keeps the ids of other indicators when a chart is inserted above them', async () => {
    const engine = createEngine();
    const before = idUse((await engine.render(sample, { path: samplePath })).body);
    const edited = sample.replace(
      '::summary{',
      '::chart{id=OP148 periods=4}\n\n::card{id=OP660}\n\n::summary{',
    );
    assert.notEqual(edited, sample);
    const afterBody = (await engine.render(edited, { path: samplePath })).body;
    const after = assertIdsSound(afterBody);
    const wholeBody = (await createEngine().render(edited + WHOLE, { path: samplePath })).body;
    assert.deepEqual(idUse(wholeBody), after);
    const mine = (id: string) => id.startsWith('sc-chart-OP148') || id.startsWith('sc-card-OP660');
    assert.deepEqual(
      after.ids.filter((id) => !mine(id)),
      before.ids.filter((id) => !mine(id)),
    );
    // The new chart takes the plain name; the one that was there is now the second.
    assert.ok(after.ids.includes('sc-chart-OP148-title'));
    assert.ok(after.ids.includes('sc-chart-OP148-2-title'));
    assert.ok(!before.ids.includes('sc-chart-OP148-2-title'));
  });
});
