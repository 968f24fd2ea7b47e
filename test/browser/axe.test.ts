import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { ChromiumSession } from '../../src/cli/pdf.js';
import { openDocument, startBrowser } from './browser.js';
import { fixtureDocuments, sampleDocuments } from './documents.js';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the accessibility regulations ask. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const samples = await sampleDocuments().then(
  (documents) => ({ documents, error: undefined }),
  (error: unknown) => ({ documents: [], error }),
);
const documents = [...fixtureDocuments(), ...samples.documents];

/** The few browser globals the checks use; the project compiles without the DOM library. */
interface PageGlobals {
  readonly document: unknown;
  readonly axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
}

function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) =>
          `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
      );
      return `  ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

describe('exported documents in Chromium', function () {
  this.timeout(120_000);
  let session: ChromiumSession;
  let axeSource: string;

  before(async function () {
    session = await startBrowser(this, { bypassCSP: true });
    axeSource = await readFile(
      createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      'utf8',
    );
  });
  after(async () => {
    await session?.close();
  });

  it('exports every sample report to check', () => {
    if (samples.error) throw samples.error;
    assert.ok(samples.documents.length > 0, 'no sample report was found under samples/');
  });

  it('would catch a violation (control: low-contrast text and an image without a text alternative)', async () => {
    const html = fixtureDocuments()[0]!.html.replace(
      '<main id="content">',
      '<main id="content"><p style="color:#aaaaaa">faint</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
    );
    const loaded = await openDocument(session, html);
    try {
      await loaded.page.addScriptTag({ content: axeSource });
      const ids = await loaded.page.evaluate(async (tags) => {
        const page = globalThis as unknown as PageGlobals;
        const results = await page.axe.run(page.document, {
          runOnly: { type: 'tag', values: tags },
        });
        return results.violations.map((v) => v.id).sort();
      }, WCAG_TAGS);
      assert.deepEqual(ids, ['color-contrast', 'image-alt']);
    } finally {
      await loaded.dispose();
    }
  });

  for (const doc of documents) {
    describe(doc.name, () => {
      it('has no WCAG 2.2 A/AA violation (axe-core)', async () => {
        const loaded = await openDocument(session, doc.html);
        try {
          await loaded.page.addScriptTag({ content: axeSource });
          const results = await loaded.page.evaluate(async (tags) => {
            const page = globalThis as unknown as PageGlobals;
            return page.axe.run(page.document, {
              runOnly: { type: 'tag', values: tags },
              resultTypes: ['violations'],
            });
          }, WCAG_TAGS);
          assert.ok(results.passes.length + results.violations.length > 0, 'axe ran no rule');
          assert.equal(
            results.violations.length,
            0,
            `axe found violations:\n${describeViolations(results.violations)}`,
          );
        } finally {
          await loaded.dispose();
        }
      });

      it('makes no request and holds no script', async () => {
        const loaded = await openDocument(session, doc.html);
        try {
          // A string, not a function: it runs in the page, where the DOM library's types are.
          const scripts = await loaded.page.evaluate<{
            elements: number;
            handlers: number;
            javascriptUrls: number;
          }>(`({
            elements: document.querySelectorAll('script').length,
            handlers: [...document.querySelectorAll('*')].filter((el) =>
              [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
            javascriptUrls: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').length,
          })`);
          assert.deepEqual(scripts, { elements: 0, handlers: 0, javascriptUrls: 0 });
          assert.deepEqual(loaded.requests, []);
        } finally {
          await loaded.dispose();
        }
      });
    });
  }
});
