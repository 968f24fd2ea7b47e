import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/engine/index.js';
import { directiveAt } from '../../src/extension/logic/directive-at.js';
import {
  findIndicator,
  hoverMarkdown,
  latestText,
  periodKeys,
} from '../../src/extension/logic/indicator-text.js';

const report = fileURLToPath(
  new URL('../../samples/children-in-care-q4-2023-24.md', import.meta.url),
);

/** The extension's hover and completion text against the real engine and a real sample. */
describe('extension text on the sample report', () => {
  it('hovers an id in the report with the figure the report prints', async () => {
    const text = await readFile(report, 'utf8');
    const engine = createEngine({ allowedRoots: [] });
    const { catalogue, period } = await engine.catalogue(text, { path: report, mode: 'preview' });
    const line = text.split('\n').find((l) => l.includes(':value{id=OP148}'));
    assert.ok(line);
    const hit = directiveAt(line, line.indexOf('OP148'));
    assert.equal(hit?.id, 'OP148');
    const indicator = findIndicator(catalogue, hit.id);
    assert.ok(indicator);
    const md = hoverMarkdown(indicator, {
      ...(period ? { period } : {}),
      comparators: catalogue.comparators,
      reportDir: path.dirname(report),
    });
    const latest = latestText(indicator);
    assert.ok(latest);
    // The figure part of "67% (Q4 2023/24)" appears in the hover's value row.
    const figure = latest.replace(/ \(.*\)$/, '');
    assert.ok(md.includes(`| ${figure.replace(/[.()]/g, (c) => `\\${c}`)} |`), md);
    assert.match(md, /`data\/indicators\.yaml:\d+`/);
    assert.ok(periodKeys(catalogue).includes(period ?? ''));
  });
});
