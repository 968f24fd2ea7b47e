import assert from 'node:assert/strict';
import {
  contentSecurityPolicy,
  createNonce,
  previewShell,
} from '../../src/extension/logic/preview-shell.js';
import { isFromPreview } from '../../src/extension/logic/preview-protocol.js';

describe('preview shell', () => {
  const input = {
    cspSource: 'https://webview.test',
    nonce: 'abc123',
    script: "const end = '</script>';\n//# sourceMappingURL=webview.js.map",
    title: 'Q4 <report>',
    css: 'main{color:#000}</style><script>alert(1)</script>',
    body: '<p>Rendering…</p>',
  };

  it('allows nothing but our origin and nonce', () => {
    assert.equal(
      contentSecurityPolicy('https://webview.test', 'N'),
      "default-src 'none'; img-src https://webview.test data:; style-src https://webview.test 'nonce-N'; script-src 'nonce-N'",
    );
  });

  it('puts the CSP, nonced style and script and the placeholder in the page', () => {
    const html = previewShell(input);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/,
    );
    assert.match(html, /<style nonce="abc123">main\{color:#000\}<\\\/style>/);
    // The script is written in: the page loads nothing, whatever VS Code's service worker does.
    assert.ok(html.includes(`<script nonce="abc123">const end = '<\\/script>';\n</script>`));
    assert.equal(html.includes('sourceMappingURL'), false);
    assert.equal(html.includes(' src='), false);
    assert.match(html, /<main id="scorecard-content"><p>Rendering…<\/p><\/main>/);
    assert.match(html, /<title>Q4 &#60;report&#62;<\/title>/);
    // The CSS cannot close its element, so its `<script>` stays inert style text.
    assert.equal(html.includes('</style><script>'), false);
    assert.equal(html.match(/<script nonce=/g)?.length, 1);
  });

  it('makes a new unguessable nonce each time', () => {
    const a = createNonce();
    assert.notEqual(a, createNonce());
    assert.ok(a.length >= 24);
  });

  it('accepts only well-formed messages from the webview', () => {
    assert.equal(isFromPreview({ type: 'ready' }), true);
    assert.equal(isFromPreview({ type: 'reveal', line: 4.5 }), true);
    assert.equal(isFromPreview({ type: 'reveal', line: 'x' }), false);
    assert.equal(isFromPreview({ type: 'reveal', line: Number.NaN }), false);
    assert.equal(isFromPreview({ type: 'open', href: 'file:///etc' }), false);
    assert.equal(isFromPreview(null), false);
  });
});
