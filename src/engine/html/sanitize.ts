import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

/** The element that stands where generated (trusted) content goes after sanitizing. */
export const SLOT_TAG = 'sc-slot';

/**
 * GitHub-style sanitizing of everything the author wrote, plus the two things the
 * engine itself adds before sanitizing: slot placeholders and `data-line` for scroll
 * sync. Generated content (cards, charts) is inserted after this step, so it never
 * needs to be allowed here, and author HTML can never imitate it.
 */
export const reportSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), SLOT_TAG],
  attributes: {
    ...defaultSchema.attributes,
    [SLOT_TAG]: ['dataSlot'],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine'],
  },
  protocols: {
    ...defaultSchema.protocols,
    // Exports must make no network request: only images inside the document (data:) pass,
    // and fill-slots.ts keeps just the raster ones among those.
    src: ['data'],
  },
};

const INLINE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\s]+$/;

/** Only images carried inside the document itself are kept. */
export function isInlineImage(src: unknown): boolean {
  return typeof src === 'string' && INLINE_IMAGE.test(src);
}
