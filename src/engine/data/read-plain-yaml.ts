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
 * quoted scalar or a flow collection over several lines (`nodeOverLines`), an empty
 * entry in a flow collection, and a `-` with nothing after it on its line.
 */
const NOT_PLAIN = new RegExp(
  [
    /(?:^|[\s[{,])[&*!]\S/,
    /<<|^%|\n(?:---|\.\.\.)(?:[ \t]|\r?$)/,
    /[|>][+-]?[1-9]|[|>][1-9]?\+/,
    /[|>]-?[ \t]*(?:#.*)?\r?\n[ \t]*\r?$/,
    /''[ \t]*\r?$/,
    // An empty entry in a flow collection (`[ , ]`), an error @stoplight/yaml lets pass.
    /[[{,][ \t]*,/,
    // A sequence item with nothing on its line: a null with no node to place it by.
    /^[ \t]*-[ \t]*(?:#.*)?\r?$/,
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'm',
);

/** The file read with positions, or undefined when the `yaml` package must read it. */
export function readPlainYaml(text: string, file: string): StructuredFile | undefined {
  if (text.charCodeAt(0) === 0xfeff || NOT_PLAIN.test(text) || nodeOverLines(text)) {
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
      // An empty value in a flow map (`{ period: }`) is a null node placed at -1.
      const start =
        next.value && next.value.startPosition >= 0 ? next.value.startPosition : undefined;
      offset = start ?? emptyValueStart(text, next.key) ?? offset;
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
 * Whether a quoted scalar or a flow collection (`[...]`, `{...}`) runs past the end of its
 * line, or anything but a comment follows a flow collection: @stoplight/yaml reads the
 * first differently from the YAML spec, and lets the others pass where the spec refuses
 * them. A quote or bracket opens a node where one may start (first on its line, or after
 * `:`, `-`, `?`, `[`, `{`, `,`); anywhere else (`Children's services`, `Rate [per
 * 10,000]`) it is text. Errs towards yes, which only costs speed.
 */
function nodeOverLines(text: string): boolean {
  let quote = '';
  let flows = 0;
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
    } else if (c === '\n' && flows > 0) {
      return true;
    } else if (c === '#' && /\s/.test(text.charAt(i - 1) || '\n')) {
      // A comment runs to the end of its line.
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
      continue;
    } else if (':-?[{,\n'.includes(last) && (c === '"' || c === "'")) {
      quote = c;
    } else if (':-?[{,\n'.includes(last) && (c === '[' || c === '{')) {
      flows++;
    } else if (flows > 0 && (c === ']' || c === '}')) {
      flows--;
      // Nothing but a comment may follow a flow collection on its line.
      if (flows === 0 && !/^(?:[ \t]+#.*|[ \t]*)\r?(?:\n|$)/.test(text.slice(i + 1, i + 200)))
        return true;
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

/**
 * `key:` with no value: the `yaml` package puts the null after the colon and its spaces;
 * a key with no colon at all (`{ b }`) holds a null that it places on the key.
 */
function emptyValueStart(text: string, key: YAMLNode | undefined): number | undefined {
  if (!key) return undefined;
  let offset = key.endPosition;
  while (text[offset] === ' ' || text[offset] === '\t') offset++;
  if (text[offset] !== ':') return key.startPosition;
  offset++;
  while (text[offset] === ' ' || text[offset] === '\t') offset++;
  return offset;
}
