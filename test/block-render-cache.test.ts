import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { BlockRenderCache, type BlockRenderInput } from '../src/engine/block-render-cache.js';
import { ChartRenderer } from '../src/engine/charts/render-svg.js';
import { createEngine } from '../src/engine/index.js';
import type { Catalogue, RenderMode } from '../src/engine/index.js';
import { IncrementalParser } from '../src/engine/report/incremental-parse.js';

const samplePath = fileURLToPath(
  new URL('../samples/children-in-care-q4-2023-24.md', import.meta.url),
);
const brokenPath = fileURLToPath(new URL('../samples/broken.md', import.meta.url));
const sample = readFileSync(samplePath, 'utf8');

/** A definition makes blocks interdependent, so the engine renders the tree whole. */
const WHOLE = '\n[whole-tree-render]: https://example.org\n';

/** What every block of a render of the sample shares, charts drawn in this thread. */
function blockInput(catalogue: Catalogue, mode: RenderMode = 'preview'): BlockRenderInput {
  return {
    path: samplePath,
    catalogue,
    reportPeriod: undefined,
    mode,
    allowSmallNumbers: false,
    charts: new ChartRenderer({ workers: 0 }),
  };
}

async function renderWhole(text: string, path: string, mode: RenderMode = 'preview') {
  return createEngine().render(text + WHOLE, { path, mode });
}

