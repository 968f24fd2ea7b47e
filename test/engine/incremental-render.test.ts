import { ChartRenderer } from '../../src/engine/charts/render-svg.js';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { BlockRenderCache } from '../../src/engine/block-render-cache.js';
import { createEngine } from '../../src/engine/index.js';
import { IncrementalParser } from '../../src/engine/report/incremental-parse.js';
import { lineEdit, quietEdit } from '../../src/engine/report/quiet-edit.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const samplePath = join(samples, 'children-in-care-q4-2023-24.md');
const sample = readFileSync(samplePath, 'utf8');

function quiet(before: string, after: string): boolean {
  return quietEdit(before, after, lineEdit(before, after));
}

describe('quiet edits (the door checks kept between keystrokes)', () => {
  it('finds the one replacement between two texts', () => {
    assert.deepEqual(lineEdit('abcdef', 'abXdef'), { start: 2, removed: 1, inserted: 1 });
    assert.deepEqual(lineEdit('abcdef', 'abcXYdef'), { start: 3, removed: 0, inserted: 2 });
    assert.deepEqual(lineEdit('aaaa', 'aaa'), { start: 3, removed: 1, inserted: 0 });
    assert.deepEqual(lineEdit('same', 'same'), { start: 4, removed: 0, inserted: 0 });
  });

  it('finds the same replacement as a character-by-character comparison, in long texts too', () => {
    // Long texts are compared a run at a time first (runs of 256 characters, doubling up
    // to 32,768 and halving): edits on and around the runs' edges, in texts long enough
    // for runs of the longest length to follow each other.
    const naive = (before: string, after: string) => {
      const shorter = Math.min(before.length, after.length);
      let start = 0;
      while (start < shorter && before[start] === after[start]) start++;
      let tail = 0;
      while (tail < shorter - start && before.at(-1 - tail) === after.at(-1 - tail)) tail++;
      return {
        start,
        removed: before.length - start - tail,
        inserted: after.length - start - tail,
      };
    };
    const nearChunkEdges = fc.oneof(
      fc.nat({ max: 150_000 }),
      fc
        .tuple(fc.nat({ max: 560 }), fc.integer({ min: -6, max: 6 }))
        .map(([runs, off]) => Math.max(0, runs * 256 + off)),
    );
    fc.assert(
      fc.property(
        nearChunkEdges,
        nearChunkEdges,
        fc.nat({ max: 3 }),
        fc.string({ maxLength: 3 }),
        fc.constantFrom('ab', 'a', 'abcabcabd'),
        (length, at, removed, inserted, unit) => {
          const before = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          const start = Math.min(at, before.length);
          const after = before.slice(0, start) + inserted + before.slice(start + removed);
          assert.deepEqual(lineEdit(before, after), naive(before, after));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps plain typing inside a paragraph line, and nothing that could change a door check', () => {
    const text = 'Intro\n\nA line of narrative here.\n';
    assert.equal(quiet(text, text.replace('narrative', 'narratives')), true);
    assert.equal(quiet(text, text.replace('of narrative', 'of the narrative')), true);
    for (const changed of [
      text.replace('narrative', 'narr\native'), // a new line
      text.replace('narrative', 'narra*tive'), // emphasis counts
      text.replace('narrative', 'narra_tive'),
      text.replace('narrative', 'narra[tive'),
      text.replace('narrative', 'narra`tive'),
      text.replace('narrative', 'narra<tive'),
      text.replace('narrative', 'narra|tive'),
      text.replace('narrative', 'narra:tive'),
      text.replace('A line', 'XA line'), // the line's first character
      text.replace('A line', ' A line'),
      text.replace('\n\nA', '\n\n-A'),
    ]) {
      assert.equal(quiet(text, changed), false, JSON.stringify(changed));
    }
    // A line holding something a check reads with its words is never kept, even for a
    // plain edit (quiet-edit.test.ts holds every door answer to the rule).
    for (const line of ['A <b>bold</b> line.', ':::exempt here line', 'data-line="3" here']) {
      const before = `Intro\n\n${line}\n`;
      assert.equal(quiet(before, before.replace('here', 'there').replace('line', 'lines')), false);
    }
  });

  it('gives what a new engine gives after any one-character edit of the sample', async () => {
    const engine = createEngine();
    const original = await engine.render(sample, { path: samplePath });
    // Half the edits in narrative lines (inline figures too), where typing is quiet; half
    // anywhere.
    const narrative = [...sample.matchAll(/^[A-Z][^\n<>`*_[\]~\\^]{30,}$/gm)].map(
      (match) => (match.index ?? 0) + 5,
    );
    assert.ok(narrative.length > 3);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.nat({ max: sample.length }), fc.constantFrom(...narrative)),
        fc.constantFrom('a', 'Z', ' ', '.', '-', '1', '*', '_', ':', '[', '`', '|', '\n', ''),
        fc.boolean(),
        async (at, char, remove) => {
          const text = sample.slice(0, at) + char + sample.slice(at + (remove ? 1 : 0));
          const warm = await engine.render(text, { path: samplePath });
          const fresh = await createEngine().render(text, { path: samplePath });
          assert.equal(warm.body, fresh.body);
          assert.deepEqual(warm.messages, fresh.messages);
          const back = await engine.render(sample, { path: samplePath });
          assert.equal(back.body, original.body);
          assert.deepEqual(back.messages, original.messages);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('a keystroke that turns a directive line into a paragraph, or back', () => {
  // The line after a leaf directive reads otherwise than after a paragraph: here a list
  // item, which takes the indented exempt block in and ends it early. A warm engine that
  // kept the fence check's answer published "Tom Jones" and its figure.
  const path = fileURLToPath(new URL('../fixtures/render/typed-fence.md', import.meta.url));
  const head = '---\ntitle: T\nperiod: 2023/24 Q4\ndata: data.yaml\n---\n\n';
  const tail = '2. Weekly tracking.\n   :::exempt\n   Case notes.\nTom Jones :value{id=CNT}\n:::\n';
  const cases = [
    ['::chart{id=PCT benchmarks="England}\n', '::chart{id=PCT benchmarks="England"}\n'],
    ['::indicator{id=PCT}\n', '::indi cator{id=PCT}\n'],
    ['::indicator{id=PCT}x\n', '::indicator{id=PCT}\n'],
  ];
  for (const [first, typed] of cases) {
    it(`gives what a new engine gives in public mode: ${JSON.stringify(typed)}`, async () => {
      for (const [before, after] of [
        [first!, typed!],
        [typed!, first!],
      ]) {
        const warm = createEngine();
        await warm.render(head + before + tail, { path, mode: 'public' });
        const kept = await warm.render(head + after + tail, { path, mode: 'public' });
        const fresh = await createEngine().render(head + after + tail, { path, mode: 'public' });
        assert.deepEqual(kept.messages, fresh.messages);
        assert.equal(kept.refused, fresh.refused);
        assert.equal(kept.body, fresh.body);
        const checked = createEngine();
        await checked.check(head + before + tail, { path, mode: 'public' });
        assert.deepEqual(
          await checked.check(head + after + tail, { path, mode: 'public' }),
          fresh.messages.filter((message) => message.ruleId !== 'public-gate'),
        );
      }
    });
  }
});

describe('typing through a report (the door and the parser keep up)', () => {
  it('gives what a new engine gives, typing in one paragraph, then before it and after it', async () => {
    const engine = createEngine();
    // Narrative lines in document order, inline figures too: typing there is a quiet edit.
    const lines = [...sample.matchAll(/^[A-Z][^\n<>`*_[\]~\\^]{30,}$/gm)];
    assert.ok(lines.length >= 3);
    const middle = lines[Math.floor(lines.length / 2)]!;
    const plan = [
      ...Array.from({ length: 4 }, () => middle),
      lines[0]!,
      lines[0]!,
      lines.at(-1)!,
      middle,
    ];
    let text = sample;
    // Typed just before each line's last words, found again in the edited text (the typing
    // does not reach them), so each keystroke lands where that line now is.
    for (const [step, line] of plan.entries()) {
      const anchor = text.indexOf(line[0].slice(-20));
      assert.ok(anchor > 0);
      const at = anchor - 5;
      text =
        step % 3 === 2
          ? text.slice(0, at) + text.slice(at + 1)
          : `${text.slice(0, at)}ab${text.slice(at)}`;
      const warm = await engine.render(text, { path: samplePath });
      const fresh = await createEngine().render(text, { path: samplePath });
      assert.equal(warm.body, fresh.body, `step ${step}`);
      assert.deepEqual(warm.messages, fresh.messages);
      assert.deepEqual(warm.figures, fresh.figures);
    }
    // And check, which builds the whole tree from the kept blocks, positions included.
    assert.deepEqual(
      await engine.check(text, { path: samplePath }),
      await createEngine().check(text, { path: samplePath }),
    );
  });
});

describe('a render read after later keystrokes', () => {
  it('still shows the text it was given, typing in one block and then in others', async () => {
    const engine = createEngine();
    const lines = [...sample.matchAll(/^[A-Z][^\n:<>|`*_[\]=~\\^]{30,}$/gm)].map((m) => m[0]);
    assert.ok(lines.length >= 3);
    // Typing in one paragraph, then another, then back: the block cache replaces one
    // block's entry per keystroke and must not change what it handed out before.
    const plan = [lines[1]!, lines[1]!, lines[0]!, lines.at(-1)!, lines[1]!];
    let text = sample;
    const results = [];
    for (const [step, line] of plan.entries()) {
      const at = text.indexOf(line.slice(-20)) - 5;
      assert.ok(at > 0);
      text = `${text.slice(0, at)}${'xyz'.charAt(step % 3)}${text.slice(at)}`;
      // Nothing of the result is read until every keystroke has been rendered.
      results.push({ text, result: await engine.render(text, { path: samplePath }) });
    }
    for (const [step, { text: shown, result }] of results.entries()) {
      const fresh = await createEngine().render(shown, { path: samplePath });
      assert.equal(result.body, fresh.body, `keystroke ${step}`);
      assert.deepEqual(result.blocks, fresh.blocks);
      assert.deepEqual(result.figures, fresh.figures);
      assert.deepEqual(result.messages, fresh.messages);
    }
  });
});

describe('a data change re-renders only the blocks that read the changed indicator', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'scorecard-data-change-'));
    cpSync(samples, work, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  for (const mode of ['preview', 'public'] as const) {
    it(`(${mode}) and gives what a new engine gives`, async () => {
      const path = join(work, 'children-in-care-q4-2023-24.md');
      const dataPath = join(work, 'data', 'indicators.yaml');
      const engine = createEngine();
      const cache = new BlockRenderCache();
      const parser = new IncrementalParser();
      const renderBlocks = async () => {
        const { catalogue } = await engine.catalogue(sample, { path });
        const blocks = parser.parseBlocks(sample);
        assert.ok(blocks);
        const input = {
          path,
          catalogue,
          reportPeriod: undefined,
          mode,
          allowSmallNumbers: false,
          charts: new ChartRenderer({ workers: 0 }),
        };
        const result = await cache.render(blocks, input);
        assert.ok(result);
        return result;
      };
      const before = await engine.render(sample, { path, mode });
      const first = await renderBlocks();
      const data = readFileSync(dataPath, 'utf8');
      // OP147's latest value, in a file holding other indicators too.
      const at = data.indexOf('- id: OP147');
      const value = data.indexOf('{ period: 2023/24 Q4, value: ', at);
      const changed = data.slice(0, value) + data.slice(value).replace(/value: \d+/, 'value: 71');
      assert.notEqual(changed, data);
      writeFileSync(dataPath, changed);
      engine.invalidate(dataPath);
      const after = await engine.render(sample, { path, mode });
      const fresh = await createEngine().render(sample, { path, mode });
      assert.equal(after.body, fresh.body);
      assert.deepEqual(after.messages, fresh.messages);
      assert.notEqual(after.body, before.body);
      const second = await renderBlocks();
      assert.notEqual(second.body, first.body);
      const { rendered, reused } = cache.lastStats;
      // The OP147 card and chart, and the summary and scorecards listing it: not the rest.
      assert.ok(rendered >= 3, JSON.stringify(cache.lastStats));
      assert.ok(reused > 2 * rendered, JSON.stringify(cache.lastStats));
    });
  }
});
