/**
 * A render is cancelled when a newer edit makes it useless. The engine looks at the
 * signal where stopping leaves every cache whole: between blocks, and before charts are
 * queued. Whatever reason the caller gave, the render rejects with an AbortError, as
 * `fetch` does, so a face can tell a cancelled render from a failed one.
 */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The render was cancelled', 'AbortError');
}
