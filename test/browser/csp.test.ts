import assert from 'node:assert/strict';
import type { ChromiumSession } from '../../src/cli/pdf.js';
import { renderDocument } from '../../src/engine/html/document.js';
import { openDocument, startBrowser } from './browser.js';

/**
 * The CSP meta is the backstop behind the sanitizer: were markup that loads or runs
 * something ever to reach the body, a browser opening the file still does neither.
 */
describe('the document CSP in Chromium', function () {
  this.timeout(60_000);
  let session: ChromiumSession;
  before(async function () {
    session = await startBrowser(this);
  });
  after(async () => {
    await session?.close();
  });

  it('blocks scripts, remote images, styles, frames and fonts that slipped into the body', async () => {
    const bodyHtml = [
      '<p id="marker">untouched</p>',
      '<script>document.getElementById("marker").textContent = "script ran";</script>',
      '<img src="x" alt="" onerror="document.getElementById(\'marker\').textContent = \'handler ran\'">',
      '<img src="http://127.0.0.1:9/pixel.png" alt="">',
      '<link rel="stylesheet" href="http://127.0.0.1:9/style.css">',
      '<iframe src="http://127.0.0.1:9/frame.html" title="frame"></iframe>',
      '<style>@font-face { font-family: x; src: url(http://127.0.0.1:9/font.woff2); } p { font-family: x; }</style>',
    ].join('\n');
    const withCsp = renderDocument({
      title: 'CSP check',
      classification: 'public',
      mode: 'public',
      bodyHtml,
      symbolsUsed: [],
      legend: [],
      generator: '0.1.0',
    });
    const outcome = async (html: string): Promise<{ marker: string | null; requests: number }> => {
      const loaded = await openDocument(session, html);
      try {
        await loaded.page.waitForTimeout(300);
        return {
          marker: await loaded.page.textContent('#marker'),
          requests: loaded.requests.length,
        };
      } finally {
        await loaded.dispose();
      }
    };
    assert.deepEqual(await outcome(withCsp), { marker: 'untouched', requests: 0 });
    // Control: the same page without the CSP meta does run and fetch, so the check can fail.
    const without = await outcome(
      withCsp.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
    );
    assert.notEqual(without.marker, 'untouched');
    assert.ok(without.requests >= 3, `only ${without.requests} requests without the CSP`);
  });
});
