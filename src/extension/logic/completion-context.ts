import { listItemAt, scanAttributes } from './attribute-scan.js';
import { isListAttribute, kindOfColons, type DirectiveKind } from './directive-specs.js';

/** What the author is typing at the cursor, decided from the line text alone. */
export type CompletionContext =
  | {
      readonly type: 'directive-name';
      readonly kind: DirectiveKind;
      readonly prefix: string;
      /** Character where the name starts (the replacement range begins here). */
      readonly start: number;
    }
  | {
      readonly type: 'attribute-name';
      readonly directive: string;
      readonly prefix: string;
      readonly start: number;
      /** Attributes already written, so they are not offered twice. */
      readonly present: readonly string[];
    }
  | {
      readonly type: 'attribute-value';
      readonly directive: string;
      readonly attribute: string;
      /** The part being typed (for list values, the current item). */
      readonly prefix: string;
      readonly start: number;
      /** The value is unquoted; a value with spaces then needs quotes. */
      readonly quoted: boolean;
    };

/**
 * A directive name being typed: one to three colons at the start of the line or after
 * a character that cannot belong to a word or to another colon run (`10:30` is not one).
 */
const NAME_AT_END = /(?:^|[^\w:\\])(:{1,3})([A-Za-z][\w-]*)?$/;
/** An unclosed attribute list after a directive name and optional `[label]`. */
const OPEN_BRACE_AT_END = /(:{1,3})([A-Za-z][\w-]*)(?:\[[^\]]*\])?\{([^}]*)$/;

export function completionContext(line: string, character: number): CompletionContext | undefined {
  const before = line.slice(0, character);
  const brace = OPEN_BRACE_AT_END.exec(before);
  if (brace) {
    const directive = brace[2] ?? '';
    const inner = brace[3] ?? '';
    const innerStart = before.length - inner.length;
    return attributeContext(directive, inner, innerStart);
  }
  const name = NAME_AT_END.exec(before);
  if (name) {
    const colons = name[1] ?? ':';
    const prefix = name[2] ?? '';
    const leaf = colons.length > 1;
    // Block directives only stand at the start of a line (after indentation).
    if (leaf && before.slice(0, before.length - colons.length - prefix.length).trim() !== '') {
      return undefined;
    }
    return {
      type: 'directive-name',
      kind: kindOfColons(colons.length),
      prefix,
      start: before.length - prefix.length,
    };
  }
  return undefined;
}

function attributeContext(directive: string, inner: string, innerStart: number): CompletionContext {
  const tokens = scanAttributes(inner);
  const last = tokens.at(-1);
  const atEnd = inner.length;
  if (last && last.valueStart !== undefined && last.value !== undefined) {
    // Still inside the value: unquoted and touching the cursor, or an open quote.
    const inValue = last.quote ? last.open === true : last.valueEnd === atEnd;
    if (inValue) {
      const item = listItemAt(last.value, last.value.length);
      const isList = isListAttribute(last.name);
      const prefix = isList ? item.item : last.value;
      const start = innerStart + last.valueStart + (isList ? item.start : 0);
      return {
        type: 'attribute-value',
        directive,
        attribute: last.name,
        prefix,
        start,
        quoted: last.quote !== undefined,
      };
    }
  }
  const typingName = last && last.value === undefined && last.nameEnd === atEnd;
  const present = tokens.filter((t) => t !== last || !typingName).map((t) => t.name);
  return {
    type: 'attribute-name',
    directive,
    prefix: typingName ? last.name : '',
    start: innerStart + (typingName ? last.nameStart : atEnd),
    present,
  };
}
