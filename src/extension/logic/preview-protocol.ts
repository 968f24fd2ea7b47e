/**
 * Messages between the extension and the preview's script. Types only, shared by the
 * Node side and the webview bundle so the two cannot drift apart.
 */

/**
 * One block of the content, in order. `html` comes with blocks the page does not have;
 * a block it has is kept as it is (its charts' nodes untouched), its `data-line` numbers
 * moved by `shift` when lines were added or removed above it.
 */
export interface BlockSlot {
  readonly key: string;
  readonly html?: string;
  readonly shift?: number;
}

export type ToPreview =
  | {
      readonly type: 'blocks';
      /**
       * The content the patch applies to (the `seq` of the last one), or null for a whole
       * new content. A page holding anything else asks for the whole content again.
       */
      readonly base: number | null;
      readonly seq: number;
      /** Every block of the new content, in order; the engine's sanitized HTML. */
      readonly blocks: readonly BlockSlot[];
      /** Shown above the content; empty hides the banner. */
      readonly banner: string;
    }
  /** The render failed: keep the last good content, show why. */
  | { readonly type: 'failed'; readonly banner: string }
  /** The editor scrolled: show this (0-based, fractional) source line at the top. */
  | { readonly type: 'scroll'; readonly line: number };

export type FromPreview =
  | { readonly type: 'ready' }
  /** A patch did not fit what the page holds: send the whole content. */
  | { readonly type: 'resync' }
  /** The reader scrolled the preview; the editor follows to this (0-based) line. */
  | { readonly type: 'reveal'; readonly line: number };

export function isFromPreview(value: unknown): value is FromPreview {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; line?: unknown };
  if (message.type === 'ready' || message.type === 'resync') return true;
  return (
    message.type === 'reveal' && typeof message.line === 'number' && Number.isFinite(message.line)
  );
}
