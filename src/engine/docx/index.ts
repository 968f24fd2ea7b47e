/**
 * The Word export's public face. The docx library and the chart rasteriser are loaded on
 * the first Word export, so the CLI and the preview start without them.
 */
export { readDocxGenerator } from './docx-owner.js';

/**
 * The .docx bytes of an exported HTML document (`RenderResult.html`): the same figures,
 * the same suppression, nothing the HTML does not publish. Rejects (with a reason for
 * the reader) only when the chart rasteriser cannot load on this platform.
 */
export async function renderDocx(html: string): Promise<Uint8Array> {
  const { buildDocx } = await import('./docx-document.js');
  return buildDocx(html);
}
