/**
 * The quick reader for YAML data files. @stoplight/yaml builds an AST with every node's
 * offset, as the `yaml` package does, in a third of the time on a first read and a tenth
 * once warm: reading the data file is on the path of every export and of every preview
 * after a data change. It is trusted only with plain YAML it reads without complaint.
 * Anything else (a syntax error, a duplicate key, anchors and aliases, tags, merge keys,
 * directives, several documents, a byte order mark) goes to the `yaml` package, whose
 * messages and alias limit the rest of the engine relies on; a test holds the two
 * readers to the same data and the same places.
 */
import { Kind, parseWithPointers } from '@stoplight/yaml';
import type { YAMLNode } from '@stoplight/yaml';
import { LineCounter } from 'yaml';
import type { SourcePlace } from '../types.js';
import type { PathSegment, StructuredFile } from './read-structured.js';

/**
 * What the quick reader does not take: an anchor, alias or tag (`&a`, `*a`, `!t`) where a
 * node may start, a merge key, a directive, a document marker after the first line; and
 * the corners @stoplight/yaml reads differently from the YAML spec (found by the
 * differential test): a block scalar with an explicit indentation (`|2`), with "keep"
 * chomping (`|+`), or starting with a blank line, a `''` escape ending a line, and a
 * quoted scalar over several lines (`quotedOverLines`).
 */
const NOT_PLAIN = new RegExp(
  [
    /(?:^|[\s[{,])[&*!]\S/,
    /<<|^%|\n(?:---|\.\.\.)(?:[ \t]|\r?$)/,
    /[|>][+-]?[1-9]|[|>][1-9]?\+/,
    /[|>]-?[ \t]*(?:#.*)?\r?\n[ \t]*\r?$/,
    /''[ \t]*\r?$/,
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'm',
);

/** The file read with positions, or undefined when the `yaml` package must read it. */
export function readPlainYaml(text: string, file: string): StructuredFile | undefined {
  if (text.charCodeAt(0) === 0xfeff || NOT_PLAIN.test(text) || quotedOverLines(text)) {
    return undefined;
  }
  let parsed: ReturnType<typeof parseWithPointers>;
  try {
    parsed = parseWithPointers(text, { ignoreDuplicateKeys: false, mergeKeys: false });
  } catch {
    return undefined;
  }
  if (parsed.diagnostics.length > 0) return undefined;
  // An empty document has nothing to point into: every place is the start of the file.
  const ast = parsed.data == null ? undefined : (parsed.ast as YAMLNode | undefined);
  // The `yaml` package's own offset-to-line table, so both readers count alike.
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const at = (offset: number | undefined): SourcePlace => {
    if (offset === undefined) return { file, line: 1, column: 1 };
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const locate = (segments: readonly PathSegment[]): Located => {
    let node: YAMLNode | null | undefined = ast;
    let offset = node?.startPosition;
    for (const segment of segments) {
      const next = child(node, segment);
      if (next === undefined) break;
      node = next.value;
      offset = next.value?.startPosition ?? emptyValueStart(text, next.key) ?? offset;
    }
    return { node, offset };
  };
  return {
    file,
    // An empty document is null, as the `yaml` package reads it.
    data: parsed.data === undefined ? null : parsed.data,
    messages: [],
    placeOf: (segments) => at(locate(segments).offset),
    placeOfKey: (segments, key) => {
      const located = locate(segments);
      return at(child(located.node, key)?.key?.startPosition ?? located.offset);
    },
  };
}

/**
 * Whether a quoted scalar runs past the end of its line. A quote opens a scalar where a
 * node may start (first on its line, or after `:`, `-`, `?`, `[`, `{`, `,`); anywhere
 * else (`Children's services`) it is text. Errs towards yes, which only costs speed.
 */
function quotedOverLines(text: string): boolean {
  let quote = '';
  let last = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote === '"') {
      // An escaped line break continues the scalar on the next line.
      if (c === '\\' && text.charAt(i + 1) === '\n') return true;
      if (c === '\\') i++;
      else if (c === '"') quote = '';
      else if (c === '\n') return true;
    } else if (quote === "'") {
      if (c === "'" && text.charAt(i + 1) === "'") i++;
      else if (c === "'") quote = '';
      else if (c === '\n') return true;
    } else if ((c === '"' || c === "'") && ':-?[{,\n'.includes(last)) {
      quote = c;
    }
    if (c !== ' ' && c !== '\t' && c !== '\r') last = c;
  }
  return false;
}

interface Located {
  readonly node: YAMLNode | null | undefined;
  readonly offset: number | undefined;
}

interface Child {
  readonly key?: YAMLNode;
  readonly value: YAMLNode | null;
}

function child(node: YAMLNode | null | undefined, segment: PathSegment): Child | undefined {
  if (node?.kind === Kind.MAP) {
    const mapping = node.mappings.find((m) => String(m.key.value) === String(segment));
    return mapping ? { key: mapping.key, value: mapping.value } : undefined;
  }
  if (node?.kind === Kind.SEQ && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

/** `key:` with no value: the `yaml` package puts the null after the colon and its spaces. */
function emptyValueStart(text: string, key: YAMLNode | undefined): number | undefined {
  if (!key) return undefined;
  const colon = text.indexOf(':', key.endPosition);
  if (colon === -1) return key.startPosition;
  let offset = colon + 1;
  while (text[offset] === ' ' || text[offset] === '\t') offset++;
  return offset;
}
