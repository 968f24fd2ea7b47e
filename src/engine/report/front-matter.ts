import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { didYouMean, nearest } from '../nearest.js';
import { RULES, createMessage } from '../messages.js';
import type { Message, SourcePlace } from '../types.js';

export type Classification = 'public' | 'exempt';

/** A value from the front matter with the place it was written, for messages. */
export interface Placed<T> {
  readonly value: T;
  readonly place: SourcePlace;
}

export interface FrontMatter {
  readonly title?: Placed<string>;
  readonly meeting?: Placed<string>;
  readonly period?: Placed<string>;
  readonly data: readonly Placed<string>[];
  readonly classification: Placed<Classification>;
  /** Where the front matter starts, for report-wide messages. */
  readonly place: SourcePlace;
}

const KNOWN_KEYS = new Set([
  'title',
  'meeting',
  'period',
  'data',
  'classification',
  'author',
  'date',
  'subtitle',
]);

/**
 * Reads the report's YAML front matter. `firstLine` is the report line of the YAML's
 * first line, so every message points into the report itself.
 */
export function readFrontMatter(
  yamlText: string | undefined,
  file: string,
  firstLine: number,
): { frontMatter: FrontMatter; messages: Message[] } {
  const messages: Message[] = [];
  const start: SourcePlace = { file, line: Math.max(1, firstLine - 1), column: 1 };
  const empty: FrontMatter = {
    data: [],
    classification: { value: 'public', place: start },
    place: start,
  };
  if (yamlText === undefined) return { frontMatter: empty, messages };

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const placeOf = (offset: number | undefined): SourcePlace => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file, line: firstLine + line - 1, column: col };
  };
  for (const error of doc.errors) {
    messages.push(
      createMessage(
        RULES.frontMatterInvalid,
        `Front matter is not valid YAML: ${error.message.split('\n')[0]}`,
        placeOf(error.pos[0]),
      ),
    );
  }
  if (!isMap(doc.contents)) {
    if (doc.contents !== null && doc.errors.length === 0) {
      messages.push(
        createMessage(
          RULES.frontMatterInvalid,
          'Front matter must be a list of `key: value` lines',
          start,
        ),
      );
    }
    return { frontMatter: empty, messages };
  }

  const nodePlace = (node: YamlNode | null | undefined): SourcePlace => placeOf(node?.range?.[0]);
  const scalarText = (key: string, node: unknown): Placed<string> | undefined => {
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') {
      return { value: String(node.value).trim(), place: nodePlace(node) };
    }
    messages.push(
      createMessage(
        RULES.frontMatterInvalid,
        `\`${key}\` must be a single value`,
        nodePlace(node as YamlNode),
      ),
    );
    return undefined;
  };

  let title: Placed<string> | undefined;
  let meeting: Placed<string> | undefined;
  let period: Placed<string> | undefined;
  let classification: Placed<Classification> = empty.classification;
  const data: Placed<string>[] = [];

  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyPlace = nodePlace(pair.key as YamlNode);
    switch (key) {
      case 'title':
        title = scalarText(key, pair.value);
        break;
      case 'meeting':
        meeting = scalarText(key, pair.value);
        break;
      case 'period':
        period = scalarText(key, pair.value);
        break;
      case 'classification': {
        const text = scalarText(key, pair.value);
        const value = text?.value.toLowerCase();
        if (!text) classification = { value: 'exempt', place: keyPlace };
        else if (value === 'public' || value === 'exempt') {
          classification = { value, place: text.place };
        } else {
          // Fail closed: a classification that cannot be read is taken as exempt.
          classification = { value: 'exempt', place: text.place };
          messages.push(
            createMessage(
              RULES.frontMatterInvalid,
              `classification must be \`public\` or \`exempt\`, not \`${text.value}\``,
              text.place,
            ),
          );
        }
        break;
      }
      case 'data': {
        const items = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const item of items) {
          const text = scalarText(key, item);
          if (text && text.value !== '') data.push(text);
        }
        break;
      }
      default:
        if (!KNOWN_KEYS.has(key)) {
          // An error, not a warning: `Classification: exempt` or `clasification: exempt`
          // read as an unknown key would leave the report public.
          const near = nearest(key, KNOWN_KEYS, 1);
          messages.push(
            createMessage(
              RULES.frontMatterInvalid,
              `Unknown front matter key \`${key}\`${didYouMean(near.map((k) => `\`${k}\``)) || '; expected one of title, meeting, period, data, classification'}`,
              keyPlace,
              { suggestions: near, end: placeOf((pair.key as YamlNode | null)?.range?.[1]) },
            ),
          );
        }
    }
  }
  return {
    frontMatter: {
      ...(title ? { title } : {}),
      ...(meeting ? { meeting } : {}),
      ...(period ? { period } : {}),
      data,
      classification,
      place: start,
    },
    messages,
  };
}
