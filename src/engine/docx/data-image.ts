/**
 * An author's `<img>` kept by the sanitizer (only `data:` images are) -> a Word picture
 * with the image's alt text. Other images, and images whose size cannot be told, become
 * their alt text in brackets, as a browser shows a broken image.
 */
import type { Element } from 'hast';
import { ImageRun } from 'docx';
import type { DocxContext } from './context.js';
import { stringProperty } from './hast-text.js';

const DATA_URL = /^data:image\/(png|jpeg|jpg|gif);base64,([A-Za-z0-9+/=\s]+)$/i;

export function dataImageRun(img: Element, ctx: DocxContext): ImageRun | undefined {
  const match = DATA_URL.exec(stringProperty(img, 'src') ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  const type =
    match[1].toLowerCase() === 'png' ? 'png' : match[1].toLowerCase() === 'gif' ? 'gif' : 'jpg';
  const data = Uint8Array.from(Buffer.from(match[2], 'base64'));
  const size = declaredSize(img) ?? (type === 'png' ? pngSize(data) : undefined);
  if (!size) return undefined;
  const width = Math.min(size.width, ctx.textWidthPx);
  const height = Math.round((size.height * width) / size.width);
  const alt = stringProperty(img, 'alt') ?? '';
  return new ImageRun({
    type,
    data,
    transformation: { width, height },
    altText: { id: ctx.nextDrawingId(), name: 'Picture', ...(alt ? { description: alt } : {}) },
    ...(alt ? {} : { decorative: true }),
  });
}

function declaredSize(img: Element): { width: number; height: number } | undefined {
  const width = Number(stringProperty(img, 'width'));
  const height = Number(stringProperty(img, 'height'));
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** A PNG's size, from its header (IHDR: width and height at bytes 16 to 23). */
function pngSize(data: Uint8Array): { width: number; height: number } | undefined {
  if (data.length < 24) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 && width < 100_000 && height < 100_000
    ? { width, height }
    : undefined;
}
