/**
 * A stable hash of a JSON value: keys are sorted first, so two specs that differ only
 * in the order their properties were written hash alike.
 */
import { createHash } from 'node:crypto';

/**
 * `JSON.stringify` of the value with every object's keys sorted, written out directly
 * rather than from a sorted copy: a report's chart specs are hashed as they are made, and
 * the copies were a cost of their own (test/charts/spec-hash.test.ts holds the two equal).
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

/** The value's JSON, or undefined where JSON.stringify leaves a key out. */
function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => write(item) ?? 'null').join(',')}]`;
  }
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const item = write((value as Record<string, unknown>)[key]);
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`);
  }
  return `{${parts.join(',')}}`;
}

/** SHA-1 hex of the canonical JSON of `value`: a cache key, not a security measure. */
export function specHash(value: unknown): string {
  return createHash('sha1').update(canonicalJson(value)).digest('hex');
}
