import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import { createMessage, RULES } from '../messages.js';
import type { Message, SourcePlace } from '../types.js';
import { readPlainYaml } from './read-plain-yaml.js';

export type PathSegment = string | number;

/** A YAML or JSON data file parsed with the positions of its nodes kept. */
export interface StructuredFile {
  readonly file: string;
  /** The plain data, or undefined when the file has syntax errors. */
  readonly data: unknown;
  readonly messages: readonly Message[];
  /** Where the node at `at` starts; the nearest existing ancestor when it is absent. */
  placeOf(at: readonly PathSegment[]): SourcePlace;
  /** Where the key `key` of the mapping at `at` is written (for unknown-field messages). */
  placeOfKey(at: readonly PathSegment[], key: string): SourcePlace;
}

interface Located {
  readonly node: unknown;
  readonly offset: number | undefined;
}

/**
 * A YAML data file in the plain shapes data files are written in is read by a quick
 * reader (read-plain-yaml.ts) that gives exactly what the `yaml` package gives; any
 * other YAML file, and every JSON file, is read by the `yaml` package.
 */
export function parseStructured(text: string, file: string): StructuredFile {
  const isJson = path.extname(file).toLowerCase() === '.json';
  return (isJson ? undefined : readPlainYaml(text, file)) ?? readWithYamlPackage(text, file);
}

/**
 * YAML and JSON data files are parsed with the `yaml` package, the one YAML parser of the
 * project: it keeps source ranges and words its errors well. JSON is YAML 1.2, but a .json
 * file is also checked with JSON.parse so that JSON-only mistakes (single quotes,
 * comments, trailing commas) are reported as JSON errors.
 */
export function readWithYamlPackage(text: string, file: string): StructuredFile {
  const isJson = path.extname(file).toLowerCase() === '.json';
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const messages: Message[] = [];
  const start: SourcePlace = { file, line: 1, column: 1 };
  const at = (offset: number | undefined): SourcePlace => {
    if (offset === undefined) return start;
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  // A file that could not be read: its messages, and no data to place.
  const unread = () =>
    structured(
      file,
      undefined,
      messages,
      () => start,
      () => start,
    );
  let data: unknown;
  let usePositions = doc.errors.length === 0;

  if (isJson) {
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      messages.push(jsonSyntaxMessage(error, text, file, lineCounter));
      return unread();
    }
  } else if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      const place = pos ? { file, line: pos.line, column: pos.col } : start;
      messages.push(
        createMessage(
          RULES.dataInvalid,
          `YAML syntax error: ${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')}`,
          place,
        ),
      );
    }
    return unread();
  } else {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // An alias to no anchor before it, or too many aliases: the yaml package throws.
      const reason = error instanceof Error ? error.message : String(error);
      messages.push(
        createMessage(
          RULES.dataInvalid,
          `YAML syntax error: ${firstLine(reason)}`,
          at(aliasOffset(doc)),
        ),
      );
      return unread();
    }
  }
  if (isJson && doc.errors.length > 0) usePositions = false;

  const locate = (segments: readonly PathSegment[]): Located => {
    let node: unknown = doc.contents;
    let offset = rangeStart(node);
    for (const segment of segments) {
      const next = child(node, segment);
      if (next === undefined) break;
      node = next.value;
      offset = rangeStart(next.value) ?? rangeStart(next.key) ?? offset;
    }
    return { node, offset };
  };
  const placeOf = (segments: readonly PathSegment[]): SourcePlace =>
    usePositions ? at(locate(segments).offset) : start;
  const placeOfKey = (segments: readonly PathSegment[], key: string): SourcePlace => {
    if (!usePositions) return start;
    const located = locate(segments);
    const pair = child(located.node, key);
    return at(rangeStart(pair?.key) ?? located.offset);
  };
  return structured(file, data, messages, placeOf, placeOfKey);
}

function structured(
  file: string,
  data: unknown,
  messages: readonly Message[],
  placeOf: StructuredFile['placeOf'],
  placeOfKey: StructuredFile['placeOfKey'],
): StructuredFile {
  return { file, data, messages, placeOf, placeOfKey };
}

function child(node: unknown, segment: PathSegment): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(key) === String(segment)) return { key: pair.key, value: pair.value };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

/** Where the first alias to no anchor is, else the first alias (the one the limit counts from). */
function aliasOffset(doc: Document): number | undefined {
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      first ??= alias.range?.[0];
      if (alias.resolve(doc) !== undefined) return undefined;
      unresolved = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return unresolved ?? first;
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as Node).range;
  return range ? range[0] : undefined;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).trim();
}

/** V8 says "... in JSON at position 25" (sometimes also "(line 2 column 3)"); use it when present. */
function jsonSyntaxMessage(
  error: unknown,
  text: string,
  file: string,
  lineCounter: LineCounter,
): Message {
  const reason = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(reason);
  let place: SourcePlace = { file, line: 1, column: 1 };
  if (match?.[1] !== undefined) {
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const pos = lineCounter.linePos(Number(match[1]) + bom);
    place = { file, line: pos.line, column: pos.col };
  }
  const cleaned = reason
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '');
  return createMessage(RULES.dataInvalid, `JSON syntax error: ${firstLine(cleaned)}`, place);
}
