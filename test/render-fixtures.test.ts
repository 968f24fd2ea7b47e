import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine/index.js';
import type { RenderOptions } from '../src/engine/api.js';
import { formatMessageLine } from '../src/engine/messages.js';

/**
 * Fixture folders: `input.md` (+ optional `options.json`) -> `expected.html` (the body)
 * and `expected-messages.txt`. Run with UPDATE=1 to regenerate, then review the diff.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'render');
const update = process.env['UPDATE'] === '1';

describe('render fixtures', () => {
  // The shared data file sits above each case's folder, so that folder is allowed explicitly.
  const engine = createEngine({ allowedRoots: [root] });
  for (const name of readdirSync(root).filter((entry) =>
    existsSync(join(root, entry, 'input.md')),
  )) {
    it(name, async () => {
      const folder = join(root, name);
      const path = join(folder, 'input.md');
      const options: Partial<RenderOptions> = existsSync(join(folder, 'options.json'))
        ? (JSON.parse(readFileSync(join(folder, 'options.json'), 'utf8')) as Partial<RenderOptions>)
        : {};
      const result = await engine.render(readFileSync(path, 'utf8'), { ...options, path });
      const messages =
        result.messages.map((m) => formatMessageLine(m, relative(folder, m.file))).join('\n') +
        '\n';
      const expectedHtml = join(folder, 'expected.html');
      const expectedMessages = join(folder, 'expected-messages.txt');
      if (update || !existsSync(expectedHtml)) {
        writeFileSync(expectedHtml, result.body + '\n');
        writeFileSync(expectedMessages, messages);
      }
      assert.equal(result.body + '\n', readFileSync(expectedHtml, 'utf8'));
      assert.equal(messages, readFileSync(expectedMessages, 'utf8'));
    });
  }
});
