import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEngine, createMemoryHost } from '../../src/engine/index.js';

setFlagsFromString('--expose-gc');
/** A full collection, so that what the heap holds afterwards is what is still reachable. */
const collect = runInNewContext('gc') as () => void;

/** A long report: paragraphs of narrative, about 280 KB. */
function longReport(paragraphs: number): string {
  const sentence = 'The service kept its visits on time this quarter and the team stayed whole. ';
  const body = Array.from(
    { length: paragraphs },
    (_, index) => `Paragraph ${index}: ${sentence.repeat(9)}`,
  );
  return `---\ntitle: Long\n---\n\n${body.join('\n\n')}\n`;
}

/** What an editor hands over on each keystroke: a new string, not a view of the last one. */
function typed(text: string, at: number, character: string): string {
  return Buffer.from(`${text.slice(0, at)}${character}${text.slice(at)}`).toString();
}

describe('typing in a long report', function () {
  this.timeout(120_000);
  const root = resolve('/scorecard-edit-memory-test');
  const path = join(root, 'report.md');

  // A letter keeps the door's findings; a pipe has the door read the text whole; a line
  // break cuts the blocks again: each path keeps what it caches apart from the report.
  for (const [kind, keys] of [
    ['a letter', 'xyz'],
    ['a table pipe', '|'],
    ['a line break', '\n'],
  ] as const) {
    it(`keeps no copy of the report per keystroke (${kind})`, async () => {
      const engine = createEngine({ host: createMemoryHost({}) });
      const text = longReport(400);
      const at = text.indexOf('Paragraph 200:') + 'Paragraph 200:'.length;
      const keystrokes = 150;
      await engine.render(text, { path });
      for (const character of 'ab') await engine.render(typed(text, at, character), { path });
      collect();
      const before = process.memoryUsage().heapUsed;
      let written = text;
      for (let stroke = 0; stroke < keystrokes; stroke++) {
        written = typed(written, at + stroke, keys.charAt(stroke % keys.length));
        const result = await engine.render(written, { path });
        assert.equal(result.messages.length, 0);
      }
      collect();
      const grown = process.memoryUsage().heapUsed - before;
      // Each keystroke's block may be kept (a few hundred bytes); a copy of the report
      // (about 280 KB) per keystroke would be some 40 MB.
      assert.ok(
        grown < (keystrokes * text.length) / 10,
        `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${keystrokes} keystrokes in a ${(text.length / 1e3).toFixed(0)} KB report`,
      );
    });
  }
});
