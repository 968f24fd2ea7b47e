import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Dialog } from 'playwright-core';
import type { ChromiumSession } from '../../src/cli/pdf.js';
import { renderAttacks } from '../security/attack-corpus.js';
import { openDocument, startBrowser } from './browser.js';

/** The preview webview's policy (src/extension), with the nonce the panel would put in. */
function webviewShell(body: string, css: string): string {
  const nonce = randomBytes(16).toString('base64');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
<style nonce="${nonce}">${css}</style></head>
<body><main id="preview">${body}</main>
<script nonce="${nonce}">window.shellScriptRan = true;</script></body></html>`;
}

/**
 * Loads a document, pokes every element the way a reader might (hover, click, focus) and
 * reports what ran (dialogs) and what was asked of the network.
 */
async function probe(session: ChromiumSession, html: string) {
  const dialogs: string[] = [];
  const onDialog = (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  session.context.on('dialog', onDialog);
  const loaded = await openDocument(session, html);
  try {
    // Strings, not functions: this file is type-checked without the DOM library.
    await loaded.page.evaluate(`(() => {
      for (const element of document.querySelectorAll('body *'))
        for (const type of ['mouseover', 'click', 'focus', 'toggle', 'load', 'error'])
          element.dispatchEvent(new Event(type));
    })()`);
    await loaded.page.waitForTimeout(300);
    const scripts = Number(
      await loaded.page.evaluate(
        `Array.from(document.scripts).filter((script) => !script.hasAttribute('nonce')).length`,
      ),
    );
    const shellRan = (await loaded.page.evaluate(`window.shellScriptRan === true`)) === true;
    return { dialogs, requests: [...loaded.requests], scripts, shellRan };
  } finally {
    session.context.off('dialog', onDialog);
    await loaded.dispose();
  }
}

describe('the attack corpus in Chromium (export and preview)', function () {
  this.timeout(120_000);
  let session: ChromiumSession;
  let rendered: Awaited<ReturnType<typeof renderAttacks>>;
  before(async function () {
    session = await startBrowser(this);
    rendered = await renderAttacks();
  });
  after(async () => {
    await session?.close();
  });

  it('the probe sees a script run and a request when they happen (control)', async () => {
    const outcome = await probe(
      session,
      '<!doctype html><html><body><img src="http://127.0.0.1:9/x.png" alt=""><p onclick="alert(\'ran\')">x</p></body></html>',
    );
    assert.deepEqual(outcome.dialogs, ['ran']);
    assert.equal(outcome.requests.length, 1);
  });

  it('the probe sees a <picture> source and a srcset load when nothing stops them (control)', async () => {
    const outcome = await probe(
      session,
      '<!doctype html><html><body><picture><source srcset="http://127.0.0.1:9/p.png"><img alt="a"></picture><img alt="b" srcset="http://127.0.0.1:9/s.png 1x"></body></html>',
    );
    assert.equal(outcome.requests.length, 2, outcome.requests.join('\n'));
  });

  for (const mode of ['preview', 'public', 'exempt'] as const) {
    it(`export (${mode}): nothing runs and nothing is fetched, even without its CSP`, async () => {
      const entry = rendered.find((item) => item.mode === mode);
      assert.ok(entry);
      for (const html of [
        entry.result.html,
        // The sanitizer alone must hold: the CSP meta is a backstop, not the defence.
        entry.result.html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
      ]) {
        const outcome = await probe(session, html);
        assert.deepEqual(outcome.dialogs, []);
        assert.deepEqual(outcome.requests, []);
        assert.equal(outcome.scripts, 0);
      }
    });
  }

  it('preview body inside the webview CSP: nothing runs or is fetched, the shell script does', async () => {
    const entry = rendered.find((item) => item.mode === 'preview');
    assert.ok(entry);
    const outcome = await probe(session, webviewShell(entry.result.body, entry.result.css));
    assert.deepEqual(outcome.dialogs, []);
    assert.deepEqual(outcome.requests, []);
    assert.equal(outcome.scripts, 0);
    assert.equal(outcome.shellRan, true);
  });
});
