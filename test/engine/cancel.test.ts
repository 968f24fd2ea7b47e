import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/engine/index.js';

const samplePath = fileURLToPath(
  new URL('../../samples/children-in-care-q4-2023-24.md', import.meta.url),
);
const sample = readFileSync(samplePath, 'utf8');

/** A signal that turns aborted after it has been looked at `looks` times. */
function abortsAfter(looks: number): AbortSignal {
  let seen = 0;
  return {
    get aborted() {
      return ++seen > looks;
    },
  } as AbortSignal;
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

describe('cancelling a render', () => {
  it('rejects at once with an AbortError when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('a reason of the caller'));
    const engine = createEngine();
    for (const mode of ['preview', 'public'] as const) {
      await assert.rejects(
        engine.render(sample, { path: samplePath, mode, signal: controller.signal }),
        isAbortError,
      );
    }
    await assert.rejects(
      engine.check(sample, { path: samplePath, signal: controller.signal }),
      isAbortError,
    );
  });

  it('renders as usual when the signal is never aborted', async () => {
    const engine = createEngine();
    const signal = new AbortController().signal;
    const result = await engine.render(sample, { path: samplePath, signal });
    const plain = await createEngine().render(sample, { path: samplePath });
    assert.equal(result.body, plain.body);
  });

  for (const mode of ['preview', 'public'] as const) {
    it(`(${mode}) stops between blocks and leaves the engine's caches as a finished render would`, async () => {
      const fresh = await createEngine().render(sample, { path: samplePath, mode });
      const edited = sample.replace('weekly drop-ins', 'weekly drop-in sessions');
      const freshEdited = await createEngine().render(edited, { path: samplePath, mode });
      let cancelled = 0;
      const attempt = async (
        engine: ReturnType<typeof createEngine>,
        text: string,
        looks: number,
      ) => {
        try {
          await engine.render(text, { path: samplePath, mode, signal: abortsAfter(looks) });
        } catch (error) {
          assert.ok(isAbortError(error), String(error));
          cancelled++;
        }
      };
      // Cancelled at each point the engine looks: in a cold engine, then after an edit.
      for (let looks = 0; looks < 40; looks += 4) {
        const engine = createEngine();
        await attempt(engine, sample, looks);
        const again = await engine.render(sample, { path: samplePath, mode });
        assert.equal(again.body, fresh.body);
        assert.deepEqual(again.messages, fresh.messages);
        await attempt(engine, edited, looks % 3);
        const afterEdit = await engine.render(edited, { path: samplePath, mode });
        assert.equal(afterEdit.body, freshEdited.body);
        assert.deepEqual(afterEdit.messages, freshEdited.messages);
      }
      assert.ok(cancelled > 5, `cancelled ${cancelled} times`);
    });
  }
});
