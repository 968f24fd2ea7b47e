import { randomBytes } from 'node:crypto';

export interface PreviewShellInput {
  /** `webview.cspSource`: the only origin scripts, styles and images may come from. */
  readonly cspSource: string;
  readonly nonce: string;
  /**
   * The page's script (dist/webview.js), written into the page. Loaded from the extension
   * instead, it comes through VS Code's webview service worker, which in a browser-hosted
   * VS Code (code-server) sometimes belongs to another webview: the request then goes to
   * the network and fails, and the preview never updates.
   */
  readonly script: string;
  readonly title: string;
  /** The engine's document CSS, so the preview looks like the export. */
  readonly css: string;
  /** What the page shows until its first content arrives (trusted text of ours). */
  readonly body: string;
}

/** A fresh nonce per page load: guessing it must be impossible. */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** Text safe in an HTML attribute or element of the pages the extension writes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** CSS safe inside a `<style>` element: a `</style` in it would end the element early. */
export function styleText(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

/**
 * A script safe inside a `<script>` element: `</script` would end it early (in a string or
 * a regular expression, `<\/script` means the same), and its source-map comment would name
 * a file the page cannot load.
 */
export function scriptText(script: string): string {
  return script.replace(/^\/\/# sourceMappingURL=.*$/gm, '').replace(/<\/script/gi, '<\\/script');
}

/**
 * The page the webview loads once; every render is posted to its script and patched in,
 * which keeps the scroll position and avoids a flash on every keystroke.
 */
export function previewShell(input: PreviewShellInput): string {
  const nonce = escapeHtml(input.nonce);
  const css = styleText(input.css);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style nonce="${nonce}">${css}</style>
<style nonce="${nonce}">
.scorecard-banner{position:sticky;top:0;z-index:10;margin:0 0 1em;padding:.5em .75em;border:2px solid #b00020;background:#fff4f4;color:#1a1a1a;font:13px/1.4 system-ui,sans-serif;white-space:pre-wrap}
.scorecard-banner[hidden]{display:none}
</style>
</head>
<body>
<div id="scorecard-banner" class="scorecard-banner" role="alert" hidden></div>
<main id="scorecard-content">${input.body}</main>
<script nonce="${nonce}">${scriptText(input.script)}</script>
</body>
</html>`;
}
