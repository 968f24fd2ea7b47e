/**
 * Runs inside the preview webview: patches new renders in place (keeping the reader's
 * scroll position), shows the failure banner, and keeps editor and preview scrolled
 * together through the engine's `data-line` attributes.
 */
import type { FromPreview, ToPreview } from '../extension/logic/preview-protocol.js';
import { BlockPatcher } from '../extension/logic/block-patcher.js';
import { lineForOffset, offsetForLine, type Block } from '../extension/logic/scroll-sync.js';

interface VsCodeApi {
  postMessage(message: FromPreview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const content = document.getElementById('scorecard-content');
const banner = document.getElementById('scorecard-banner');

/** Set while we scroll on the editor's behalf, so that scroll is not reported back. */
let ignoreScrollUntil = 0;
let lastLine = 0;

function blocks(): Block[] {
  if (!content) return [];
  const found: Block[] = [];
  for (const element of content.querySelectorAll<HTMLElement>('[data-line]')) {
    const line = Number(element.dataset['line']);
    if (!Number.isFinite(line)) continue;
    const rect = element.getBoundingClientRect();
    found.push({ line, top: rect.top + window.scrollY, height: rect.height });
  }
  // Nested blocks can repeat or reorder lines; keep them in source order.
  return found.sort((a, b) => a.line - b.line || a.top - b.top);
}

/**
 * Where a patch found the reader, put back before the next paint; undefined once an
 * explicit scroll (the editor's, or the page shown again) has moved the page since.
 */
let restoreTop: number | undefined;

function scrollToLine(line: number): void {
  // A scroll asked for after a patch wins over the patch's putting the reader back.
  restoreTop = undefined;
  lastLine = line;
  ignoreScrollUntil = Date.now() + 200;
  window.scrollTo({ top: offsetForLine(blocks(), line) });
}

/** The real DOM under the patcher: blocks are `#scorecard-content`'s child nodes. */
const patcher = content
  ? new BlockPatcher<ChildNode>({
      parse(html) {
        const template = document.createElement('template');
        template.innerHTML = html;
        return [...template.content.childNodes];
      },
      children: () => [...content.childNodes],
      insertBefore: (node, reference) => void content.insertBefore(node, reference),
      remove: (node) => node.remove(),
      nextSibling: (node) => node.nextSibling,
      shiftLines(node, delta) {
        if (!(node instanceof Element)) return;
        const marked = node.matches('[data-line]') ? [node] : [];
        for (const element of [...marked, ...node.querySelectorAll('[data-line]')]) {
          const line = Number(element.getAttribute('data-line'));
          if (Number.isFinite(line)) element.setAttribute('data-line', String(line + delta));
        }
      },
    })
  : undefined;

function showBanner(text: string): void {
  if (!banner) return;
  banner.textContent = text;
  banner.hidden = text === '';
}

window.addEventListener('message', (event: MessageEvent<ToPreview>) => {
  const message = event.data;
  switch (message.type) {
    case 'blocks': {
      const top = window.scrollY;
      // The HTML comes from the engine's sanitizer; the CSP blocks any script in it anyway.
      if (patcher && !patcher.apply(message)) {
        vscode.postMessage({ type: 'resync' });
        break;
      }
      showBanner(message.banner);
      ignoreScrollUntil = Date.now() + 200;
      // Checked before the next paint, not now: asking at once would lay out the whole page
      // (every chart) before the new text could be drawn.
      restoreTop = top;
      requestAnimationFrame(() => {
        const back = restoreTop;
        restoreTop = undefined;
        if (back !== undefined && Math.abs(window.scrollY - back) >= 1) {
          window.scrollTo({ top: back });
        }
      });
      break;
    }
    case 'failed':
      showBanner(message.banner);
      break;
    case 'scroll':
      scrollToLine(message.line);
      break;
  }
});

let pending = false;
window.addEventListener(
  'scroll',
  () => {
    if (Date.now() < ignoreScrollUntil || pending) return;
    pending = true;
    // At most one report per frame: scrolling fires far more often than the editor needs.
    requestAnimationFrame(() => {
      pending = false;
      const line = lineForOffset(blocks(), window.scrollY);
      if (Math.abs(line - lastLine) < 0.5) return;
      lastLine = line;
      vscode.postMessage({ type: 'reveal', line });
    });
  },
  { passive: true },
);

vscode.postMessage({ type: 'ready' });
