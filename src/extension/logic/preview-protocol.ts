/**
 * Messages between the extension and the preview's script. Types only, shared by the
 * Node side and the webview bundle so the two cannot drift apart.
 */

export type ToPreview =
  | {
      readonly type: 'update';
      /** The engine's sanitized `<main>` content. */
      readonly body: string;
      /** Shown above the content; empty hides the banner. */
      readonly banner: string;
    }
  /** The render failed: keep the last good content, show why. */
  | { readonly type: 'failed'; readonly banner: string }
  /** The editor scrolled: show this (0-based, fractional) source line at the top. */
  | { readonly type: 'scroll'; readonly line: number };

export type FromPreview =
  | { readonly type: 'ready' }
  /** The reader scrolled the preview; the editor follows to this (0-based) line. */
  | { readonly type: 'reveal'; readonly line: number };

export function isFromPreview(value: unknown): value is FromPreview {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; line?: unknown };
  if (message.type === 'ready') return true;
  return (
    message.type === 'reveal' && typeof message.line === 'number' && Number.isFinite(message.line)
  );
}
