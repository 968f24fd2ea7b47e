/**
 * A stable hash of a JSON value: keys are sorted first, so two specs that differ only
 * in the order their properties were written hash alike.
 */
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = canonical(v);
    }
    return sorted;
  }
  return value;
}

/** SHA-1 hex of the canonical JSON of `value`: a cache key, not a security measure. */
export function specHash(value: unknown): string {
  return createHash('sha1')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}
