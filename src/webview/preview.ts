/**
 * Runs inside the preview webview: patches new renders in place (keeping the reader's
 * scroll position), shows the failure banner, and keeps editor and preview scrolled
 * together through the engine's `data-line` attributes.
 */
import type { FromPreview, ToPreview } from '../extension/logic/preview-protocol.js';
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
let lastLine = Number(document.body.dataset['initialLine'] ?? '0') || 0;

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

function scrollToLine(line: number): void {
  lastLine = line;
  ignoreScrollUntil = Date.now() + 200;
  window.scrollTo({ top: offsetForLine(blocks(), line) });
}

function showBanner(text: string): void {
  if (!banner) return;
  banner.textContent = text;
  banner.hidden = text === '';
}

window.addEventListener('message', (event: MessageEvent<ToPreview>) => {
  const message = event.data;
  switch (message.type) {
    case 'update': {
      const top = window.scrollY;
      // The body comes from the engine's sanitizer; the CSP blocks any script in it anyway.
      if (content) content.innerHTML = message.body;
      showBanner(message.banner);
      ignoreScrollUntil = Date.now() + 200;
      window.scrollTo({ top });
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

window.addEventListener('load', () => {
  if (lastLine > 0) scrollToLine(lastLine);
});

vscode.postMessage({ type: 'ready' });
