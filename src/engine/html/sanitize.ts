import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

/** The element that stands where generated (trusted) content goes after sanitizing. */
export const SLOT_TAG = 'sc-slot';

/**
 * Elements and attributes that point at another resource for the browser to choose and
 * fetch, or that carry a URL the export has no use for: `<picture><source srcset>` loads
 * an image as soon as the CSP meta is stripped (as council web publishing systems may
 * do), and `cite`, `longdesc`, `itemtype`, `action` are URLs in all but name.
 */
const DROPPED_TAGS = new Set(['picture', 'source']);
const DROPPED_ATTRIBUTES = new Set(['srcSet', 'cite', 'longDesc', 'itemType', 'action']);

function keptAttributes(list: Schema['attributes']): NonNullable<Schema['attributes']> {
  const kept: NonNullable<Schema['attributes']> = {};
  for (const [tag, attributes] of Object.entries(list ?? {})) {
    if (DROPPED_TAGS.has(tag)) continue;
    kept[tag] = attributes.filter((attribute) => {
      const name = typeof attribute === 'string' ? attribute : attribute[0];
      return !DROPPED_ATTRIBUTES.has(name);
    });
  }
  return kept;
}

const baseAttributes = keptAttributes(defaultSchema.attributes);

/**
 * GitHub-style sanitizing of everything the author wrote, plus the two things the
 * engine itself adds before sanitizing: slot placeholders and `data-line` for scroll
 * sync. Generated content (cards, charts) is inserted after this step, so it never
 * needs to be allowed here, and author HTML can never imitate it.
 */
export const reportSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !DROPPED_TAGS.has(tag)), SLOT_TAG],
  attributes: {
    ...baseAttributes,
    [SLOT_TAG]: ['dataSlot'],
    '*': [...(baseAttributes['*'] ?? []), 'dataLine'],
  },
  protocols: {
    ...defaultSchema.protocols,
    // Exports must make no network request: only images inside the document (data:) pass,
    // and fill-slots.ts keeps just the raster ones among those.
    src: ['data'],
  },
};

/**
 * The public export's schema: no `data-line` (it would show where removed exempt blocks
 * stood and how long they were), and links only within the page (see public-links.ts).
 */
export const publicSchema: Schema = {
  ...reportSchema,
  attributes: { ...reportSchema.attributes, '*': baseAttributes['*'] ?? [] },
};

const INLINE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\s]+$/;

/** Only images carried inside the document itself are kept. */
export function isInlineImage(src: unknown): boolean {
  return typeof src === 'string' && INLINE_IMAGE.test(src);
}