describe('block render cache', () => {
  for (const mode of ['preview', 'public', 'exempt'] as const) {
    for (const path of [samplePath, brokenPath]) {
      it(`renders ${path.split('/').at(-1)} (${mode}) exactly as the whole tree does`, async () => {
        const text = readFileSync(path, 'utf8');
        const engine = createEngine();
        const blocks = await engine.render(text, { path, mode });
        const whole = await renderWhole(text, path, mode);
        assert.equal(blocks.html, whole.html);
        assert.deepEqual(blocks.messages, whole.messages);
        assert.equal(blocks.title, whole.title);
      });
    }
  }

  it('stays exact through edits that move lines, add charts and change figures', async () => {
    const engine = createEngine();
    const edits = [
      sample,
      sample.replace('weekly drop-ins', 'weekly drop-in sessions'),
      sample.replace('## Care leavers\n', '## Care leavers\n\nA new paragraph\nover two lines.\n'),
      sample.replace('## Care leavers\n', '## Care leavers\n\n::chart{id=OP147}\n'),
      sample.replace(':value{id=OP148}', ':value{id=OP147}'),
      sample.replace('## Assessments', '# Assessments'),
      sample.replace('period: 2023/24 Q4', 'period: 2023/24 Q3'),
      sample,
    ];
    for (const text of edits) {
      const incremental = await engine.render(text, { path: samplePath });
      const whole = await renderWhole(text, samplePath);
      assert.equal(incremental.html, whole.html);
      assert.deepEqual(incremental.messages, whole.messages);
    }
  });

  it('checks through edits as a fresh engine does, resolving again only the block an edit touched', async () => {
    const engine = createEngine();
    const { catalogue } = await engine.catalogue(sample, { path: samplePath });
    const parser = new IncrementalParser();
    const cache = new BlockRenderCache();
    const check = (text: string) => {
      const blocks = parser.parseBlocks(text);
      assert.ok(blocks);
      return cache.check(blocks, blockInput(catalogue, 'public'));
    };
    check(sample);
    const total = cache.lastCheckStats.resolved;
    assert.ok(total > 10);
    check(sample.replace('weekly drop-ins', 'weekly drop-in sessions'));
    assert.deepEqual(cache.lastCheckStats, { resolved: 1, reused: total - 1 });
    assert.equal(cache.lastCheckPath, 'quiet');
    // A new line at the top moves every block: their messages move, nothing is resolved again.
    check(sample.replace('\n\nThis report', '\n\n\nThis report'));
    assert.deepEqual(cache.lastCheckStats, { resolved: 1, reused: total - 1 });

    // Through edits that move lines, change figures, make a small number and change the
    // report period, one engine's check gives what a fresh engine's check and render give.
    const broken = readFileSync(brokenPath, 'utf8');
    const edits: ReadonlyArray<readonly [string, string]> = [
      [samplePath, sample],
      [
        samplePath,
        sample.replace(
          '## Care leavers\n',
          '## Care leavers\n\nA new paragraph\nover two lines.\n',
        ),
      ],
      [samplePath, sample.replace(':value{id=OP148}', ':value{id=OP147}')],
      [samplePath, sample.replace(':value{id=OP148}', ':value{id=OP148} (3 children)')],
      [samplePath, sample.replace('period: 2023/24 Q4', 'period: 2023/24 Q3')],
      [brokenPath, broken],
      // Typing inside a block with messages: its messages change, no line moves.
      [brokenPath, broken.replace(':value{id=OP418}', ':value{id=OP417}')],
      [brokenPath, broken.replace(':value{id=OP418}', ':value{id=OP148}')],
      [brokenPath, broken.replace('\n\n', '\n\n\n')],
      [samplePath, sample],
    ];
    for (const mode of ['preview', 'public'] as const) {
      const typing = createEngine();
      for (const [index, [path, text]] of edits.entries()) {
        const checked = await typing.check(text, { path, mode });
        assert.deepEqual(
          checked,
          await createEngine().check(text + WHOLE, { path, mode }),
          `edit ${index}`,
        );
        const rendered = await createEngine().render(text, { path, mode });
        assert.deepEqual(checked, rendered.messages, `edit ${index} (render)`);
      }
    }
  });

  it('renders again only the block an edit touched', async () => {
    const engine = createEngine();
    const { catalogue, period } = await engine.catalogue(sample, { path: samplePath });
    assert.ok(period);
    const parser = new IncrementalParser();
    const cache = new BlockRenderCache();
    const input = blockInput(catalogue);
    const render = async (text: string) => {
      const blocks = parser.parseBlocks(text);
      assert.ok(blocks);
      return cache.render(blocks, input);
    };
    await render(sample);
    const total = cache.lastStats.rendered;
    assert.ok(total > 10);
    await render(sample.replace('weekly drop-ins', 'weekly drop-in sessions'));
    assert.deepEqual(cache.lastStats, { rendered: 1, reused: total - 1 });
    // A new line at the top moves every block: lines shift, nothing renders again.
    const moved = await render(sample.replace('\n\nThis report', '\n\n\nThis report'));
    assert.deepEqual(cache.lastStats, { rendered: 1, reused: total - 1 });
    assert.match(moved?.body ?? '', /data-line="9"/);
    // A chart added above the others renders alone and leaves their ids as they were.
    const added = await render(
      sample.replace('## Care leavers\n', '## Care leavers\n\n::chart{id=OP147}\n'),
    );
    assert.ok(cache.lastStats.rendered <= 2, JSON.stringify(cache.lastStats));
    assert.match(added?.body ?? '', /id="sc-chart-OP147-title"/);
    assert.match(added?.body ?? '', /id="sc-chart-OP148-title"/);
    // A second chart of the same indicator above the first takes its name; the first moves on.
    const twice = await render(
      sample.replace('## Care leavers\n', '## Care leavers\n\n::chart{id=OP148}\n'),
    );
    assert.ok(cache.lastStats.rendered <= 2, JSON.stringify(cache.lastStats));
    assert.match(twice?.body ?? '', /id="sc-chart-OP148-2-title"/);
  });

  it('answers typing in one block from the last render, and anything wider from every block', async () => {
    const engine = createEngine();
    const { catalogue } = await engine.catalogue(sample, { path: samplePath });
    const parser = new IncrementalParser();
    const cache = new BlockRenderCache();
    const render = async (text: string, mode: RenderMode = 'preview') => {
      const blocks = parser.parseBlocks(text);
      assert.ok(blocks);
      const input = blockInput(catalogue, mode);
      const result = await cache.render(blocks, input);
      // The same as a new cache gives, whichever path answered.
      const fresh = await new BlockRenderCache().render(blocks, input);
      assert.equal(result?.body, fresh?.body);
      assert.deepEqual(result?.messages, fresh?.messages);
      assert.deepEqual(result?.printed, fresh?.printed);
      assert.equal(result?.firstHeading, fresh?.firstHeading);
      assert.deepEqual([...(result?.symbolsUsed ?? [])], [...(fresh?.symbolsUsed ?? [])]);
      return cache.lastPath;
    };
    assert.equal(await render(sample), 'full');
    assert.equal(
      await render(sample.replace('weekly drop-ins', 'weekly drop-in sessions')),
      'quiet',
    );
    assert.equal(
      await render(sample.replace('weekly drop-ins', 'weekly drop-in session')),
      'quiet',
    );
    // The same text again: nothing to do.
    assert.equal(
      await render(sample.replace('weekly drop-ins', 'weekly drop-in session')),
      'quiet',
    );
    // Another indicator's figure in one block: the document's decisions may change.
    assert.equal(await render(sample.replace(':value{id=OP148}', ':value{id=OP147}')), 'full');
    // A block that becomes the first heading changes the document's title.
    assert.equal(await render(sample.replace('## Assessments', '# Assessments')), 'full');
    assert.equal(await render(sample.replace('## Assessments', '# Assessments!')), 'full');
    // Lines that move, and another mode, go over every block.
    assert.equal(await render(sample.replace('\n\nThis report', '\n\n\nThis report')), 'full');
    assert.equal(await render(sample, 'public'), 'full');
    assert.equal(
      await render(sample.replace('weekly drop-ins', 'weekly drop-in'), 'public'),
      'quiet',
    );
    // The preview's last render is kept beside the export's.
    assert.equal(
      await render(
        sample.replace('\n\nThis report', '\n\n\nThis report').replace('weekly', 'Weekly'),
      ),
      'quiet',
    );
  });

  it('gives what a new engine gives through any run of edits (property)', async () => {
    const engine = createEngine();
    // Narrative lines, where typing is a quiet edit; and anywhere.
    const narrative = [...sample.matchAll(/^[A-Z][^\n:<>|`*_[\]=~\\^]{30,}$/gm)].map(
      (match) => (match.index ?? 0) + 5,
    );
    assert.ok(narrative.length > 3);
    const edit = fc.record({
      at: fc.oneof(
        fc.constantFrom(...narrative),
        fc.constantFrom(...narrative),
        fc.nat({ max: sample.length }),
      ),
      insert: fc.constantFrom('a', 'Z', ' ', '.', '# ', ':value{id=OP147}', '\n', ''),
      remove: fc.nat({ max: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 2, maxLength: 5 }),
        fc.constantFrom('preview', 'public'),
        async (edits, mode: RenderMode) => {
          let text = sample;
          for (const { at, insert, remove } of edits) {
            const where = Math.min(at, text.length);
            text = text.slice(0, where) + insert + text.slice(where + remove);
            const warm = await engine.render(text, { path: samplePath, mode });
            const fresh = await createEngine().render(text, { path: samplePath, mode });
            assert.equal(warm.html, fresh.html);
            assert.deepEqual(warm.messages, fresh.messages);
            assert.deepEqual(warm.figures, fresh.figures);
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it('leaves author data-line attributes to the whole-tree render', async () => {
    const parser = new IncrementalParser();
    const blocks = parser.parseBlocks('<p data-line="99">x</p>\n');
    assert.ok(blocks);
    const { catalogue } = await createEngine().catalogue(sample, { path: samplePath });
    const result = await new BlockRenderCache().render(blocks, blockInput(catalogue));
    assert.equal(result, undefined);
  });
});
