import type { ErrorObject } from 'ajv';
import schema from '../../../schema/scorecard-data.schema.json' with { type: 'json' };
import { createMessage, RULES } from '../messages.js';
import type { Message } from '../types.js';
import { didYouMean, nearest } from '../nearest.js';
import type { PathSegment, StructuredFile } from './read-structured.js';
// The schema compiled ahead of time (npm run generate:schema): compiling it costs more
// than reading a data file.
import { validate } from './schema-validator.generated.js';
import { quoted } from '../quote.js';

/** The shipped schema; VS Code reads the same file through `jsonValidation`. */
export const dataSchema: unknown = schema;

/** Checks a parsed data file against the schema; one positioned message per problem. */
export function validateData(file: StructuredFile): Message[] {
  if (file.data === undefined) return [];
  if (validate(file.data)) return [];
  const errors = relevantErrors(validate.errors ?? []);
  const messages: Message[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const message = toMessage(error, file);
    const key = `${message.line}:${message.column}:${message.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(message);
  }
  return messages;
}

/**
 * The same messages as validateData, for a file whose `indicators:` entries may be the
 * same objects as in an earlier read: `valid` remembers, per entry object, whether it is
 * valid on its own. The schema's root has no keyword that relates its properties or the
 * entries to each other (test/data/incremental-read.test.ts holds it to that), so the
 * file is valid exactly when its other fields are and each entry is; when anything is
 * invalid, the whole file is checked as before, for the same messages in the same order.
 */
export function validateDataWithMemo(
  file: StructuredFile,
  valid: WeakMap<object, boolean>,
): Message[] {
  const data = file.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return validateData(file);
  const entries = (data as Record<string, unknown>)['indicators'];
  if (!Array.isArray(entries) || entries.length === 0) return validateData(file);
  let ok = validate({ ...data, indicators: [] });
  for (const entry of entries) {
    if (!ok) break;
    if (entry === null || typeof entry !== 'object') {
      ok = false;
      break;
    }
    let known = valid.get(entry);
    if (known === undefined) {
      known = validate({ indicators: [entry] });
      valid.set(entry, known);
    }
    ok = known;
  }
  return ok ? [] : validateData(file);
}

/**
 * An `anyOf` failure drags in one error per branch, and `if` adds a "must match then"
 * error beside the real `required` one; keep only the errors an author can act on.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  return errors.filter(
    (e) => e.keyword !== 'if' && !anyOfPaths.some((prefix) => e.schemaPath.startsWith(prefix)),
  );
}

function toMessage(error: ErrorObject, file: StructuredFile): Message {
  const segments = pointerSegments(error.instancePath);
  const where = describePath(segments, file.data);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const custom = typeof parent['errorMessage'] === 'string' ? parent['errorMessage'] : undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const known = Object.keys(
        (parent['properties'] as Record<string, unknown> | undefined) ?? {},
      );
      const suggestions = nearest(field, known);
      return createMessage(
        RULES.dataInvalid,
        `${where}: unknown field "${field}"${didYouMean(suggestions)}`,
        file.placeOfKey(segments, field),
        { suggestions },
      );
    }
    case 'required': {
      const field = String(params['missingProperty']);
      const detail = custom ?? `missing required field "${field}"`;
      return createMessage(RULES.dataInvalid, `${where}: ${detail}`, file.placeOf(segments));
    }
    case 'pattern': {
      const detail =
        typeof parent['patternErrorMessage'] === 'string'
          ? parent['patternErrorMessage']
          : `does not match ${String(params['pattern'])}`;
      return createMessage(
        RULES.dataInvalid,
        `${where}: ${quoted(error.data)} ${detail}`,
        file.placeOf(segments),
      );
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const suggestions = nearest(String(error.data), allowed);
      return createMessage(
        RULES.dataInvalid,
        `${where}: ${quoted(error.data)} is not one of ${allowed.join(', ')}`,
        file.placeOf(segments),
        { suggestions },
      );
    }
    case 'type':
      return createMessage(
        RULES.dataInvalid,
        `${where}: ${quoted(error.data)} is not ${article(String(params['type']))}`,
        file.placeOf(segments),
      );
    default:
      return createMessage(
        RULES.dataInvalid,
        `${where}: ${custom ?? error.message ?? 'is invalid'}`,
        file.placeOf(segments),
      );
  }
}

function article(type: string): string {
  const words = type
    .split(',')
    .map((t) => (t === 'integer' ? 'a whole number' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return words.join(' or ');
}

/** JSON Pointer (`/indicators/0/values/1`) to path segments, numbers for array items. */
export function pointerSegments(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * `OP660 values[1].period` rather than `/indicators/0/values/1/period`: authors know
 * their indicators by id, not by position in the list.
 */
export function describePath(segments: readonly PathSegment[], data: unknown): string {
  let text = '';
  let rest = segments;
  let separator = '.';
  if (segments[0] === 'indicators' && typeof segments[1] === 'number') {
    const id = indicatorId(data, segments[1]);
    text = id ?? `indicators[${segments[1]}]`;
    if (id !== undefined) separator = ' ';
    rest = segments.slice(2);
  }
  for (const segment of rest) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `${separator}${segment}`;
    separator = '.';
  }
  return text === '' ? 'the data file' : text;
}

function indicatorId(data: unknown, index: number): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const list = (data as Record<string, unknown>)['indicators'];
  if (!Array.isArray(list)) return undefined;
  const entry: unknown = list[index];
  if (entry === null || typeof entry !== 'object') return undefined;
  const id = (entry as Record<string, unknown>)['id'];
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}
